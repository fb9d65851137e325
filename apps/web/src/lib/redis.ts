import { Redis } from "ioredis";
import { env } from "../env.ts";

const holder = globalThis as typeof globalThis & { __switchyardWebRedis?: Redis | null };

/** The process-wide Redis client, or null in in-process mode (no REDIS_URL). */
export function redis(): Redis | null {
  if (holder.__switchyardWebRedis === undefined) {
    const url = env().REDIS_URL;
    holder.__switchyardWebRedis = url
      ? new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false })
      : null;
  }
  return holder.__switchyardWebRedis;
}
