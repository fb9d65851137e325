export * from "./api-key-secret.ts";
export * from "./catalog-snapshot.ts";
export * from "./client.ts";
export * from "./ids.ts";
export * from "./migrate.ts";
export * from "./password.ts";
export * from "./schema/index.ts";
