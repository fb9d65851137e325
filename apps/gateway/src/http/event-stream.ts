import type { ServerResponse } from "node:http";

export interface EventStream {
  /**
   * The first text leaves at once, with the status line and headers. After it, everything written
   * in one turn of the event loop leaves in one socket write.
   */
  write(text: string): void;
  /** Resolves once the client has taken what was sent (backpressure), or has gone away. */
  drained(): Promise<void> | undefined;
  /** Sends what is queued and ends the response. */
  end(): void;
}

/**
 * A `text/event-stream` answer written straight to the Node response. The status line and headers
 * leave with the first event, in the same socket write, as soon as it exists: the first token's
 * time is what a streaming client waits on. A fast upstream then delivers many events per read,
 * and a write each would cost a system call each, so later events are gathered per turn; a slow
 * upstream's events still leave as soon as they arrive.
 */
export function openEventStream(outgoing: ServerResponse, headers: Record<string, string>): EventStream {
  outgoing.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  let pending = "";
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    clearImmediate(scheduled);
    scheduled = undefined;
    if (pending !== "" && !outgoing.destroyed) outgoing.write(pending);
    pending = "";
  };
  return {
    write: (text) => {
      pending += text;
      // Node sends the status line and headers with the first write.
      if (!outgoing.headersSent) flush();
      else scheduled ??= setImmediate(flush);
    },
    drained: () => (outgoing.writableNeedDrain && !outgoing.destroyed ? drainOrClose(outgoing) : undefined),
    end: () => {
      flush();
      if (!outgoing.destroyed) outgoing.end();
    },
  };
}

function drainOrClose(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off("drain", done);
      outgoing.off("close", done);
      resolve();
    };
    outgoing.on("drain", done);
    outgoing.on("close", done);
  });
}
