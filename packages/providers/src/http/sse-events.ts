import { UpstreamError } from "../errors.ts";
import type { SseEvent } from "../sse/parser.ts";
import { readSse } from "../sse/read-sse.ts";
import type { CallSignal } from "../types.ts";
import type { UpstreamResponse } from "./send.ts";
import { cancelled, streamInterrupted } from "./status-error.ts";

/**
 * SSE events of a 2xx streaming response. A socket lost mid-stream throws `stream_interrupted`,
 * a caller abort throws `cancelled`; stopping iteration early destroys the upstream body.
 */
export async function* sseEvents(res: UpstreamResponse, signal: CallSignal): AsyncGenerator<SseEvent> {
  try {
    for await (const event of readSse(res.body)) yield event;
  } catch (err) {
    if (err instanceof UpstreamError) throw err;
    if (signal.aborted) throw cancelled();
    throw streamInterrupted(
      `Upstream stream interrupted: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    if (!res.body.readableEnded) res.body.destroy();
  }
}

/** Parses one event's JSON data; a malformed event is a broken upstream. */
export function eventJson(event: SseEvent): unknown {
  try {
    return JSON.parse(event.data);
  } catch {
    throw new UpstreamError({
      code: "bad_response",
      message: "Upstream sent a malformed stream event",
      status: 502,
      retryable: true,
    });
  }
}
