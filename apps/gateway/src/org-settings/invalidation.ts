import type { Redis } from "ioredis";

/** Channel the dashboard publishes on when a key or an org's routing rules change. */
export const INVALIDATION_CHANNEL = "switchyard:invalidate";

export type Invalidation =
  | { type: "key"; keyHash: string }
  | { type: "org"; orgId: string }
  | { type: "catalog" };

export interface InvalidationHandlers {
  key(keyHash: string): void;
  org(orgId: string): void;
  catalog(): void;
}

/** Subscribes a dedicated Redis connection; malformed messages are ignored. */
export async function subscribeInvalidations(
  subscriber: Redis,
  handlers: InvalidationHandlers,
): Promise<void> {
  subscriber.on("message", (channel: string, raw: string) => {
    if (channel !== INVALIDATION_CHANNEL) return;
    const message = parseInvalidation(raw);
    if (message?.type === "key") handlers.key(message.keyHash);
    else if (message?.type === "org") handlers.org(message.orgId);
    else if (message?.type === "catalog") handlers.catalog();
  });
  await subscriber.subscribe(INVALIDATION_CHANNEL);
}

function parseInvalidation(raw: string): Invalidation | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (record.type === "key" && typeof record.keyHash === "string")
      return { type: "key", keyHash: record.keyHash };
    if (record.type === "org" && typeof record.orgId === "string")
      return { type: "org", orgId: record.orgId };
    if (record.type === "catalog") return { type: "catalog" };
  } catch {
    // not JSON: ignore
  }
  return undefined;
}
