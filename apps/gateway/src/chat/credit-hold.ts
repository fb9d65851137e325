import type { CreditHolds } from "@switchyard/ledger";
import { affordableOutputTokens, type CatalogEndpoint, maxCostNanos } from "@switchyard/routing";
import type { ApiKeyRecord } from "../auth/key-store.ts";
import { ApiError } from "../errors.ts";

/** Below this many output tokens an answer is not worth starting. */
export const MIN_ANSWER_TOKENS = 16;

export interface PlannedAttempt {
  endpoint: CatalogEndpoint;
  /** max_tokens sent upstream: the caller's, or what the balance affords when omitted. */
  maxTokens: number;
}

export interface CreditHoldResult {
  attempts: PlannedAttempt[];
  holdNanos: bigint;
  /** The lease the hold was taken from, which settlement must take the cost off. */
  leaseId: string | null;
}

/**
 * Reserves the worst-case cost before any upstream call. When the caller omits max_tokens, each
 * endpoint's output is capped at what the balance (and key limit) affords, so a small balance
 * still gets answers and can never be overspent. Endpoints the caller cannot afford are dropped
 * from the fallback list rather than failing the request.
 */
export async function reserveCredit(
  holds: CreditHolds,
  input: {
    generationId: string;
    key: ApiKeyRecord;
    endpoints: CatalogEndpoint[];
    promptTokens: number;
    requestedMaxTokens: number | undefined;
    ttlMs: number;
  },
): Promise<CreditHoldResult> {
  const { key, promptTokens, requestedMaxTokens } = input;
  const reserve = async (attempts: PlannedAttempt[]) => {
    const holdNanos = attempts.reduce((max, a) => {
      const cost = maxCostNanos(a.endpoint, promptTokens, a.maxTokens);
      // biome-ignore lint/complexity/useMathMinMax: Math.max does not take bigint
      return cost > max ? cost : max;
    }, 0n);
    const outcome = await holds.reserve({
      generationId: input.generationId,
      orgId: key.orgId,
      keyId: key.keyId,
      keyLimitNanos: key.creditLimitNanos,
      amountNanos: holdNanos,
      ttlMs: input.ttlMs,
    });
    return { outcome, holdNanos };
  };

  // First as if credit were unlimited (max_tokens as asked, or each endpoint's full room): when the
  // hold fits, as it does from a lease, that is the answer, without looking the balance up.
  const unlimited = affordableAttempts(input.endpoints, promptTokens, requestedMaxTokens, null);
  let spendable: { nanos: bigint; limitedBy: "org" | "key" } | undefined;
  if (unlimited.length > 0) {
    const { outcome, holdNanos } = await reserve(unlimited);
    if (outcome.ok) return { attempts: unlimited, holdNanos, leaseId: outcome.leaseId ?? null };
    // With max_tokens the refusal says what is spendable; without, the lease's rest counts too.
    if (requestedMaxTokens !== undefined) {
      spendable = {
        nanos: outcome.affordableNanos,
        limitedBy: outcome.reason === "key_limit_exceeded" ? "key" : "org",
      };
    }
  }
  spendable ??= await holds.spendable(key.orgId, key.keyId, key.creditLimitNanos);

  const attempts = affordableAttempts(input.endpoints, promptTokens, requestedMaxTokens, spendable.nanos);
  if (attempts.length === 0) throw insufficientCredit(input, spendable.nanos, spendable.limitedBy);
  const { outcome, holdNanos } = await reserve(attempts);
  if (!outcome.ok) {
    throw insufficientCredit(
      input,
      outcome.affordableNanos,
      outcome.reason === "key_limit_exceeded" ? "key" : "org",
    );
  }
  return { attempts, holdNanos, leaseId: outcome.leaseId ?? null };
}

/**
 * The endpoints the spendable credit covers (null: any amount), each with the max_tokens it will
 * be sent.
 */
function affordableAttempts(
  endpoints: CatalogEndpoint[],
  promptTokens: number,
  requestedMaxTokens: number | undefined,
  spendableNanos: bigint | null,
): PlannedAttempt[] {
  const attempts: PlannedAttempt[] = [];
  for (const endpoint of endpoints) {
    if (requestedMaxTokens !== undefined) {
      if (
        spendableNanos === null ||
        maxCostNanos(endpoint, promptTokens, requestedMaxTokens) <= spendableNanos
      ) {
        attempts.push({ endpoint, maxTokens: requestedMaxTokens });
      }
      continue;
    }
    const room = Math.min(endpoint.maxOutputTokens, Math.max(0, endpoint.contextLength - promptTokens));
    const affordable =
      spendableNanos === null
        ? room
        : Math.min(room, affordableOutputTokens(endpoint, promptTokens, spendableNanos));
    if (affordable >= MIN_ANSWER_TOKENS) attempts.push({ endpoint, maxTokens: affordable });
  }
  return attempts;
}

function insufficientCredit(
  input: { endpoints: CatalogEndpoint[]; promptTokens: number; requestedMaxTokens: number | undefined },
  spendableNanos: bigint,
  limitedBy: "org" | "key",
): ApiError {
  const first = input.endpoints[0];
  const canAfford = first
    ? affordableOutputTokens(first, input.promptTokens, spendableNanos > 0n ? spendableNanos : 0n)
    : 0;
  const who = limitedBy === "key" ? "this API key's credit limit" : "your credit balance";
  const requested = input.requestedMaxTokens ?? first?.maxOutputTokens ?? 0;
  const message =
    spendableNanos <= 0n
      ? `Insufficient credits: ${who} is exhausted. Add credits in the dashboard.`
      : `This request requires more credits, or fewer max_tokens. You requested up to ${requested} tokens, but ${who} can only afford ${canAfford}.`;
  return new ApiError(402, limitedBy === "key" ? "key_limit_exceeded" : "insufficient_credits", message, {
    metadata: { can_afford_max_tokens: canAfford, error_type: "payment_required" },
  });
}
