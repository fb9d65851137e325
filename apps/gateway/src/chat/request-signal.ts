import type { ServerResponse } from "node:http";
import type { Context } from "hono";

export interface RequestSignal {
  signal: AbortSignal;
  /** Stops the deadline timer once the response is done. */
  dispose(): void;
}

/**
 * One abort signal per request: fires when the client goes away or the request deadline passes.
 * On Node it listens to the response socket directly; touching `c.req.raw` would build a full
 * Fetch `Request` per call, which is measurable on the hot path.
 */
export function requestSignal(c: Context, deadlineMs: number): RequestSignal {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("request deadline passed", "TimeoutError")),
    deadlineMs,
  );
  timer.unref();
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing) {
    outgoing.once("close", () => {
      clearTimeout(timer);
      if (!outgoing.writableFinished) controller.abort();
    });
  } else {
    c.req.raw.signal.addEventListener("abort", () => controller.abort(), { once: true });
  }
  return { signal: controller.signal, dispose: () => clearTimeout(timer) };
}
