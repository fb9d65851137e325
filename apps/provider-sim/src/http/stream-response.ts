import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { SimSettings } from "../settings/settings.ts";

/** One serialized SSE event and the completion tokens it carries (for pacing). */
export interface StreamFrame {
  data: string;
  tokens: number;
}

export type StreamOutcome = "done" | "disconnect" | "aborted";

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive",
};

function writeAndFlush(outgoing: ServerResponse, data: string): Promise<void> {
  return new Promise((resolve) => {
    outgoing.write(data, () => resolve());
  });
}

/**
 * Writes SSE frames straight to the Node response: time to first token, tokens/second pacing and a
 * mid-stream socket destroy. With no pacing and no fault the whole body goes out in one write.
 */
export async function writeStream(
  outgoing: ServerResponse,
  frames: StreamFrame[],
  settings: Readonly<SimSettings>,
  extraHeaders?: Record<string, string>,
): Promise<StreamOutcome> {
  const headers = extraHeaders ? { ...SSE_HEADERS, ...extraHeaders } : SSE_HEADERS;
  const disconnectAfter = settings.disconnectAfterChunks;
  if (settings.ttftMs <= 0 && settings.tokensPerSecond <= 0 && disconnectAfter === undefined) {
    outgoing.writeHead(200, headers);
    outgoing.end(frames.map((f) => f.data).join(""));
    return "done";
  }

  outgoing.writeHead(200, headers);
  outgoing.flushHeaders();
  if (settings.ttftMs > 0) await sleep(settings.ttftMs);
  let written = 0;
  for (const frame of frames) {
    if (outgoing.destroyed) return "aborted";
    if (disconnectAfter !== undefined && written >= disconnectAfter) {
      outgoing.socket?.destroy();
      return "disconnect";
    }
    if (settings.tokensPerSecond > 0 && frame.tokens > 0 && written > 0) {
      await sleep((frame.tokens * 1000) / settings.tokensPerSecond);
      if (outgoing.destroyed) return "aborted";
    }
    await writeAndFlush(outgoing, frame.data);
    written += 1;
  }
  if (disconnectAfter !== undefined && written >= disconnectAfter) {
    outgoing.socket?.destroy();
    return "disconnect";
  }
  outgoing.end();
  return "done";
}

/** Resolves once the client connection behind `outgoing` has closed. */
export function waitForClose(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (outgoing.destroyed || outgoing.closed) resolve();
    else outgoing.once("close", () => resolve());
  });
}
