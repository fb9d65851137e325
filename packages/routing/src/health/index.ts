export type { CircuitState } from "./circuit-breaker.ts";
export { CircuitBreaker } from "./circuit-breaker.ts";
export type { HealthConfig } from "./config.ts";
export { DEFAULT_HEALTH_CONFIG } from "./config.ts";
export type { FailureInfo, HealthEvent, SuccessSample } from "./events.ts";
export type { HealthModelOptions } from "./health-model.ts";
export { HealthModel } from "./health-model.ts";
export { percentile } from "./percentile.ts";
