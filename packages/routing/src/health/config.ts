export interface HealthConfig {
  /** Rolling window for `get()`: error rate, latency / TTFT percentiles, throughput. */
  windowMs: number;
  /** How long success / failure counts are kept: the longest `uptime()` window (raw samples only last `windowMs`). */
  retentionMs: number;
  /** Ring bucket width. */
  bucketMs: number;
  /** Raw samples kept per bucket for percentiles (overwritten round-robin beyond this). */
  maxSamplesPerBucket: number;
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** Error rate (0..1) above which the circuit opens, once `errorRateMinSamples` are seen in `errorRateWindowMs`. */
  errorRateThreshold: number;
  errorRateMinSamples: number;
  errorRateWindowMs: number;
  /** Time an open circuit waits before allowing one probe (half_open). */
  cooldownMs: number;
  /** Local events kept for `drainEvents()` before the oldest are dropped. */
  maxPendingEvents: number;
  /** How long `get()` reuses computed window statistics (percentiles sort their samples). */
  statsCacheMs: number;
}

export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  windowMs: 5 * 60_000,
  retentionMs: 30 * 60_000,
  bucketMs: 10_000,
  maxSamplesPerBucket: 128,
  failureThreshold: 3,
  errorRateThreshold: 0.5,
  errorRateMinSamples: 10,
  errorRateWindowMs: 30_000,
  cooldownMs: 5_000,
  maxPendingEvents: 10_000,
  statsCacheMs: 1_000,
};
