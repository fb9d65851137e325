import { apiKeys, type Database, generations, providers } from "@switchyard/db";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor.ts";

export interface GenerationFilters {
  keyId?: string;
  modelId?: string;
  providerId?: string;
  status?: "success" | "error" | "cancelled";
  cursor?: string;
  limit?: number;
}

export type GenerationListRow = Awaited<ReturnType<typeof listGenerations>>["rows"][number];

/** One page of the org's generations, newest first, with the cursor of the next page. */
export async function listGenerations(
  db: Pick<Database, "select">,
  orgId: string,
  filters: GenerationFilters = {},
) {
  const limit = Math.min(Math.max(filters.limit ?? 25, 1), 100);
  const cursor: Cursor | undefined = decodeCursor(filters.cursor);
  const conditions: SQL[] = [eq(generations.orgId, orgId)];
  if (filters.keyId) conditions.push(eq(generations.keyId, filters.keyId));
  if (filters.modelId) conditions.push(eq(generations.modelId, filters.modelId));
  if (filters.providerId) conditions.push(eq(generations.providerId, filters.providerId));
  if (filters.status) conditions.push(eq(generations.status, filters.status));
  if (cursor) {
    const before = or(
      lt(generations.createdAt, cursor.createdAt),
      and(eq(generations.createdAt, cursor.createdAt), lt(generations.id, cursor.id)),
    );
    if (before) conditions.push(before);
  }
  const rows = await db
    .select({
      id: generations.id,
      createdAt: generations.createdAt,
      keyId: generations.keyId,
      keyName: apiKeys.name,
      requestedModel: generations.requestedModel,
      modelId: generations.modelId,
      providerId: generations.providerId,
      providerName: providers.name,
      status: generations.status,
      finishReason: generations.finishReason,
      promptTokens: generations.promptTokens,
      completionTokens: generations.completionTokens,
      costNanos: generations.costNanos,
      latencyMs: generations.latencyMs,
      ttftMs: generations.ttftMs,
      streamed: generations.streamed,
    })
    .from(generations)
    .leftJoin(apiKeys, eq(apiKeys.id, generations.keyId))
    .leftJoin(providers, eq(providers.id, generations.providerId))
    .where(and(...conditions))
    .orderBy(desc(generations.createdAt), desc(generations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : undefined;
  return { rows: page, nextCursor };
}
