import { describe, expect, it } from "vitest";
import { SseParser } from "./parser.ts";
import { readSse } from "./read-sse.ts";

function parseAll(pieces: string[]) {
  const parser = new SseParser();
  return [...pieces.flatMap((p) => parser.push(p)), ...parser.end()];
}

describe("SseParser", () => {
  it("parses data events separated by blank lines", () => {
    expect(parseAll(['data: {"a":1}\n\ndata: [DONE]\n\n'])).toEqual([
      { event: undefined, data: '{"a":1}', id: undefined },
      { event: undefined, data: "[DONE]", id: undefined },
    ]);
  });

  it("reassembles events split at every possible byte boundary", () => {
    const text = 'event: message_start\ndata: {"x":"y"}\n\nevent: ping\ndata: {}\n\n';
    const expected = parseAll([text]);
    for (let i = 1; i < text.length; i++)
      expect(parseAll([text.slice(0, i), text.slice(i)])).toEqual(expected);
    expect(expected.map((e) => e.event)).toEqual(["message_start", "ping"]);
  });

  it("handles CRLF, including a CRLF split across two reads, and bare CR", () => {
    expect(parseAll(["data: one\r", "\n\r\ndata: two\r\r"])).toEqual([
      { event: undefined, data: "one", id: undefined },
      { event: undefined, data: "two", id: undefined },
    ]);
  });

  it("ignores comments, joins multi-line data and keeps id", () => {
    expect(parseAll([": OPENROUTER PROCESSING\n\nid: 7\ndata: a\ndata:b\n\n"])).toEqual([
      { event: undefined, data: "a\nb", id: "7" },
    ]);
  });

  it("flushes a final event without a trailing blank line", () => {
    expect(parseAll(["data: last"])).toEqual([{ event: undefined, data: "last", id: undefined }]);
  });

  it("drops events that carry no data", () => {
    expect(parseAll(["event: ping\n\n"])).toEqual([]);
  });
});

describe("readSse", () => {
  it("decodes multi-byte UTF-8 split across chunks", async () => {
    const bytes = new TextEncoder().encode("data: héllo ☃\n\n");
    async function* body() {
      for (const b of bytes) yield new Uint8Array([b]);
    }
    const events = [];
    for await (const e of readSse(body())) events.push(e.data);
    expect(events).toEqual(["héllo ☃"]);
  });
});
