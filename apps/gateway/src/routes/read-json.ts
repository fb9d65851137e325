import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { ApiError } from "../errors.ts";
import type { GatewayEnv } from "../hono-env.ts";
import { requestHeader } from "../http/request-header.ts";

/**
 * Reads and parses a JSON body of at most `maxBytes` from the Node request: going through
 * `c.req.raw` would build a Fetch `Request` and web streams per call, which showed up as a top
 * cost in the gateway's CPU profile.
 */
export async function readJson(c: Context<GatewayEnv>, maxBytes: number): Promise<unknown> {
  const declared = Number(requestHeader(c, "content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readIncoming(c.env.incoming, maxBytes);
  if (text.trim() === "")
    throw new ApiError(400, "invalid_request", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * A small body usually arrives with its headers: by the time the handler asks, Node has buffered
 * all of it, and it is taken in one synchronous read. Otherwise it is read with stream events
 * (not an async iterator, which costs a promise and a turn per chunk).
 */
function readIncoming(incoming: IncomingMessage, maxBytes: number): string | Promise<string> {
  if (incoming.complete && incoming.readableLength <= maxBytes) {
    const buffered = incoming.read() as Buffer | null;
    return buffered === null ? "" : buffered.toString("utf8");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        detach();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      detach();
      resolve(
        chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8"),
      );
    };
    const onError = (error: Error) => {
      detach();
      reject(error);
    };
    const detach = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
    };
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
  });
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "payload_too_large", `Request body exceeds ${maxBytes} bytes.`);
}
