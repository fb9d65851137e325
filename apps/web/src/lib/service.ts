import type { Database } from "@switchyard/db";
import type { Actor } from "./authz/check.ts";
import type { BillingClient } from "./billing/client.ts";
import type { PublishInvalidation } from "./invalidate.ts";

/** What server-action services need, passed in so tests drive them with the real DB and Redis. */
export interface ServiceDeps {
  db: Database;
  publish: PublishInvalidation;
  billing: BillingClient;
}

/** Who is acting on which org; every service calls `checkMembership` with it first. */
export interface Scope {
  actor: Actor | null;
  orgId: string | null;
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string };
