import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import type { GatewayEnv } from "../hono-env.ts";

/**
 * Writes a JSON answer straight to the Node response: one `writeHead` and one `end`, so headers
 * and body leave in one socket write, with no Fetch `Response` or `Headers` built on the way.
 * Headers set earlier with `setHeader` (x-request-id) are merged in by Node.
 */
export function sendJson(
  c: Context<GatewayEnv>,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): Response {
  const json = JSON.stringify(body);
  c.env.outgoing.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  c.env.outgoing.end(json);
  return RESPONSE_ALREADY_SENT;
}
