import { sql } from "drizzle-orm";
import type { Database } from "../client.ts";
import { endpoints, models, providers } from "../schema/index.ts";
import { modelSeeds } from "./models.ts";
import { providerSeeds } from "./providers.ts";

export { modelSeeds } from "./models.ts";
export { providerSeeds } from "./providers.ts";

/** Upserts the public catalog (providers, models, endpoints). Idempotent; prices follow the seed. */
export async function seedCatalog(
  db: Database,
): Promise<{ providers: number; models: number; endpoints: number }> {
  const endpointRows = modelSeeds.flatMap((model) =>
    model.endpoints.map((endpoint) => ({
      id: `ep_${endpoint.provider}__${model.id.replace("/", "__")}`,
      modelId: model.id,
      providerId: endpoint.provider,
      upstreamModel: endpoint.upstreamModel,
      inputPriceNanos: BigInt(endpoint.price[0]),
      outputPriceNanos: BigInt(endpoint.price[1]),
      cacheReadPriceNanos: endpoint.price[2] === undefined ? null : BigInt(endpoint.price[2]),
      contextLength: endpoint.contextLength ?? model.contextLength,
      maxOutputTokens: endpoint.maxOutput,
      quantization: endpoint.quantization ?? "unknown",
      supportedParameters: [...endpoint.params],
    })),
  );
  await db.transaction(async (tx) => {
    await tx
      .insert(providers)
      .values(providerSeeds)
      .onConflictDoUpdate({
        target: providers.id,
        set: {
          name: sql`excluded.name`,
          apiFormat: sql`excluded.api_format`,
          baseUrl: sql`excluded.base_url`,
          trainsOnPrompts: sql`excluded.trains_on_prompts`,
          retainsPrompts: sql`excluded.retains_prompts`,
          retentionDays: sql`excluded.retention_days`,
          zdr: sql`excluded.zdr`,
          region: sql`excluded.region`,
        },
      });
    await tx
      .insert(models)
      .values(
        modelSeeds.map((m) => ({
          id: m.id,
          author: m.id.split("/")[0] ?? m.id,
          name: m.name,
          description: m.description,
          contextLength: m.contextLength,
          inputModalities: m.inputModalities ?? ["text"],
          tokenizer: m.tokenizer,
        })),
      )
      .onConflictDoUpdate({
        target: models.id,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          contextLength: sql`excluded.context_length`,
        },
      });
    await tx
      .insert(endpoints)
      .values(endpointRows)
      .onConflictDoUpdate({
        target: endpoints.id,
        set: {
          upstreamModel: sql`excluded.upstream_model`,
          inputPriceNanos: sql`excluded.input_price_nanos`,
          outputPriceNanos: sql`excluded.output_price_nanos`,
          cacheReadPriceNanos: sql`excluded.cache_read_price_nanos`,
          maxOutputTokens: sql`excluded.max_output_tokens`,
          supportedParameters: sql`excluded.supported_parameters`,
        },
      });
  });
  return { providers: providerSeeds.length, models: modelSeeds.length, endpoints: endpointRows.length };
}
