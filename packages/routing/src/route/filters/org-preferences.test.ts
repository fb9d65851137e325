import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider } from "../../testing/index.ts";
import { DEFAULT_PREFERENCES } from "../../types.ts";
import { orgPreferenceExclusion } from "./org-preferences.ts";

const endpoint = makeEndpoint("m/x", makeProvider("together"));

describe("orgPreferenceExclusion", () => {
  it("excludes ignored providers", () => {
    const result = orgPreferenceExclusion(endpoint, {
      ...DEFAULT_PREFERENCES,
      ignoredProviders: ["Together"],
    });
    expect(result?.excludedBy).toBe("org_ignored_provider");
  });

  it("excludes providers outside a non-empty allow list", () => {
    expect(
      orgPreferenceExclusion(endpoint, { ...DEFAULT_PREFERENCES, allowedProviders: ["groq"] })?.excludedBy,
    ).toBe("org_allowed_providers");
    expect(orgPreferenceExclusion(endpoint, { ...DEFAULT_PREFERENCES, allowedProviders: ["together"] })).toBe(
      undefined,
    );
    expect(orgPreferenceExclusion(endpoint, DEFAULT_PREFERENCES)).toBeUndefined();
  });
});
