import { z } from "@switchyard/config";

const text = z.object({ type: z.literal("text"), text: z.string() });
const image = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string().min(1), detail: z.enum(["auto", "low", "high"]).optional() }),
});
const textContent = z.union([z.string(), z.array(text)]);
const userContent = z.union([z.string(), z.array(z.discriminatedUnion("type", [text, image]))]);

const toolCall = z.object({
  id: z.string(),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const message = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: textContent, name: z.string().optional() }),
  z.object({ role: z.literal("developer"), content: textContent, name: z.string().optional() }),
  z.object({ role: z.literal("user"), content: userContent, name: z.string().optional() }),
  z.object({
    role: z.literal("assistant"),
    content: textContent.nullable().optional(),
    tool_calls: z.array(toolCall).optional(),
    name: z.string().optional(),
  }),
  z.object({ role: z.literal("tool"), content: textContent, tool_call_id: z.string() }),
]);

const tool = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "must be 1-64 letters, digits, _ or -"),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
  }),
});

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) }),
]);

const responseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: z.string(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
      description: z.string().optional(),
    }),
  }),
]);

const slugList = z.array(z.string().min(1)).max(100);
const price = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const percentiles = z.object({
  p50: z.number().positive().optional(),
  p75: z.number().positive().optional(),
  p90: z.number().positive().optional(),
  p99: z.number().positive().optional(),
});
const sortBy = z.enum(["price", "throughput", "latency"]);

export const providerPreferencesSchema = z.object({
  order: slugList.optional(),
  allow_fallbacks: z.boolean().optional(),
  require_parameters: z.boolean().optional(),
  data_collection: z.enum(["allow", "deny"]).optional(),
  zdr: z.boolean().optional(),
  only: slugList.optional(),
  ignore: slugList.optional(),
  quantizations: z.array(z.string()).optional(),
  sort: z
    .union([sortBy, z.object({ by: sortBy, partition: z.enum(["model", "none"]).optional() })])
    .optional(),
  max_price: z
    .object({ prompt: price.optional(), completion: price.optional(), request: price.optional() })
    .optional(),
  preferred_max_latency: z.union([z.number().positive(), percentiles]).optional(),
  preferred_min_throughput: z.union([z.number().positive(), percentiles]).optional(),
});

const modelSlug = z.string().min(1).max(200);

/** OpenAI chat-completions plus OpenRouter's extras. Unknown fields are ignored, as OpenAI does. */
export const chatRequestSchema = z
  .object({
    model: modelSlug.optional(),
    models: z.array(modelSlug).max(10).optional(),
    messages: z.array(message).min(1, "must contain at least one message"),
    max_tokens: z.number().int().positive().optional(),
    max_completion_tokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().min(0).optional(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
    seed: z.number().int().optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    n: z.literal(1).optional(),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
    tools: z.array(tool).max(128).optional(),
    tool_choice: toolChoice.optional(),
    response_format: responseFormat.optional(),
    user: z.string().max(256).optional(),
    session_id: z.string().max(256).optional(),
    provider: providerPreferencesSchema.optional(),
    usage: z.object({ include: z.boolean().optional() }).optional(),
    transforms: z.array(z.string()).optional(),
  })
  .refine((body) => body.model !== undefined || (body.models?.length ?? 0) > 0, {
    message: "`model` is required (or a non-empty `models` list)",
    path: ["model"],
  });

export type ChatRequestBody = z.infer<typeof chatRequestSchema>;
