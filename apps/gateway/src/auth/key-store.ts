import { apiKeys, type Database, hashApiKey } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { TtlCache } from "./ttl-cache.ts";

export interface ApiKeyRecord {
  keyId: string;
  orgId: string;
  name: string;
  keyHash: string;
  creditLimitNanos: bigint | null;
  rateLimitPerMinute: number | null;
  disabled: boolean;
  expiresAt: Date | null;
}

const POSITIVE_TTL_MS = 30_000;
/** Unknown keys are remembered briefly so a flood of bad keys cannot reach Postgres. */
const NEGATIVE_TTL_MS = 5_000;

/**
 * Resolves a secret to its key record. Steady state never touches Postgres: records live in an
 * LRU for seconds and are dropped early when the dashboard publishes an invalidation.
 */
export class KeyStore {
  readonly #cache = new TtlCache<ApiKeyRecord | null>(50_000, POSITIVE_TTL_MS);
  readonly #inflight = new Map<string, Promise<ApiKeyRecord | null>>();

  constructor(private readonly db: Database) {}

  async lookup(secret: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(secret);
    const cached = this.#cache.get(hash);
    if (cached !== undefined) return cached;
    const pending = this.#inflight.get(hash);
    if (pending) return pending;
    const load = this.#load(hash).finally(() => this.#inflight.delete(hash));
    this.#inflight.set(hash, load);
    return load;
  }

  invalidate(keyHash: string): void {
    this.#cache.delete(keyHash);
  }

  invalidateAll(): void {
    this.#cache.clear();
  }

  async #load(hash: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.keyHash, hash));
    const record: ApiKeyRecord | null = row
      ? {
          keyId: row.id,
          orgId: row.orgId,
          name: row.name,
          keyHash: row.keyHash,
          creditLimitNanos: row.creditLimitNanos,
          rateLimitPerMinute: row.rateLimitPerMinute,
          disabled: row.disabled,
          expiresAt: row.expiresAt,
        }
      : null;
    this.#cache.set(hash, record, record ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS);
    return record;
  }
}
