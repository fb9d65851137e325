/**
 * One observed outcome. Serialisable (plain JSON) so replicas can share them, e.g. over Redis:
 * publish `drainEvents()`, and `apply()` / `mergeEvents()` what the other replicas published.
 */
export interface HealthEvent {
  endpointId: string;
  /** epoch ms */
  at: number;
  ok: boolean;
  latencyMs?: number;
  ttftMs?: number;
  /** output tokens per second of generation */
  tps?: number;
  /** failures: upstream HTTP status and error code, when known */
  status?: number;
  code?: string;
}

export interface SuccessSample {
  latencyMs: number;
  ttftMs?: number;
  outputTokens: number;
  generationMs: number;
}

export interface FailureInfo {
  status?: number;
  code: string;
}
