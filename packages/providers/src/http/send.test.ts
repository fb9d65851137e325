import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpstreamError } from "../errors.ts";
import { readJsonBody, sendUpstream } from "./send.ts";

const HEADERS_AFTER_MS = 120;
const BODY_AFTER_MS = 80;

// Answers after a pause, then sends its body after a second pause: two stretches of waiting.
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      setTimeout(() => {
        const status = req.url === "/fail" ? 503 : 200;
        res.writeHead(status, { "content-type": "application/json" });
        res.write('{"ok":');
        setTimeout(() => res.end("true}"), BODY_AFTER_MS);
      }, HEADERS_AFTER_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const parseError = (status: number) =>
  new UpstreamError({ code: "server_error", message: `status ${status}`, status: 502, retryable: true });

/** Call options whose `onWait` keeps every reported wait. */
function recordingWaits() {
  const waits: number[] = [];
  return {
    waits,
    options: {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      onWait: (ms: number) => waits.push(ms),
    },
  };
}

describe("sendUpstream and readJsonBody", () => {
  it("report each wait on the upstream: until its headers, then reading the body", async () => {
    const { waits, options } = recordingWaits();
    const res = await sendUpstream(`${url}/ok`, {}, { hello: "there" }, options, parseError);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(HEADERS_AFTER_MS - 5);
    expect(await readJsonBody(res, options)).toEqual({ ok: true });
    expect(waits).toHaveLength(2);
    // The body's pause began when the headers left the server, a little before the read began.
    expect(waits[1]).toBeGreaterThanOrEqual(BODY_AFTER_MS / 2);
  });

  it("report the wait of a failed call too, error body included", async () => {
    const { waits, options } = recordingWaits();
    await expect(sendUpstream(`${url}/fail`, {}, {}, options, parseError)).rejects.toThrow("status 503");
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(HEADERS_AFTER_MS - 5);
    expect(waits[1]).toBeGreaterThanOrEqual(BODY_AFTER_MS / 2);
  });
});
