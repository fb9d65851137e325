import type { ApiKeyRecord } from "./auth/key-store.ts";

/** Variables the gateway's middleware puts on the Hono context. */
export type GatewayEnv = {
  Variables: {
    key: ApiKeyRecord;
    requestId: string;
  };
};
