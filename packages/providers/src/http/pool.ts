import { Pool } from "undici";

const pools = new Map<string, Pool>();

/** One keep-alive connection pool per upstream origin, shared by every adapter in the process. */
export function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, {
      connections: 256,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      // Time-to-headers is enforced per call (CallOptions.timeoutMs); streams may idle between chunks.
      headersTimeout: 0,
      bodyTimeout: 300_000,
      connect: { timeout: 10_000 },
    });
    pools.set(origin, pool);
  }
  return pool;
}

/** Closes every upstream pool (clean shutdown). In-flight requests are aborted. */
export async function closeUpstreamPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.destroy()));
}
