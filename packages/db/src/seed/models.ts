/**
 * Public models and per-provider list prices (USD per million tokens, as published in 2025),
 * stored as integer nano-dollars per token: $2.50 / 1M tokens = 2,500 nanos per token.
 */

export interface ModelSeed {
  id: string;
  name: string;
  contextLength: number;
  inputModalities?: string[];
  tokenizer: string;
  description: string;
  endpoints: EndpointSeed[];
}

export interface EndpointSeed {
  provider: string;
  upstreamModel: string;
  /** nano-dollars per token: [input, output, cache read] */
  price: [number, number, number?];
  maxOutput: number;
  contextLength?: number;
  quantization?: string;
  params: readonly string[];
}

const SAMPLING = ["temperature", "top_p", "stop", "max_tokens", "seed"] as const;
const OPENAI_PARAMS = [
  ...SAMPLING,
  "tools",
  "tool_choice",
  "response_format",
  "structured_outputs",
  "frequency_penalty",
  "presence_penalty",
  "logprobs",
] as const;
const ANTHROPIC_PARAMS = [
  "temperature",
  "top_p",
  "top_k",
  "stop",
  "max_tokens",
  "tools",
  "tool_choice",
  "response_format",
] as const;
const GEMINI_PARAMS = [
  ...SAMPLING,
  "top_k",
  "tools",
  "tool_choice",
  "response_format",
  "structured_outputs",
] as const;
const OPEN_MODEL_PARAMS = [
  ...SAMPLING,
  "tools",
  "tool_choice",
  "response_format",
  "frequency_penalty",
  "presence_penalty",
  "top_k",
] as const;
const PLAIN_PARAMS = [...SAMPLING, "frequency_penalty", "presence_penalty", "top_k"] as const;

const openai = (upstreamModel: string, price: EndpointSeed["price"], maxOutput: number): EndpointSeed[] => [
  { provider: "openai", upstreamModel, price, maxOutput, params: OPENAI_PARAMS },
];

