export interface SseEvent {
  /** The `event:` field, when the server sent one. */
  event: string | undefined;
  /** All `data:` lines of the event joined with "\n". */
  data: string;
  id: string | undefined;
}

/**
 * Incremental Server-Sent Events parser (WHATWG rules): feed text as it arrives, in any split.
 * Handles LF, CRLF and CR line endings (also a CRLF split across two reads), `event:`/`id:` fields,
 * multi-line data and `:` comments.
 */
export class SseParser {
  #buffer = "";
  #data: string[] = [];
  #event: string | undefined;
  #id: string | undefined;

  push(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    const buf = this.#buffer + text;
    let pos = 0;
    for (;;) {
      const lf = buf.indexOf("\n", pos);
      const cr = buf.indexOf("\r", pos);
      if (lf < 0 && cr < 0) break;
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // A CR at the very end may be the first half of a CRLF: wait for more input.
        if (cr === buf.length - 1) break;
        end = cr;
        next = buf.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        end = lf;
        next = lf + 1;
      }
      this.#line(buf.slice(pos, end), out);
      pos = next;
    }
    this.#buffer = pos === 0 ? buf : buf.slice(pos);
    return out;
  }

  /** Flushes a final line and event that were not terminated by a blank line. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    const rest = this.#buffer.endsWith("\r") ? this.#buffer.slice(0, -1) : this.#buffer;
    this.#buffer = "";
    if (rest.length > 0) this.#line(rest, out);
    this.#line("", out);
    return out;
  }

  #line(line: string, out: SseEvent[]): void {
    if (line.length === 0) {
      if (this.#data.length > 0) {
        out.push({ event: this.#event, data: this.#data.join("\n"), id: this.#id });
      }
      this.#data = [];
      this.#event = undefined;
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
    else if (field === "id") this.#id = value;
  }
}
