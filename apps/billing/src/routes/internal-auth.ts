import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors.ts";

/** `Authorization: Bearer <BILLING_INTERNAL_TOKEN>` on every /internal route (constant-time compare). */
export function internalAuth(token: string): MiddlewareHandler {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (c, next) => {
    const given = Buffer.from(c.req.header("authorization") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError("unauthorized", "Missing or invalid internal token", 401, "authentication_error");
    }
    await next();
  };
}