export const modelSeeds: ModelSeed[] = [
  {
    id: "openai/gpt-4o",
    name: "OpenAI: GPT-4o",
    contextLength: 128000,
    inputModalities: ["text", "image"],
    tokenizer: "GPT",
    description: "OpenAI's flagship multimodal model.",
    endpoints: [
      ...openai("gpt-4o", [2500, 10000, 1250], 16384),
      {
        provider: "azure",
        upstreamModel: "gpt-4o",
        price: [2500, 10000, 1250],
        maxOutput: 16384,
        params: OPENAI_PARAMS,
      },
    ],
  },
  {
    id: "openai/gpt-4o-mini",
    name: "OpenAI: GPT-4o-mini",
    contextLength: 128000,
    inputModalities: ["text", "image"],
    tokenizer: "GPT",
    description: "Small, fast, affordable GPT-4o.",
    endpoints: [
      ...openai("gpt-4o-mini", [150, 600, 75], 16384),
      {
        provider: "azure",
        upstreamModel: "gpt-4o-mini",
        price: [165, 660, 83],
        maxOutput: 16384,
        params: OPENAI_PARAMS,
      },
    ],
  },
  {
    id: "openai/gpt-4.1",
    name: "OpenAI: GPT-4.1",
    contextLength: 1047576,
    inputModalities: ["text", "image"],
    tokenizer: "GPT",
    description: "Long-context GPT-4.1.",
    endpoints: openai("gpt-4.1", [2000, 8000, 500], 32768),
  },
  {
    id: "openai/gpt-4.1-mini",
    name: "OpenAI: GPT-4.1 Mini",
    contextLength: 1047576,
    inputModalities: ["text", "image"],
    tokenizer: "GPT",
    description: "Mid-size GPT-4.1.",
    endpoints: [
      ...openai("gpt-4.1-mini", [400, 1600, 100], 32768),
      {
        provider: "azure",
        upstreamModel: "gpt-4.1-mini",
        price: [440, 1760, 110],
        maxOutput: 32768,
        params: OPENAI_PARAMS,
      },
    ],
  },
  {
    id: "openai/gpt-4.1-nano",
    name: "OpenAI: GPT-4.1 Nano",
    contextLength: 1047576,
    tokenizer: "GPT",
    description: "Fastest, cheapest GPT-4.1.",
    endpoints: openai("gpt-4.1-nano", [100, 400, 25], 32768),
  },
  {
    id: "openai/o3-mini",
    name: "OpenAI: o3 Mini",
    contextLength: 200000,
    tokenizer: "GPT",
    description: "Small reasoning model.",
    endpoints: openai("o3-mini", [1100, 4400, 550], 100000),
  },
  {
    id: "anthropic/claude-3.5-haiku",
    name: "Anthropic: Claude 3.5 Haiku",
    contextLength: 200000,
    inputModalities: ["text", "image"],
    tokenizer: "Claude",
    description: "Anthropic's fastest model.",
    endpoints: [
      {
        provider: "anthropic",
        upstreamModel: "claude-3-5-haiku-20241022",
        price: [800, 4000, 80],
        maxOutput: 8192,
        params: ANTHROPIC_PARAMS,
      },
    ],
  },
  {
    id: "anthropic/claude-3.7-sonnet",
    name: "Anthropic: Claude 3.7 Sonnet",
    contextLength: 200000,
    inputModalities: ["text", "image"],
    tokenizer: "Claude",
    description: "Hybrid reasoning Sonnet.",
    endpoints: [
      {
        provider: "anthropic",
        upstreamModel: "claude-3-7-sonnet-20250219",
        price: [3000, 15000, 300],
        maxOutput: 64000,
        params: ANTHROPIC_PARAMS,
      },
    ],
  },
  {
    id: "anthropic/claude-sonnet-4",
    name: "Anthropic: Claude Sonnet 4",
    contextLength: 200000,
    inputModalities: ["text", "image"],
    tokenizer: "Claude",
    description: "Balanced Claude 4 model.",
    endpoints: [
      {
        provider: "anthropic",
        upstreamModel: "claude-sonnet-4-20250514",
        price: [3000, 15000, 300],
        maxOutput: 64000,
        params: ANTHROPIC_PARAMS,
      },
    ],
  },
  {
    id: "anthropic/claude-opus-4",
    name: "Anthropic: Claude Opus 4",
    contextLength: 200000,
    inputModalities: ["text", "image"],
    tokenizer: "Claude",
    description: "Anthropic's most capable model.",
    endpoints: [
      {
        provider: "anthropic",
        upstreamModel: "claude-opus-4-20250514",
        price: [15000, 75000, 1500],
        maxOutput: 32000,
        params: ANTHROPIC_PARAMS,
      },
    ],
  },
  {
    id: "google/gemini-2.0-flash-001",
    name: "Google: Gemini 2.0 Flash",
    contextLength: 1048576,
    inputModalities: ["text", "image"],
    tokenizer: "Gemini",
    description: "Fast multimodal Gemini.",
    endpoints: [
      {
        provider: "google-ai-studio",
        upstreamModel: "gemini-2.0-flash-001",
        price: [100, 400, 25],
        maxOutput: 8192,
        params: GEMINI_PARAMS,
      },
      {
        provider: "google-vertex",
        upstreamModel: "gemini-2.0-flash-001",
        price: [150, 600, 38],
        maxOutput: 8192,
        params: GEMINI_PARAMS,
      },
    ],
  },
  {
    id: "google/gemini-2.0-flash-lite-001",
    name: "Google: Gemini 2.0 Flash Lite",
    contextLength: 1048576,
    tokenizer: "Gemini",
    description: "Lowest-latency Gemini.",
    endpoints: [
      {
        provider: "google-ai-studio",
        upstreamModel: "gemini-2.0-flash-lite-001",
        price: [75, 300],
        maxOutput: 8192,
        params: GEMINI_PARAMS,
      },
    ],
  },
  {
    id: "google/gemini-2.5-flash",
    name: "Google: Gemini 2.5 Flash",
    contextLength: 1048576,
    inputModalities: ["text", "image"],
    tokenizer: "Gemini",
    description: "Thinking Flash model.",
    endpoints: [
      {
        provider: "google-ai-studio",
        upstreamModel: "gemini-2.5-flash",
        price: [300, 2500, 75],
        maxOutput: 65535,
        params: GEMINI_PARAMS,
      },
      {
        provider: "google-vertex",
        upstreamModel: "gemini-2.5-flash",
        price: [300, 2500, 75],
        maxOutput: 65535,
        params: GEMINI_PARAMS,
      },
    ],
  },
  {
    id: "google/gemini-2.5-pro",
    name: "Google: Gemini 2.5 Pro",
    contextLength: 1048576,
    inputModalities: ["text", "image"],
    tokenizer: "Gemini",
    description: "Google's strongest reasoning model.",
    endpoints: [
      {
        provider: "google-ai-studio",
        upstreamModel: "gemini-2.5-pro",
        price: [1250, 10000, 310],
        maxOutput: 65536,
        params: GEMINI_PARAMS,
      },
      {
        provider: "google-vertex",
        upstreamModel: "gemini-2.5-pro",
        price: [1250, 10000, 310],
        maxOutput: 65536,
        params: GEMINI_PARAMS,
      },
    ],
  },
  {
    id: "meta-llama/llama-3.3-70b-instruct",
    name: "Meta: Llama 3.3 70B Instruct",
    contextLength: 131072,
    tokenizer: "Llama3",
    description: "Multilingual 70B instruct model.",
    endpoints: [
      {
        provider: "chutes",
        upstreamModel: "unsloth/Llama-3.3-70B-Instruct",
        price: [30, 110],
        maxOutput: 131072,
        quantization: "bf16",
        params: PLAIN_PARAMS,
      },
      {
        provider: "deepinfra",
        upstreamModel: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        price: [230, 400],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "groq",
        upstreamModel: "llama-3.3-70b-versatile",
        price: [590, 790],
        maxOutput: 32768,
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        price: [880, 880],
        maxOutput: 8192,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/llama-v3p3-70b-instruct",
        price: [900, 900],
        maxOutput: 16384,
        quantization: "fp16",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "meta-llama/llama-3.1-8b-instruct",
    name: "Meta: Llama 3.1 8B Instruct",
    contextLength: 131072,
    tokenizer: "Llama3",
    description: "Small, fast Llama.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
        price: [20, 50],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "groq",
        upstreamModel: "llama-3.1-8b-instant",
        price: [50, 80],
        maxOutput: 8192,
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo",
        price: [180, 180],
        maxOutput: 8192,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/llama-v3p1-8b-instruct",
        price: [200, 200],
        maxOutput: 16384,
        quantization: "fp16",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "meta-llama/llama-3.1-405b-instruct",
    name: "Meta: Llama 3.1 405B Instruct",
    contextLength: 131072,
    tokenizer: "Llama3",
    description: "Largest open Llama 3.1.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "meta-llama/Meta-Llama-3.1-405B-Instruct",
        price: [800, 800],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/llama-v3p1-405b-instruct",
        price: [3000, 3000],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo",
        price: [3500, 3500],
        maxOutput: 4096,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "meta-llama/llama-4-maverick",
    name: "Meta: Llama 4 Maverick",
    contextLength: 1048576,
    inputModalities: ["text", "image"],
    tokenizer: "Llama4",
    description: "Mixture-of-experts Llama 4.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        price: [150, 600],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "groq",
        upstreamModel: "meta-llama/llama-4-maverick-17b-128e-instruct",
        price: [200, 600],
        maxOutput: 8192,
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/llama4-maverick-instruct-basic",
        price: [220, 880],
        maxOutput: 16384,
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        price: [270, 850],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "mistralai/mistral-large",
    name: "Mistral: Mistral Large",
    contextLength: 131072,
    tokenizer: "Mistral",
    description: "Mistral's flagship model.",
    endpoints: [
      {
        provider: "mistral",
        upstreamModel: "mistral-large-latest",
        price: [2000, 6000],
        maxOutput: 131072,
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "mistralai/mistral-small-3.1-24b-instruct",
    name: "Mistral: Mistral Small 3.1 24B",
    contextLength: 131072,
    inputModalities: ["text", "image"],
    tokenizer: "Mistral",
    description: "Efficient 24B multimodal model.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "mistralai/Mistral-Small-3.1-24B-Instruct-2503",
        price: [50, 100],
        maxOutput: 16384,
        quantization: "bf16",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "mistral",
        upstreamModel: "mistral-small-latest",
        price: [100, 300],
        maxOutput: 131072,
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "mistralai/mistral-nemo",
    name: "Mistral: Mistral Nemo",
    contextLength: 131072,
    tokenizer: "Mistral",
    description: "12B model built with NVIDIA.",
    endpoints: [
      {
        provider: "chutes",
        upstreamModel: "unsloth/Mistral-Nemo-Instruct-2407",
        price: [10, 30],
        maxOutput: 131072,
        quantization: "bf16",
        params: PLAIN_PARAMS,
      },
      {
        provider: "deepinfra",
        upstreamModel: "mistralai/Mistral-Nemo-Instruct-2407",
        price: [20, 40],
        maxOutput: 16384,
        quantization: "bf16",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "mistral",
        upstreamModel: "open-mistral-nemo",
        price: [150, 150],
        maxOutput: 131072,
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "mistralai/codestral-2501",
    name: "Mistral: Codestral 2501",
    contextLength: 262144,
    tokenizer: "Mistral",
    description: "Code generation model.",
    endpoints: [
      {
        provider: "mistral",
        upstreamModel: "codestral-2501",
        price: [300, 900],
        maxOutput: 262144,
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "deepseek/deepseek-chat-v3",
    name: "DeepSeek: DeepSeek V3",
    contextLength: 163840,
    tokenizer: "DeepSeek",
    description: "DeepSeek's MoE chat model.",
    endpoints: [
      {
        provider: "chutes",
        upstreamModel: "deepseek-ai/DeepSeek-V3",
        price: [200, 800],
        maxOutput: 163840,
        quantization: "fp8",
        params: PLAIN_PARAMS,
      },
      {
        provider: "deepinfra",
        upstreamModel: "deepseek-ai/DeepSeek-V3",
        price: [380, 890],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/deepseek-v3",
        price: [900, 900],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "deepseek-ai/DeepSeek-V3",
        price: [1250, 1250],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "deepseek/deepseek-r1",
    name: "DeepSeek: R1",
    contextLength: 163840,
    tokenizer: "DeepSeek",
    description: "Open reasoning model.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "deepseek-ai/DeepSeek-R1",
        price: [700, 2400],
        maxOutput: 16384,
        quantization: "fp8",
        params: PLAIN_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "deepseek-ai/DeepSeek-R1",
        price: [3000, 7000],
        maxOutput: 32768,
        quantization: "fp8",
        params: PLAIN_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/deepseek-r1",
        price: [3000, 8000],
        maxOutput: 20480,
        quantization: "fp8",
        params: PLAIN_PARAMS,
      },
    ],
  },
  {
    id: "qwen/qwen-2.5-72b-instruct",
    name: "Qwen: Qwen2.5 72B Instruct",
    contextLength: 32768,
    tokenizer: "Qwen",
    description: "Alibaba's 72B instruct model.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "Qwen/Qwen2.5-72B-Instruct",
        price: [120, 390],
        maxOutput: 16384,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "fireworks",
        upstreamModel: "accounts/fireworks/models/qwen2p5-72b-instruct",
        price: [900, 900],
        maxOutput: 16384,
        params: OPEN_MODEL_PARAMS,
      },
      {
        provider: "together",
        upstreamModel: "Qwen/Qwen2.5-72B-Instruct-Turbo",
        price: [1200, 1200],
        maxOutput: 8192,
        quantization: "fp8",
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
  {
    id: "qwen/qwq-32b",
    name: "Qwen: QwQ 32B",
    contextLength: 131072,
    tokenizer: "Qwen",
    description: "Qwen reasoning model.",
    endpoints: [
      {
        provider: "deepinfra",
        upstreamModel: "Qwen/QwQ-32B",
        price: [75, 150],
        maxOutput: 16384,
        quantization: "bf16",
        params: PLAIN_PARAMS,
      },
      {
        provider: "groq",
        upstreamModel: "qwen-qwq-32b",
        price: [290, 390],
        maxOutput: 16384,
        params: OPEN_MODEL_PARAMS,
      },
    ],
  },
];
