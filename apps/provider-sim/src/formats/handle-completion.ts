import { setTimeout as sleep } from "node:timers/promises";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import { generateOutput } from "../engine/generate.ts";
import { decideFault } from "../faults/decide-fault.ts";
import { waitForClose, writeStream } from "../http/stream-response.ts";
import type { SimStats } from "../settings/stats.ts";
import type { SimSettingsStore } from "../settings/store.ts";
import type { ErrorReply, FormatSpec, RouteInfo } from "./format-spec.ts";

export interface SimContext {
  store: SimSettingsStore;
  stats: SimStats;
  seed: number;
}

type SimEnv = { Bindings: HttpBindings };

function replyError(reply: ErrorReply): Response {
  return new Response(JSON.stringify(reply.body), {
    status: reply.status,
    headers: { "content-type": "application/json", ...reply.headers },
  });
}

/** The shared pipeline behind every format: auth, parse, faults, latency, generate, respond. */
export async function handleCompletion(
  c: Context<SimEnv>,
  sim: SimContext,
  spec: FormatSpec,
  route: RouteInfo,
): Promise<Response> {
  const { providerId } = route;
  const settings = sim.store.get(providerId);

  const authError = spec.authenticate(route);
  if (authError) {
    sim.stats.record(providerId, authError.status);
    return replyError(authError);
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    sim.stats.record(providerId, 400);
    return replyError(spec.error(400, "Request body is not valid JSON."));
  }
  const parsed = spec.parse(body, route);
  if (!parsed.ok) {
    sim.stats.record(providerId, parsed.error.status);
    return replyError(parsed.error);
  }

  const fault = decideFault(settings, sim.store, providerId, sim.seed);
  if (fault.kind === "hang") {
    sim.stats.record(providerId, "hang");
    await waitForClose(c.env.outgoing);
    return RESPONSE_ALREADY_SENT;
  }
  if (settings.latencyMs > 0) await sleep(settings.latencyMs);
  if (fault.kind === "rate_limit") {
    sim.stats.record(providerId, 429);
    const reply = spec.error(429);
    return replyError({
      ...reply,
      headers: { ...reply.headers, "retry-after": String(Math.ceil(fault.retryAfterSeconds)) },
    });
  }
  if (fault.kind === "error") {
    sim.stats.record(providerId, fault.status);
    return replyError(spec.error(fault.status));
  }

  const request = parsed.request;
  const output = generateOutput(request, settings, sim.seed);
  if (!request.stream) {
    sim.stats.record(providerId, 200);
    return new Response(JSON.stringify(spec.json(output, request, route)), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }
  const outcome = await writeStream(c.env.outgoing, spec.frames(output, request, route), settings);
  sim.stats.record(providerId, outcome === "disconnect" ? "disconnect" : 200);
  return RESPONSE_ALREADY_SENT;
}
