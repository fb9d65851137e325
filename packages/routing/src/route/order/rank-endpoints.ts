import type { CatalogEndpoint, HealthLookup } from "../../types.ts";
import { matchIndex } from "../provider-slug.ts";
import { isCircuitOpen, isDemotedForRecentFailure, isHealthy } from "./health-status.ts";
import { missedPreferences, type PerformancePreferences } from "./performance-preferences.ts";
import { compareByPrice } from "./price.ts";
import { type Scored, sortEndpoints } from "./sort-endpoints.ts";
import type { SortStrategy } from "./sort-strategy.ts";
import { weightedShuffle } from "./weighted-shuffle.ts";

export interface RankOptions {
  /** Known requested models, in request order (partitions). */
  modelOrder: readonly string[];
  /** Provider slugs that go first, in order (request `provider.order`, then org `order`). */
  explicitOrder: readonly string[];
  sort: SortStrategy;
  health: HealthLookup;
  now: number;
  random: () => number;
  performance: PerformancePreferences;
  stickyEndpointId?: string;
}

export interface RankedEndpoint {
  endpoint: CatalogEndpoint;
  score?: number;
  notes: string[];
}

/** Tiers for endpoints outside the explicit order; lower goes first. */
const Tier = { Preferred: 0, MissesPreference: 1, RecentFailure: 2, CircuitOpen: 3 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

function rankByStrategy(endpoints: CatalogEndpoint[], options: RankOptions): Scored[] {
  if (options.sort.by === "balanced") return weightedShuffle(endpoints, options.random);
  return sortEndpoints(endpoints, options.sort.by, options.health);
}

function rankPartition(endpoints: CatalogEndpoint[], options: RankOptions): RankedEndpoint[] {
  const { explicitOrder, health, now } = options;
  const notesFor = (endpoint: CatalogEndpoint, extra: string[]): string[] => {
    const h = health(endpoint.id);
    const notes = [...extra];
    if (h?.circuit === "open" && !notes.includes("circuit_open")) notes.push("circuit_open");
    if (h?.circuit === "half_open") notes.push("half_open_probe");
    if (isDemotedForRecentFailure(h, now) && !notes.includes("recent_failure")) notes.push("recent_failure");
    return notes;
  };

  // 1. Explicit order: strictly in the order given (ties inside one slug, e.g. variants, by price).
  const ordered = endpoints
    .map((endpoint) => ({ endpoint, index: matchIndex(endpoint.provider.id, explicitOrder) }))
    .filter((entry) => entry.index >= 0)
    .sort((a, b) => a.index - b.index || compareByPrice(a.endpoint, b.endpoint))
    .map(({ endpoint, index }) => ({ endpoint, score: index, notes: notesFor(endpoint, ["order"]) }));
  const orderedIds = new Set(ordered.map((entry) => entry.endpoint.id));

  // 2. The rest, by tier then strategy.
  const tiers = new Map<Tier, { endpoints: CatalogEndpoint[]; notes: Map<string, string[]> }>();
  for (const endpoint of endpoints) {
    if (orderedIds.has(endpoint.id)) continue;
    const h = health(endpoint.id);
    const missed = missedPreferences(h, options.performance);
    let tier: Tier = Tier.Preferred;
    if (isCircuitOpen(h)) tier = Tier.CircuitOpen;
    else if (options.sort.by === "balanced" && isDemotedForRecentFailure(h, now)) tier = Tier.RecentFailure;
    else if (missed.length > 0) tier = Tier.MissesPreference;
    const bucket = tiers.get(tier) ?? { endpoints: [], notes: new Map<string, string[]>() };
    bucket.endpoints.push(endpoint);
    bucket.notes.set(endpoint.id, missed);
    tiers.set(tier, bucket);
  }
  const rest: RankedEndpoint[] = [];
  for (const tier of [Tier.Preferred, Tier.MissesPreference, Tier.RecentFailure, Tier.CircuitOpen]) {
    const bucket = tiers.get(tier);
    if (!bucket) continue;
    const scored =
      tier === Tier.RecentFailure || tier === Tier.CircuitOpen
        ? sortEndpoints(bucket.endpoints, "price", options.health)
        : rankByStrategy(bucket.endpoints, options);
    for (const { endpoint, score } of scored) {
      const notes = notesFor(endpoint, bucket.notes.get(endpoint.id) ?? []);
      rest.push(score === undefined ? { endpoint, notes } : { endpoint, score, notes });
    }
  }

  // 3. Sticky routing: only in default load balancing (an explicit order or sort means the caller
  // wants exactly that order), and only to a healthy endpoint.
  const stickyIndex =
    explicitOrder.length === 0 && options.sort.by === "balanced"
      ? rest.findIndex((entry) => entry.endpoint.id === options.stickyEndpointId)
      : -1;
  const sticky = rest[stickyIndex];
  if (sticky && isHealthy(health(sticky.endpoint.id), now)) {
    rest.splice(stickyIndex, 1);
    rest.unshift({ ...sticky, notes: ["sticky", ...sticky.notes] });
  }
  return [...ordered, ...rest];
}

/**
 * Orders kept endpoints: per requested model (unless `partition: "none"` with an explicit sort),
 * explicit order first, then by strategy within health / preference tiers, open circuits last.
 */
export function rankEndpoints(kept: readonly CatalogEndpoint[], options: RankOptions): RankedEndpoint[] {
  if (options.sort.by !== "balanced" && options.sort.partition === "none") {
    return rankPartition([...kept], options);
  }
  return options.modelOrder.flatMap((model) =>
    rankPartition(
      kept.filter((endpoint) => endpoint.modelId === model),
      options,
    ),
  );
}
