import type { Context } from "hono";
import type { GatewayEnv } from "../hono-env.ts";

export interface RequestSignal {
  signal: AbortSignal;
  /** Stops the deadline timer once the response is done. */
  dispose(): void;
}

/**
 * One abort signal per request: fires when the client goes away or the request deadline passes.
 * It listens to the Node response directly; touching `c.req.raw` would build a full Fetch
 * `Request` per call, which is measurable on the hot path.
 */
export function requestSignal(c: Context<GatewayEnv>, deadlineMs: number): RequestSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("request deadline passed", "TimeoutError")),
    deadlineMs,
  );
  timer.unref();
  const { outgoing } = c.env;
  outgoing.once("close", () => {
    clearTimeout(timer);
    if (!outgoing.writableFinished) controller.abort();
  });
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}
