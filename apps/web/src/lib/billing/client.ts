import { z } from "zod";

const checkoutResponse = z.object({
  url: z.string().min(1),
  feeCents: z.number().int(),
  totalCents: z.number().int(),
});
const feesResponse = z.object({ feeCents: z.number().int(), totalCents: z.number().int() });
const autoTopupResponse = z.object({
  enabled: z.boolean(),
  thresholdCents: z.number().int(),
  amountCents: z.number().int(),
  lastError: z.string().nullish(),
  lastAttemptAt: z.string().nullish(),
});
const nanosString = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform((v) => BigInt(v));
const transaction = z
  .object({
    id: z.string(),
    kind: z.string(),
    description: z.string().nullish(),
    amountNanos: nanosString.optional(),
    amount_nanos: nanosString.optional(),
    createdAt: z.string().optional(),
    created_at: z.string().optional(),
    occurredAt: z.string().optional(),
    /** Rolled-up usage rows carry how many transfers they stand for. */
    count: z.number().int().optional(),
  })
  .transform((t) => ({
    id: t.id,
    kind: t.kind,
    description: t.description ?? "",
    amountNanos: t.amountNanos ?? t.amount_nanos ?? 0n,
    createdAt: t.occurredAt ?? t.createdAt ?? t.created_at ?? "",
    count: t.count ?? 1,
  }));
const transactionsResponse = z.union([
  z.array(transaction),
  z.object({ items: z.array(transaction) }),
  z.object({ transactions: z.array(transaction) }),
]);

export type CheckoutSession = z.infer<typeof checkoutResponse>;
export type FeeQuote = z.infer<typeof feesResponse>;
export type AutoTopup = z.infer<typeof autoTopupResponse>;
export type BillingTransaction = z.output<typeof transaction>;

export class BillingUnavailableError extends Error {
  override name = "BillingUnavailableError";
}

export interface BillingClient {
  createCheckout(input: {
    orgId: string;
    amountCents: number;
    successUrl: string;
    cancelUrl: string;
  }): Promise<CheckoutSession>;
  quoteFees(amountCents: number): Promise<FeeQuote>;
  getAutoTopup(orgId: string): Promise<AutoTopup>;
  putAutoTopup(
    orgId: string,
    settings: { enabled: boolean; thresholdCents: number; amountCents: number },
  ): Promise<AutoTopup>;
  listTransactions(orgId: string): Promise<BillingTransaction[]>;
}

/** HTTP client for the billing service's internal API (bearer token, JSON, 5 s timeout). */
export function httpBillingClient(options: {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}): BillingClient {
  const base = options.baseUrl.replace(/\/$/, "");
  async function call<T>(
    path: string,
    schema: z.ZodType<T>,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method ?? "GET",
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        cache: "no-store",
      });
    } catch {
      throw new BillingUnavailableError(
        "The billing service is not reachable right now. Try again in a moment.",
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
      throw new BillingUnavailableError(
        typeof message === "string" && response.status < 500
          ? message
          : `Billing service error (HTTP ${response.status}).`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new BillingUnavailableError("The billing service sent an unexpected response.");
    return parsed.data;
  }
  return {
    createCheckout: (input) => call("/internal/checkout", checkoutResponse, { method: "POST", body: input }),
    quoteFees: (amountCents) => call(`/internal/fees?amountCents=${amountCents}`, feesResponse),
    getAutoTopup: (orgId) =>
      call(`/internal/orgs/${encodeURIComponent(orgId)}/auto-topup`, autoTopupResponse),
    putAutoTopup: (orgId, settings) =>
      call(`/internal/orgs/${encodeURIComponent(orgId)}/auto-topup`, autoTopupResponse, {
        method: "PUT",
        body: settings,
      }),
    listTransactions: async (orgId) =>
      normalize(await call(`/internal/orgs/${encodeURIComponent(orgId)}/transactions`, transactionsResponse)),
  };
}

function normalize(value: z.output<typeof transactionsResponse>): BillingTransaction[] {
  if (Array.isArray(value)) return value;
  return "items" in value ? value.items : value.transactions;
}
