import type { IncomingHttpHeaders } from "node:http";
import { type Dispatcher, errors } from "undici";
import { UpstreamError } from "../errors.ts";
import type { CallOptions } from "../types.ts";
import { poolFor } from "./pool.ts";
import { badResponse, cancelled, streamInterrupted } from "./status-error.ts";

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Dispatcher.ResponseData["body"];
}

export type ParseErrorResponse = (
  status: number,
  headers: IncomingHttpHeaders,
  bodyText: string,
) => UpstreamError;

/** Upstream URLs parsed once: a catalog has a few dozen, and a URL parse per call shows in profiles. */
const parsedUrls = new Map<string, { origin: string; path: string }>();
const MAX_PARSED_URLS = 1_000;

function upstreamUrl(url: string): { origin: string; path: string } {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    const { origin, pathname, search } = new URL(url);
    parsed = { origin, path: pathname + search };
    // Bounded all the same: the URLs come from configuration, but a stray one must not grow it forever.
    if (parsedUrls.size >= MAX_PARSED_URLS) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/**
 * POSTs JSON through the origin's keep-alive pool. Rejects with `UpstreamError`: `timeout` when no
 * response headers arrive within `timeoutMs`, `cancelled` when `signal` aborts, `connect_error`
 * for refused/reset connections, and the provider's mapped error for non-2xx answers. The signal
 * and the time-to-headers limit go to undici as they are, which detaches both when it is done:
 * no timer or abort controller of our own per call.
 */
export async function sendUpstream(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  options: CallOptions,
  parseError: ParseErrorResponse,
): Promise<UpstreamResponse> {
  const { signal, timeoutMs } = options;
  if (signal.aborted) throw cancelled();
  const target = upstreamUrl(url);

  let res: Dispatcher.ResponseData;
  try {
    const dispatched = poolFor(target.origin).request({
      path: target.path,
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...headers,
      },
      body: JSON.stringify(body),
      signal,
      headersTimeout: timeoutMs,
    });
    res = await timedWait(dispatched, options);
  } catch (err) {
    if (signal.aborted) throw cancelled();
    if (err instanceof errors.HeadersTimeoutError) {
      throw new UpstreamError({
        code: "timeout",
        message: `No response headers within ${timeoutMs} ms`,
        status: 408,
        retryable: true,
      });
    }
    const reason = err instanceof Error ? err.message : String(err);
    throw new UpstreamError({
      code: "connect_error",
      message: `Upstream connection failed: ${reason}`,
      status: 502,
      retryable: true,
    });
  }

  if (res.statusCode >= 200 && res.statusCode < 300) {
    return { status: res.statusCode, headers: res.headers, body: res.body };
  }
  let text = "";
  try {
    text = await timedWait(res.body.text(), options);
  } catch {
    // The error body itself was cut off; the status still says what happened.
  }
  throw parseError(res.statusCode, res.headers, text);
}

/** Reads a whole 2xx JSON body. Socket loss → stream_interrupted; invalid JSON → bad_response. */
export async function readJsonBody(res: UpstreamResponse, options: CallOptions): Promise<unknown> {
  let text: string;
  try {
    text = await timedWait(res.body.text(), options);
  } catch {
    if (options.signal.aborted) throw cancelled();
    throw streamInterrupted("Upstream connection lost while reading the response");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badResponse("Upstream sent a body that is not JSON", res.status);
  }
}

/** Awaits a read from the upstream and reports how long it took to `onWait`, settled or not. */
async function timedWait<T>(read: Promise<T>, options: CallOptions): Promise<T> {
  const started = performance.now();
  try {
    return await read;
  } finally {
    options.onWait?.(performance.now() - started);
  }
}
