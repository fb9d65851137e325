import { type SseEvent, SseParser } from "./parser.ts";

/** Decodes a byte stream and yields SSE events as soon as each is complete. */
export async function* readSse(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    for (const event of parser.push(text)) yield event;
  }
  const tail = decoder.decode();
  if (tail) for (const event of parser.push(tail)) yield event;
  for (const event of parser.end()) yield event;
}
