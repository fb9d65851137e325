import type { Context } from "hono";
import type { GatewayEnv } from "../hono-env.ts";

/**
 * One request header from Node's parsed headers. `c.req.header()` would first copy every header
 * into a Fetch `Headers` object, which showed up on the gateway's hot path.
 */
export function requestHeader(c: Context<GatewayEnv>, name: string): string | undefined {
  const value = c.env.incoming.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
