/**
 * Provider slug matching, OpenRouter style: case-insensitive; a base slug (`deepinfra`) matches the
 * provider itself and its variants (`deepinfra/turbo`, `google-vertex/us-east5`), but not
 * service-tier endpoints (`openai/priority`, `google-vertex/flex`), which must be named exactly.
 */
const SERVICE_TIERS = new Set(["priority", "flex"]);

export function providerMatches(providerId: string, slug: string): boolean {
  const id = providerId.toLowerCase();
  const wanted = slug.trim().toLowerCase();
  if (wanted === "") return false;
  if (id === wanted) return true;
  if (!id.startsWith(`${wanted}/`)) return false;
  const variant = id.slice(wanted.length + 1);
  return !SERVICE_TIERS.has(variant);
}

export function matchesAny(providerId: string, slugs: readonly string[]): boolean {
  return slugs.some((slug) => providerMatches(providerId, slug));
}

/** Index of the first slug that matches, or -1. */
export function matchIndex(providerId: string, slugs: readonly string[]): number {
  return slugs.findIndex((slug) => providerMatches(providerId, slug));
}
