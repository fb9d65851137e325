import { env } from "../env.ts";
import { httpBillingClient } from "./billing/client.ts";
import { db } from "./db.ts";
import { invalidationPublisher } from "./invalidate.ts";
import { redis } from "./redis.ts";
import type { ServiceDeps } from "./service.ts";

/** The real dependencies server actions run services with. */
export function serverDeps(): ServiceDeps {
  const config = env();
  return {
    db: db(),
    publish: invalidationPublisher(redis()),
    billing: httpBillingClient({ baseUrl: config.BILLING_URL, token: config.BILLING_INTERNAL_TOKEN }),
  };
}
