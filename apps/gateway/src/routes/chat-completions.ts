import { Hono } from "hono";
import { requireKey } from "../auth/require-key.ts";
import { completeChat } from "../chat/complete-chat.ts";
import { parseChatRequest } from "../chat/parse-request.ts";
import { prepareChat } from "../chat/prepare-chat.ts";
import { streamChat } from "../chat/stream-chat.ts";
import type { GatewayDeps } from "../deps.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { requestHeader } from "../http/request-header.ts";
import { readJson } from "./read-json.ts";

export function chatCompletionsRoute(deps: GatewayDeps) {
  return new Hono<GatewayEnv>().post(
    "/chat/completions",
    requireKey(deps, { rateLimited: true }),
    async (c) => {
      const body = parseChatRequest(await readJson(c, deps.config.maxBodyBytes));
      // c.get, not c.var: c.var copies every variable into a new object on each access.
      const chat = await prepareChat(deps, c.get("key"), body, {
        sessionHeader: requestHeader(c, "x-session-id"),
        startedAt: c.get("startedAt"),
        checkRateLimit: c.get("rateLimit"),
      });
      return chat.body.stream ? streamChat(deps, c, chat) : completeChat(deps, c, chat);
    },
  );
}
