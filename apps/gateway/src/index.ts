export { createApp } from "./app.ts";
export { type BuiltGateway, buildGatewayDeps } from "./build-deps.ts";
export { OVERHEAD_HEADER } from "./chat/response-shape.ts";
export type { GatewayDeps } from "./deps.ts";
export { type GatewayEnv, loadGatewayEnv } from "./env.ts";
