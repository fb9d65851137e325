import { readFileSync } from "node:fs";
import type { SseEvent } from "../sse/parser.ts";
import { readSse } from "../sse/read-sse.ts";

/** Reads a recorded wire fixture next to the calling test (`__fixtures__/<name>`). */
export function fixture(base: string, name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, base), "utf8");
}

export function jsonFixture(base: string, name: string): unknown {
  return JSON.parse(fixture(base, name));
}

/** SSE events of a recorded stream, delivered in awkward `size`-byte reads like a real socket. */
export function sseFixture(base: string, name: string, size = 7): AsyncGenerator<SseEvent> {
  const bytes = Buffer.from(fixture(base, name), "utf8");
  async function* body() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  return readSse(body());
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
