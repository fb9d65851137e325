export * from "./api-keys.ts";
export * from "./catalog.ts";
export * from "./generations.ts";
export * from "./identity.ts";
export * from "./ledger.ts";
export * from "./payments.ts";
export * from "./policies.ts";
