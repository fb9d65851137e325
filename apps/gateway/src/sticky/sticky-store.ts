import type { Redis } from "ioredis";
import { TtlCache } from "../auth/ttl-cache.ts";

/** Follow-up requests of a conversation stay on the endpoint that served it (warm prompt caches). */
export interface StickyStore {
  get(orgId: string, conversation: string, modelId: string): Promise<string | undefined>;
  set(orgId: string, conversation: string, modelId: string, endpointId: string): Promise<void>;
}

export const STICKY_IDLE_MS = 10 * 60_000;

export class LocalStickyStore implements StickyStore {
  readonly #cache = new TtlCache<string>(100_000, STICKY_IDLE_MS);

  async get(orgId: string, conversation: string, modelId: string): Promise<string | undefined> {
    const key = `${orgId}:${modelId}:${conversation}`;
    const endpointId = this.#cache.get(key);
    if (endpointId) this.#cache.set(key, endpointId);
    return endpointId;
  }

  async set(orgId: string, conversation: string, modelId: string, endpointId: string): Promise<void> {
    this.#cache.set(`${orgId}:${modelId}:${conversation}`, endpointId);
  }
}

/**
 * Shared through Redis so any replica keeps a conversation on its endpoint. A local copy answers
 * repeat lookups without a round trip, and writes go out without blocking the response.
 */
export class RedisStickyStore implements StickyStore {
  readonly #local = new LocalStickyStore();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(orgId: string, conversation: string, modelId: string): Promise<string | undefined> {
    const local = await this.#local.get(orgId, conversation, modelId);
    if (local) return local;
    // GETEX refreshes the idle timer on every read.
    const value = await this.redis.getex(this.#key(orgId, conversation, modelId), "PX", STICKY_IDLE_MS);
    if (value) await this.#local.set(orgId, conversation, modelId, value);
    return value ?? undefined;
  }

  async set(orgId: string, conversation: string, modelId: string, endpointId: string): Promise<void> {
    const previous = await this.#local.get(orgId, conversation, modelId);
    await this.#local.set(orgId, conversation, modelId, endpointId);
    if (previous === endpointId) return;
    this.redis.set(this.#key(orgId, conversation, modelId), endpointId, "PX", STICKY_IDLE_MS).catch(() => {
      // Sticky routing is an optimisation; losing one write only costs a cold cache.
    });
  }

  #key(orgId: string, conversation: string, modelId: string): string {
    return `${this.prefix}:sticky:${orgId}:${modelId}:${conversation}`;
  }
}
