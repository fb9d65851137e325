import type { z } from "zod";
import { ApiError } from "../errors.ts";

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.join(".") || "body";
  throw new ApiError("invalid_request", `${where}: ${issue?.message ?? "invalid"}`, 400);
}

export async function jsonBody(req: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ApiError("invalid_json", "Body must be JSON", 400);
  }
}
