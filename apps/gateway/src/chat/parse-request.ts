import { ApiError } from "../errors.ts";
import { type ChatRequestBody, chatRequestSchema } from "./request-schema.ts";

/** Parses the raw body into a validated request, or a 400 naming the offending field. */
export function parseChatRequest(raw: unknown): ChatRequestBody {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ApiError(400, "invalid_request", "The request body must be a JSON object.");
  }
  const result = chatRequestSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.join(".") || null;
  const message = issue
    ? `Invalid ${param ? `\`${param}\`` : "request"}: ${issue.message}`
    : "Invalid request.";
  throw new ApiError(400, "invalid_request", message, { param });
}
