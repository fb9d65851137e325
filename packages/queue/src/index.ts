export * from "./auto-topup-job.ts";
export * from "./connection.ts";
export * from "./create-queue.ts";
export * from "./names.ts";
export * from "./stripe-event-job.ts";
export * from "./usage-job.ts";
