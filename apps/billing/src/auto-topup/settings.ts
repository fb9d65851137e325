import { NANOS_PER_CENT } from "@switchyard/config";
import { autoTopupSettings, type Database } from "@switchyard/db";
import { eq } from "drizzle-orm";

export interface AutoTopupView {
  enabled: boolean;
  thresholdCents: number;
  amountCents: number;
  lastAttemptAt: string | null;
  lastError: string | null;
}

export async function readAutoTopup(db: Database, orgId: string): Promise<AutoTopupView> {
  const [row] = await db.select().from(autoTopupSettings).where(eq(autoTopupSettings.orgId, orgId));
  if (!row)
    return { enabled: false, thresholdCents: 0, amountCents: 0, lastAttemptAt: null, lastError: null };
  return {
    enabled: row.enabled,
    thresholdCents: Number(row.thresholdNanos / NANOS_PER_CENT),
    amountCents: row.amountCents,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}

export async function writeAutoTopup(
  db: Database,
  orgId: string,
  input: { enabled: boolean; thresholdCents: number; amountCents: number },
): Promise<void> {
  const values = {
    enabled: input.enabled,
    thresholdNanos: BigInt(input.thresholdCents) * NANOS_PER_CENT,
    amountCents: input.amountCents,
    updatedAt: new Date(),
  };
  await db
    .insert(autoTopupSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: autoTopupSettings.orgId, set: { ...values, lastError: null } });
}
