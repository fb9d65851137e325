export { createApp } from "./app.ts";
export { type BuiltGateway, buildGatewayDeps } from "./build-deps.ts";
export type { GatewayDeps } from "./deps.ts";
export { type GatewayEnv, loadGatewayEnv } from "./env.ts";
