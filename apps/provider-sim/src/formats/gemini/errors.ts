import type { ErrorReply } from "../format-spec.ts";

const STATUSES: Record<number, [string, string]> = {
  400: ["INVALID_ARGUMENT", "Request contains an invalid argument."],
  401: [
    "UNAUTHENTICATED",
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  ],
  403: ["PERMISSION_DENIED", "The caller does not have permission."],
  404: ["NOT_FOUND", "Requested entity was not found."],
  429: ["RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."],
  500: [
    "INTERNAL",
    "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
  ],
  503: ["UNAVAILABLE", "The model is overloaded. Please try again later."],
  504: ["DEADLINE_EXCEEDED", "Deadline expired before operation could complete."],
};

/** Google's error body: `{error:{code,message,status}}`. */
export function geminiError(status: number, message?: string): ErrorReply {
  const [code, fallback] =
    STATUSES[status] ??
    (status >= 500 ? ["INTERNAL", "Internal error."] : ["INVALID_ARGUMENT", "Invalid argument."]);
  return { status, body: { error: { code: status, message: message ?? fallback, status: code } } };
}
