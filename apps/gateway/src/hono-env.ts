import type { ApiKeyRecord } from "./auth/key-store.ts";

/** Variables the gateway's middleware puts on the Hono context. */
export type GatewayEnv = {
  Variables: {
    key: ApiKeyRecord;
    /** The key's rate-limit verdict, checked while the body is read; await before doing work. */
    rateLimit: Promise<void>;
    requestId: string;
  };
};
