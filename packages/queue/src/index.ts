export * from "./names.ts";
export * from "./usage-job.ts";
