import type { SimOutput, SimRequest } from "../engine/types.ts";
import type { StreamFrame } from "../http/stream-response.ts";

/** Where a call landed: provider id plus, for Gemini, the model and method from the path. */
export interface RouteInfo {
  providerId: string;
  pathModel?: string;
  method?: "generateContent" | "streamGenerateContent";
  query: (name: string) => string | undefined;
  header: (name: string) => string | undefined;
}

/** An error answer in the provider's own wire format. */
export interface ErrorReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type ParseResult = { ok: true; request: SimRequest } | { ok: false; error: ErrorReply };

/** One upstream wire format: auth, request parsing, and rendering of answers and errors. */
export interface FormatSpec {
  readonly name: "openai" | "anthropic" | "gemini";
  authenticate(route: RouteInfo): ErrorReply | undefined;
  parse(body: unknown, route: RouteInfo): ParseResult;
  error(status: number, message?: string): ErrorReply;
  json(output: SimOutput, request: SimRequest, route: RouteInfo): unknown;
  frames(output: SimOutput, request: SimRequest, route: RouteInfo): StreamFrame[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stopList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === "string");
  return [];
}
