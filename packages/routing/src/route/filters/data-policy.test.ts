import { describe, expect, it } from "vitest";
import { makeEndpoint, makeProvider } from "../../testing/index.ts";
import { DEFAULT_DATA_POLICY, type OrgDataPolicy } from "../../types.ts";
import { dataPolicyExclusion } from "./data-policy.ts";

const policy = (overrides: Partial<OrgDataPolicy>): OrgDataPolicy => ({
  ...DEFAULT_DATA_POLICY,
  ...overrides,
});
const deepinfra = makeProvider("deepinfra", { name: "DeepInfra", retainsPrompts: true, zdr: false });
const endpoint = makeEndpoint("meta-llama/llama-3.3-70b-instruct", deepinfra);

describe("dataPolicyExclusion", () => {
  it("admits everything under the default policy", () => {
    expect(dataPolicyExclusion(endpoint, DEFAULT_DATA_POLICY)).toBeUndefined();
  });

  it("excludes blocked models, case-insensitively", () => {
    const result = dataPolicyExclusion(
      endpoint,
      policy({ blockedModels: ["Meta-Llama/llama-3.3-70b-instruct"] }),
    );
    expect(result?.excludedBy).toBe("model_blocked");
  });

  it("excludes blocked providers including their variants", () => {
    const turbo = makeEndpoint("m/x", makeProvider("deepinfra/turbo"));
    expect(dataPolicyExclusion(turbo, policy({ blockedProviders: ["deepinfra"] }))?.excludedBy).toBe(
      "provider_blocked",
    );
  });

  it("excludes providers that train on prompts when training is denied", () => {
    const trains = makeEndpoint("m/x", makeProvider("chutes", { trainsOnPrompts: true }));
    expect(dataPolicyExclusion(trains, policy({ denyTraining: true }))?.excludedBy).toBe(
      "data_policy:training",
    );
    expect(dataPolicyExclusion(endpoint, policy({ denyTraining: true }))).toBeUndefined();
  });

  it("excludes providers that retain prompts when retention is denied, with a human reason", () => {
    expect(dataPolicyExclusion(endpoint, policy({ denyRetention: true }))).toEqual({
      excludedBy: "data_policy:retention",
      reason: "DeepInfra retains prompts; your organization's data policy denies retention",
    });
  });

  it("excludes non-ZDR providers when ZDR is required", () => {
    expect(dataPolicyExclusion(endpoint, policy({ zdrOnly: true }))?.excludedBy).toBe("data_policy:zdr");
  });

  it("excludes providers outside the allowed regions only when regions are listed", () => {
    expect(dataPolicyExclusion(endpoint, policy({ allowedRegions: ["eu"] }))?.excludedBy).toBe("data_region");
    expect(dataPolicyExclusion(endpoint, policy({ allowedRegions: ["EU", "us"] }))).toBeUndefined();
    expect(dataPolicyExclusion(endpoint, policy({ allowedRegions: [] }))).toBeUndefined();
  });
});
