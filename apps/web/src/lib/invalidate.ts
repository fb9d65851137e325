import type { Redis } from "ioredis";

/** Channel the gateways subscribe to; they drop cached keys / org settings on each message. */
export const INVALIDATE_CHANNEL = "switchyard:invalidate";

export type Invalidation = { type: "key"; keyHash: string } | { type: "org"; orgId: string };

export type PublishInvalidation = (message: Invalidation) => Promise<void>;

/** Publishes over Redis when there is one; without Redis the gateway runs in-process with short TTLs. */
export function invalidationPublisher(client: Redis | null): PublishInvalidation {
  return async (message) => {
    if (!client) return;
    await client.publish(INVALIDATE_CHANNEL, JSON.stringify(message));
  };
}
