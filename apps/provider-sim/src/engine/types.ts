/** A request normalised from any wire format: what the generator needs to produce an answer. */
export interface SimRequest {
  model: string;
  /** Canonical text of the conversation (system + messages): hashed for determinism, sized for tokens. */
  conversationKey: string;
  maxTokens: number | undefined;
  stop: string[];
  tools: SimTool[];
  toolChoice: SimToolChoice;
  last: { kind: "user" } | { kind: "tool_result"; text: string } | { kind: "other" };
  output: { kind: "text" } | { kind: "json_object" } | { kind: "json_schema"; schema: unknown };
  stream: boolean;
  /** OpenAI `stream_options.include_usage`: a final usage chunk with empty choices. */
  includeUsage: boolean;
}

export interface SimTool {
  name: string;
  parameters: unknown;
}

export type SimToolChoice =
  | { type: "auto" }
  | { type: "none" }
  | { type: "required" }
  | { type: "named"; name: string };

export interface SimUsage {
  promptTokens: number;
  completionTokens: number;
}

export type SimOutput =
  | {
      kind: "text";
      text: string;
      /** Content pieces in stream order, each with its token count. */
      pieces: string[];
      finish: "stop" | "length" | "stop_sequence";
      stopSequence: string | null;
      usage: SimUsage;
      /** Stable per-request key for ids. */
      key: string;
    }
  | {
      kind: "tool";
      name: string;
      args: Record<string, unknown>;
      argsJson: string;
      argPieces: string[];
      usage: SimUsage;
      key: string;
    };
