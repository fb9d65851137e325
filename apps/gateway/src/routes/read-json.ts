import type { Context } from "hono";
import { ApiError } from "../errors.ts";

/** Parses a JSON body; anything else is a 400 in the API's error shape. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "")
    throw new ApiError(400, "invalid_request", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
