export * from "./accounts.ts";
export * from "./balances.ts";
export * from "./grants.ts";
export * from "./holds/types.ts";
export * from "./transfers.ts";
