export * from "./app.ts";
export * from "./deps.ts";
export * from "./fees.ts";
export * from "./logger.ts";
export * from "./stripe-events/submit.ts";
export * from "./workers.ts";
