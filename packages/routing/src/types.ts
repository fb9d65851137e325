/** Plain data the router works on. No I/O here: the gateway loads these and passes them in. */

export type ApiFormat = "openai" | "anthropic" | "gemini" | "openai_compatible";

export interface ProviderInfo {
  id: string;
  name: string;
  apiFormat: ApiFormat;
  baseUrl: string;
  trainsOnPrompts: boolean;
  retainsPrompts: boolean;
  zdr: boolean;
  region: string;
}

export interface CatalogEndpoint {
  id: string;
  modelId: string;
  provider: ProviderInfo;
  upstreamModel: string;
  /** nano-dollars per token */
  inputPriceNanos: bigint;
  outputPriceNanos: bigint;
  cacheReadPriceNanos: bigint | null;
  contextLength: number;
  maxOutputTokens: number;
  quantization: string;
  supportedParameters: string[];
}

export interface CatalogModel {
  id: string;
  name: string;
  description: string;
  contextLength: number;
  inputModalities: string[];
  outputModalities: string[];
  tokenizer: string;
  createdAt: Date;
}

export interface Catalog {
  models: Map<string, CatalogModel>;
  /** Enabled endpoints per model id. */
  endpointsByModel: Map<string, CatalogEndpoint[]>;
  providers: Map<string, ProviderInfo>;
}

/** The org's data-policy rules (dashboard). A request can narrow these, never loosen them. */
export interface OrgDataPolicy {
  denyTraining: boolean;
  denyRetention: boolean;
  zdrOnly: boolean;
  allowedRegions: string[];
  blockedProviders: string[];
  blockedModels: string[];
}

export type RoutingSort = "balanced" | "price" | "latency" | "throughput";

/** The org's provider preferences (dashboard). */
export interface OrgProviderPreferences {
  sort: RoutingSort;
  order: string[];
  ignoredProviders: string[];
  allowedProviders: string[];
  allowFallbacks: boolean;
}

export const DEFAULT_DATA_POLICY: OrgDataPolicy = {
  denyTraining: false,
  denyRetention: false,
  zdrOnly: false,
  allowedRegions: [],
  blockedProviders: [],
  blockedModels: [],
};

export const DEFAULT_PREFERENCES: OrgProviderPreferences = {
  sort: "balanced",
  order: [],
  ignoredProviders: [],
  allowedProviders: [],
  allowFallbacks: true,
};

/** The request's OpenRouter-style `provider` object. */
export interface ProviderRequestPreferences {
  order?: string[];
  allow_fallbacks?: boolean;
  require_parameters?: boolean;
  data_collection?: "allow" | "deny";
  zdr?: boolean;
  only?: string[];
  ignore?: string[];
  quantizations?: string[];
  sort?:
    | "price"
    | "throughput"
    | "latency"
    | { by: "price" | "throughput" | "latency"; partition?: "model" | "none" };
  max_price?: { prompt?: number | string; completion?: number | string; request?: number | string };
  /** seconds (p50) */
  preferred_max_latency?: number | { p50?: number; p75?: number; p90?: number; p99?: number };
  /** tokens per second (p50) */
  preferred_min_throughput?: number | { p50?: number; p75?: number; p90?: number; p99?: number };
}

export interface RoutingRequest {
  /** Requested model, possibly with a `:floor` / `:nitro` suffix. */
  model: string;
  /** Model-level fallbacks, in order (after `model`). */
  models?: string[];
  provider?: ProviderRequestPreferences;
  /** Request parameters actually used, e.g. ["tools", "response_format", "temperature"]. */
  usedParameters: string[];
  maxTokens?: number;
  estimatedPromptTokens: number;
}

/** What the health model knows about one endpoint, from real traffic. */
export interface EndpointHealth {
  circuit: "closed" | "open" | "half_open";
  /** epoch ms of the most recent failure, if any */
  lastFailureAt?: number;
  errorRate: number;
  samples: number;
  latencyP50Ms?: number;
  latencyP90Ms?: number;
  ttftP50Ms?: number;
  throughputTps?: number;
}

export type HealthLookup = (endpointId: string) => EndpointHealth | undefined;

export type ExclusionReason =
  | "model_blocked"
  | "data_policy:training"
  | "data_policy:retention"
  | "data_policy:zdr"
  | "data_region"
  | "provider_blocked"
  | "org_ignored_provider"
  | "org_allowed_providers"
  | "request_only"
  | "request_ignore"
  | "request_order_only"
  /** Added: org `preferences.order` with fallbacks disabled keeps only the ordered providers. */
  | "org_order_only"
  | "quantization"
  | "require_parameters"
  | "max_price"
  | "context_length"
  | "max_tokens"
  | "circuit_open";

export interface TraceCandidate {
  endpointId: string;
  modelId: string;
  providerId: string;
  providerName: string;
  inputPriceNanos: string;
  outputPriceNanos: string;
  status: "kept" | "excluded";
  excludedBy?: ExclusionReason;
  reason?: string;
  /** position in the try order (0-based) for kept candidates */
  rank?: number;
  /** selection weight or sort key that produced the rank */
  score?: number;
  /** e.g. "recent_failure", "sticky", "order", "latency_preference" */
  notes?: string[];
}

export interface TraceAttempt {
  endpointId: string;
  providerId: string;
  modelId: string;
  status: "success" | "error";
  httpStatus?: number;
  errorCode?: string;
  retryable?: boolean;
  latencyMs: number;
}

export interface RouteTrace {
  requestedModels: string[];
  strategy: "balanced" | "price" | "latency" | "throughput" | "order";
  allowFallbacks: boolean;
  candidates: TraceCandidate[];
  attempts: TraceAttempt[];
  /** Added: requested models that are not in the catalog (after stripping variant suffixes). */
  unknownModels?: string[];
  /** Added: how endpoints outside the explicit order were ranked (equals `strategy` unless it is "order"). */
  sortStrategy?: RoutingSort;
  /** Added: "model" groups endpoints per requested model, "none" sorts them all together. */
  partition?: "model" | "none";
}

export interface NoEndpointsError {
  /** Added "invalid_request" (400): a malformed routing field, e.g. a negative `max_price`. */
  code: "model_not_found" | "no_endpoints" | "privacy_restricted" | "constraint_filtered" | "invalid_request";
  status: 400 | 404;
  message: string;
  excludedBy: ExclusionReason[];
}

export interface RoutePlan {
  /** Endpoints to try, in order. Empty when `error` is set. */
  attempts: CatalogEndpoint[];
  trace: RouteTrace;
  error?: NoEndpointsError;
}

export interface PlanRouteInput {
  catalog: Catalog;
  policy: OrgDataPolicy;
  preferences: OrgProviderPreferences;
  request: RoutingRequest;
  health: HealthLookup;
  now: number;
  /** Injected for reproducible load balancing in tests. */
  random: () => number;
  /** Endpoint that served this conversation recently (sticky routing), if any. */
  stickyEndpointId?: string;
}

/** Why an endpoint was excluded: machine code, human reason, and details for the summary message. */
export interface Exclusion {
  excludedBy: ExclusionReason;
  reason: string;
  /** e.g. the unsupported parameters for "require_parameters" */
  details?: string[];
}
