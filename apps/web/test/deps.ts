import type { DbHandle } from "@switchyard/db";
import { testRedisUrl } from "@switchyard/db/testing";
import { Redis } from "ioredis";
import { type BillingClient, httpBillingClient } from "../src/lib/billing/client.ts";
import { INVALIDATE_CHANNEL, type Invalidation, invalidationPublisher } from "../src/lib/invalidate.ts";
import type { ServiceDeps } from "../src/lib/service.ts";

/** Listens on the real invalidation channel and lets a test wait for a given message. */
export interface InvalidationListener {
  received: Invalidation[];
  waitFor(match: (message: Invalidation) => boolean, timeoutMs?: number): Promise<Invalidation>;
  close(): Promise<void>;
}

export async function listenForInvalidations(): Promise<InvalidationListener> {
  const subscriber = new Redis(testRedisUrl());
  const received: Invalidation[] = [];
  subscriber.on("message", (_channel: string, text: string) =>
    received.push(JSON.parse(text) as Invalidation),
  );
  await subscriber.subscribe(INVALIDATE_CHANNEL);
  return {
    received,
    async waitFor(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = received.find(match);
        if (hit) return hit;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error("invalidation not received before the deadline");
    },
    close: async () => {
      await subscriber.quit();
    },
  };
}

/** Real services: test Postgres, test Redis publisher, and a billing client at `billingUrl`. */
export function realDeps(
  handle: DbHandle,
  options: { billingUrl?: string; billingToken?: string } = {},
): ServiceDeps & { close(): Promise<void> } {
  const publisher = new Redis(testRedisUrl());
  const billing: BillingClient = httpBillingClient({
    baseUrl: options.billingUrl ?? "http://127.0.0.1:9",
    token: options.billingToken ?? "test-token",
    timeoutMs: 2_000,
  });
  return {
    db: handle.db,
    publish: invalidationPublisher(publisher),
    billing,
    close: async () => {
      await publisher.quit();
    },
  };
}
