import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createDb, ensureDatabase, generations, migrateDatabase } from "@switchyard/db";
import { startEmbeddedPostgres } from "@switchyard/db/embedded";
import { seedCatalog } from "@switchyard/db/seed";
import { createTestOrg, freePort } from "@switchyard/db/testing";
import { buildGatewayDeps, createApp, loadGatewayEnv } from "@switchyard/gateway";
import { grantPromotionalCredit, orgBalanceNanos } from "@switchyard/ledger";
import { startProviderSim } from "@switchyard/provider-sim";
import { eq } from "drizzle-orm";
import OpenAI from "openai";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("embedded default (embedded PostgreSQL, no Redis)", () => {
  it("migrates, seeds and serves models and a billed chat request through the same code", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "switchyard-embedded-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    cleanups.push(() => postgres.stop());
    await ensureDatabase(postgres.url);
    await migrateDatabase(postgres.url);
    const handle = createDb(postgres.url, { max: 2 });
    cleanups.push(() => handle.close());
    const seeded = await seedCatalog(handle.db);
    expect(seeded.models).toBeGreaterThanOrEqual(20);

    const sim = await startProviderSim({ port: 0, host: "127.0.0.1" });
    cleanups.push(() => sim.close());
    const env = loadGatewayEnv({
      DATABASE_URL: postgres.url,
      PROVIDER_SIM_URL: sim.url,
      LOG_LEVEL: "silent",
    });
    const gateway = await buildGatewayDeps(env, pino({ level: "silent" }));
    cleanups.push(() => gateway.close());
    expect(gateway.deps.config.mode).toBe("embedded");
    const server = serve({ fetch: createApp(gateway.deps).fetch, port: 0, hostname: "127.0.0.1" });
    cleanups.push(() => server.close());
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const apiUrl = `http://127.0.0.1:${port}/api/v1`;

    const models = (await (await fetch(`${apiUrl}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toContain("openai/gpt-4o-mini");

    const org = await createTestOrg(handle.db);
    await grantPromotionalCredit(handle.db, {
      orgId: org.orgId,
      amountNanos: 1_000_000_000n,
      idempotencyKey: `embedded-test:${org.orgId}`,
      description: "test credit",
    });
    const client = new OpenAI({ baseURL: apiUrl, apiKey: org.apiKey, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: "openai/gpt-4o-mini",
      messages: [{ role: "user", content: "hello" }],
      max_tokens: 20,
    });
    expect(completion.choices[0]?.message.content).toBeTruthy();
    // Settlement runs inline in embedded mode: the row and the debit exist once the reply is out.
    const [row] = await handle.db.select().from(generations).where(eq(generations.id, completion.id));
    expect(row?.status).toBe("success");
    expect(await orgBalanceNanos(handle.db, org.orgId)).toBe(1_000_000_000n - (row?.costNanos ?? 0n));
  });
});
