import { Hono } from "hono";
import { requireKey } from "../auth/require-key.ts";
import { completeChat } from "../chat/complete-chat.ts";
import { parseChatRequest } from "../chat/parse-request.ts";
import { type PreparedChat, prepareChat } from "../chat/prepare-chat.ts";
import { streamChat } from "../chat/stream-chat.ts";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { readJson } from "./read-json.ts";

export function chatCompletionsRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>().post(
    "/chat/completions",
    requireKey(deps, { rateLimited: true }),
    async (c) => {
      const startedAt = performance.now();
      const body = parseChatRequest(await readJson(c, deps.config.maxBodyBytes));
      const chat = await withinRateLimit(
        deps,
        c.var.rateLimit,
        prepareChat(deps, c.var.key, body, c.req.header("x-session-id"), startedAt),
      );
      return body.stream ? streamChat(deps, c, chat) : completeChat(deps, c, chat);
    },
  );
}

/**
 * Routing and the credit hold run while the rate-limit verdict is still on its way, so the two
 * Redis round trips overlap instead of queueing. A refused request gives its hold straight back.
 */
async function withinRateLimit(
  deps: GatewayDeps,
  rateLimit: Promise<void>,
  preparing: Promise<PreparedChat>,
): Promise<PreparedChat> {
  const [verdict, prepared] = await Promise.allSettled([rateLimit, preparing]);
  if (verdict.status === "rejected") {
    if (prepared.status === "fulfilled") {
      deps.holds
        .release(prepared.value.generationId)
        .catch((error: unknown) => deps.logger.warn({ err: error }, "hold release failed"));
    }
    throw verdict.reason;
  }
  if (prepared.status === "rejected") throw prepared.reason;
  return prepared.value;
}
