import type { ApiKeyRecord } from "./auth/key-store.ts";

/** Variables the gateway's middleware puts on the Hono context. */
export type GatewayEnv = {
  Variables: {
    key: ApiKeyRecord;
    /** Starts (once) and returns the key's rate-limit verdict: rejects with a 429 when over. */
    rateLimit: () => Promise<void>;
    requestId: string;
  };
};
