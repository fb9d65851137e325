import { OVERHEAD_HEADER } from "@switchyard/gateway";
import { Pool } from "undici";

export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: (stream: boolean) => string;
}

/** A keep-alive pool per target so connection setup never lands in a measurement. */
export function poolFor(target: Target, connections = 1): Pool {
  return new Pool(new URL(target.url).origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
}

export interface Timing {
  totalMs: number;
  ttfbMs: number;
  status: number;
  /** Switchyard's own time for the request, from its overhead header. */
  ownMs: number | undefined;
}

export async function timeRequest(pool: Pool, target: Target, stream: boolean): Promise<Timing> {
  const url = new URL(target.url);
  const started = process.hrtime.bigint();
  const response = await pool.request({
    path: url.pathname + url.search,
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers },
    body: target.body(stream),
  });
  let ttfb: bigint | undefined;
  for await (const _chunk of response.body) ttfb ??= process.hrtime.bigint();
  const ended = process.hrtime.bigint();
  const own = response.headers[OVERHEAD_HEADER];
  return {
    totalMs: Number(ended - started) / 1e6,
    ttfbMs: Number((ttfb ?? ended) - started) / 1e6,
    status: response.statusCode,
    ownMs: typeof own === "string" ? Number(own) : undefined,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface PairedResult {
  directP50: number;
  directP99: number;
  targetP50: number;
  targetP99: number;
  addedP50: number;
  addedP99: number;
  /**
   * Added at p90 and p95 too (the target's percentile minus the direct one): where the tail starts.
   * With settlement on the same two cores it starts around p90 (docs/performance.md).
   */
  addedP90: number;
  addedP95: number;
  /** The gateway's own time (its overhead header) for the same requests, when it sends one. */
  ownP50?: number;
  ownP99?: number;
  /**
   * What each pair added beyond the gateway's own time (through the gateway, minus direct, minus
   * own time), p50: the extra hops' cost, and how much slower the upstream leg was through it.
   */
  outsideOwnP50?: number;
  errors: number;
}

type Metric = "totalMs" | "ttfbMs";

/** Warm-up pairs per connection: each new one goes to the next gateway process (see pairedLatency). */
export const WARMUP_PAIRS_PER_CONNECTION = 250;

/**
 * Concurrency 1, interleaved pairs (direct, then through the target) so drift on the machine hits
 * both alike. Added latency = the target's percentile minus the direct percentile, for time to
 * first byte and total time of the same requests, after `warmup` unmeasured pairs.
 */
export async function pairedLatency(
  direct: Target,
  target: Target,
  pairs: number,
  options: { stream: boolean; warmup: number },
): Promise<Record<Metric, PairedResult>> {
  const directPool = poolFor(direct);
  let targetPool = poolFor(target);
  const directTimes: Timing[] = [];
  const targetTimes: Timing[] = [];
  let errors = 0;
  /** The i-th pair, direct and target timings; which of the two goes first alternates. */
  const timePair = async (i: number): Promise<[Timing, Timing]> => {
    const first = i % 2 === 0;
    const a = await timeRequest(first ? directPool : targetPool, first ? direct : target, options.stream);
    const b = await timeRequest(first ? targetPool : directPool, first ? target : direct, options.stream);
    const [d, t] = first ? [a, b] : [b, a];
    if (d.status !== 200 || t.status !== 200) errors += 1;
    return [d, t];
  };
  for (let i = 1; i <= options.warmup; i++) {
    await timePair(i);
    // A new connection every few hundred pairs while warming: node:cluster hands each new
    // connection to the next gateway process, so all of them warm up, whichever one the measured
    // requests' connection then lands on. With one connection, the measurement that came next (the
    // streaming one, or the one with settlement paused) landed on a process that had nothing but its
    // own warm-up pairs behind it.
    if (i % WARMUP_PAIRS_PER_CONNECTION === 0) {
      await targetPool.close();
      targetPool = poolFor(target);
    }
  }
  for (let i = 0; i < pairs; i++) {
    const [d, t] = await timePair(i);
    directTimes.push(d);
    targetTimes.push(t);
  }
  await Promise.all([directPool.close(), targetPool.close()]);
  const result = (metric: Metric): PairedResult => {
    const directs = directTimes.map((time) => time[metric]);
    const targets = targetTimes.map((time) => time[metric]);
    const [directP50, directP99] = [percentile(directs, 50), percentile(directs, 99)];
    const [targetP50, targetP99] = [percentile(targets, 50), percentile(targets, 99)];
    const added = (p: number) => percentile(targets, p) - percentile(directs, p);
    const owns = targetTimes.flatMap((time) => (time.ownMs === undefined ? [] : [time.ownMs]));
    const outsideOwn = targetTimes.flatMap((time, i) =>
      time.ownMs === undefined ? [] : [time[metric] - (directs[i] ?? Number.NaN) - time.ownMs],
    );
    return {
      ...(owns.length > 0
        ? {
            ownP50: percentile(owns, 50),
            ownP99: percentile(owns, 99),
            outsideOwnP50: percentile(outsideOwn, 50),
          }
        : {}),
      directP50,
      directP99,
      targetP50,
      targetP99,
      addedP50: targetP50 - directP50,
      addedP99: targetP99 - directP99,
      addedP90: added(90),
      addedP95: added(95),
      errors,
    };
  };
  return { totalMs: result("totalMs"), ttfbMs: result("ttfbMs") };
}
