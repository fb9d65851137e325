import type { HttpBindings } from "@hono/node-server";
import type { ApiKeyRecord } from "./auth/key-store.ts";

/**
 * The gateway is served by @hono/node-server (main.ts and the test harness alike), so its handlers
 * can use the Node request and response under each context (`c.env`): the hot path reads headers
 * and the body and writes its answer there without building Fetch `Request`/`Response`/`Headers`.
 */
export type GatewayEnv = {
  Bindings: HttpBindings;
  /** Variables the gateway's middleware puts on the Hono context. */
  Variables: {
    key: ApiKeyRecord;
    /** Starts (once) and returns the key's rate-limit verdict: rejects with a 429 when over. */
    rateLimit: () => Promise<void>;
    requestId: string;
    /** performance.now() when the request reached the gateway's first middleware */
    startedAt: number;
  };
};
