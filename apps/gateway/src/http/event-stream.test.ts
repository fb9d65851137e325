import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type EventStream, openEventStream } from "./event-stream.ts";

let server: Server | undefined;
afterEach(() => server?.close());

/** A real server answering with an event stream, and a real client that has its response. */
async function openPair(): Promise<{ events: EventStream; response: IncomingMessage }> {
  let opened: (events: EventStream) => void = () => {};
  const eventsReady = new Promise<EventStream>((resolve) => {
    opened = resolve;
  });
  server = createServer((_req, res) => {
    const events = openEventStream(res, { "x-test": "1" });
    // The first event leaves at once, with the headers: the client sees the response now.
    events.write("data: first\n\n");
    opened(events);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await new Promise<IncomingMessage>((resolve) => {
    get(`http://127.0.0.1:${port}/`, resolve);
  });
  return { events: await eventsReady, response };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const EVENT = `data: ${"x".repeat(64 * 1024)}\n\n`;

/** Writes until the Node response holds more than the socket takes: a reader that stopped reading. */
async function fillUntilBackpressure(
  events: EventStream,
): Promise<{ written: number; drained: Promise<void> }> {
  let written = 0;
  for (let i = 0; i < 2_000; i++) {
    events.write(EVENT);
    written += EVENT.length;
    await nextTurn();
    const drained = events.drained();
    if (drained) return { written, drained };
  }
  throw new Error("no backpressure after 128 MiB");
}

describe("openEventStream", () => {
  it("sends the headers with the first event, before anything else is written", async () => {
    const { response } = await openPair();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(response.headers["x-test"]).toBe("1");
    response.destroy();
  });

  it("reports backpressure while the client does not read, and clears it once it does", async () => {
    const { events, response } = await openPair();
    response.pause();
    const { written, drained } = await fillUntilBackpressure(events);
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      received += chunk.length;
    });
    const ended = new Promise((resolve) => response.once("end", resolve));
    response.resume();
    await drained;
    expect(events.drained()).toBeUndefined();
    events.write("data: [DONE]\n\n");
    events.end();
    await ended;
    expect(received).toBe("data: first\n\n".length + written + "data: [DONE]\n\n".length);
  });

  it("stops waiting for the client when it goes away", async () => {
    const { events, response } = await openPair();
    response.pause();
    const { drained } = await fillUntilBackpressure(events);
    response.destroy();
    await drained;
    events.write("data: after\n\n");
    events.end();
  });
});
