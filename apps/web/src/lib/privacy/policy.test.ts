import { loadCatalog, orgDataPolicies, orgProviderPreferences } from "@switchyard/db";
import { seedCatalog } from "@switchyard/db/seed";
import { DEFAULT_DATA_POLICY, DEFAULT_PREFERENCES } from "@switchyard/routing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InvalidationListener, listenForInvalidations, realDeps } from "../../../test/deps.ts";
import { createOrgWithRoles, type OrgWithRoles, openTestDb } from "../../../test/fixtures.ts";
import { newlyUnavailable, previewPolicy } from "../policy-preview.ts";
import { getDataPolicy, getPreferences } from "../preferences/queries.ts";
import { savePreferences } from "../preferences/save-preferences.ts";
import { saveDataPolicy } from "./save-data-policy.ts";

const handle = openTestDb();
const deps = realDeps(handle);
let world: OrgWithRoles;
let listener: InvalidationListener;

beforeAll(async () => {
  await seedCatalog(handle.db);
  world = await createOrgWithRoles(handle);
  listener = await listenForInvalidations();
});
afterAll(async () => {
  await listener.close();
  await deps.close();
  await handle.close();
});

const scope = (who: "owner" | "admin" | "member" | "outsider") => ({
  actor: world[who],
  orgId: world.org.orgId,
});

describe("data policy preview (planRoute over the real catalog)", () => {
  it("everything routes under the default rules", async () => {
    const catalog = await loadCatalog(handle.db);
    const preview = previewPolicy(catalog);
    expect(preview.totalModels).toBe(catalog.models.size);
    expect(preview.unavailable).toEqual([]);
  });

  it("deny training lists exactly the models served only by providers that train on prompts", async () => {
    const catalog = await loadCatalog(handle.db);
    const expected = [...catalog.endpointsByModel.entries()]
      .filter(([, eps]) => eps.every((e) => e.provider.trainsOnPrompts))
      .map(([id]) => id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const preview = previewPolicy(catalog, { ...DEFAULT_DATA_POLICY, denyTraining: true });
    expect(preview.unavailable.map((m) => m.modelId)).toEqual(expected);
    expect(preview.unavailable[0]?.reason).toBeTruthy();
  });

  it("blocking a model or demanding ZDR only adds models to the list", async () => {
    const catalog = await loadCatalog(handle.db);
    const base = previewPolicy(catalog);
    const someModel = [...catalog.models.keys()][0] ?? "";
    const blocked = previewPolicy(catalog, { ...DEFAULT_DATA_POLICY, blockedModels: [someModel] });
    expect(newlyUnavailable(base, blocked).map((m) => m.modelId)).toEqual([someModel]);
    const zdr = previewPolicy(catalog, { ...DEFAULT_DATA_POLICY, zdrOnly: true });
    const zdrExpected = [...catalog.endpointsByModel.entries()].filter(([, eps]) =>
      eps.every((e) => !e.provider.zdr),
    ).length;
    expect(zdr.unavailable.length).toBe(zdrExpected);
  });
});

describe("saving data policy and provider preferences", () => {
  it("an admin saves the data policy; gateways are told to reload the org", async () => {
    const policy = {
      ...DEFAULT_DATA_POLICY,
      denyTraining: true,
      allowedRegions: ["US"],
      blockedProviders: ["chutes"],
    };
    await saveDataPolicy(deps, scope("admin"), policy);
    expect(await getDataPolicy(handle.db, world.org.orgId)).toEqual({ ...policy, allowedRegions: ["us"] });
    await listener.waitFor((m) => m.type === "org" && m.orgId === world.org.orgId);
  });

  it("refuses unknown providers and models with a clear message", async () => {
    await expect(
      saveDataPolicy(deps, scope("owner"), { ...DEFAULT_DATA_POLICY, blockedProviders: ["nope"] }),
    ).rejects.toThrow(/unknown provider nope/);
    await expect(
      saveDataPolicy(deps, scope("owner"), { ...DEFAULT_DATA_POLICY, blockedModels: ["x/y"] }),
    ).rejects.toThrow(/unknown model x\/y/);
  });

  it.each(["member", "outsider"] as const)("refuses a %s and leaves both settings untouched", async (who) => {
    const before = await getDataPolicy(handle.db, world.org.orgId);
    await expect(
      saveDataPolicy(deps, scope(who), { ...DEFAULT_DATA_POLICY, zdrOnly: true }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      savePreferences(deps, scope(who), { ...DEFAULT_PREFERENCES, sort: "price" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await getDataPolicy(handle.db, world.org.orgId)).toEqual(before);
    const rows = await handle.db
      .select()
      .from(orgDataPolicies)
      .where(eq(orgDataPolicies.orgId, world.otherOrg.orgId));
    expect(rows).toEqual([]);
  });

  it("refuses a signed-out visitor with 401", async () => {
    await expect(
      savePreferences(deps, { actor: null, orgId: world.org.orgId }, DEFAULT_PREFERENCES),
    ).rejects.toMatchObject({ status: 401 });
  });

  it("an admin saves an ordered preferred-provider list and publishes the org invalidation", async () => {
    const saved = await savePreferences(deps, scope("admin"), {
      sort: "latency",
      order: ["groq", "deepinfra", "groq"],
      ignoredProviders: ["chutes"],
      allowedProviders: [],
      allowFallbacks: false,
    });
    expect(saved.order).toEqual(["groq", "deepinfra"]);
    expect(await getPreferences(handle.db, world.org.orgId)).toEqual(saved);
    const [row] = await handle.db
      .select()
      .from(orgProviderPreferences)
      .where(eq(orgProviderPreferences.orgId, world.org.orgId));
    expect(row?.allowFallbacks).toBe(false);
    await expect(
      savePreferences(deps, scope("admin"), {
        ...saved,
        allowedProviders: ["chutes"],
        ignoredProviders: ["chutes"],
      }),
    ).rejects.toThrow(/both allowed and ignored/);
  });
});
