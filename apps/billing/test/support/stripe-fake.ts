import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local Stripe-compatible server for tests: the form-encoded REST subset the `stripe` SDK calls
 * (customers, checkout sessions, payment intents), Stripe-shaped JSON, Idempotency-Key replay, and
 * helpers that complete a session or refund/dispute a charge and return the resulting event.
 */

type Obj = Record<string, unknown>;

export interface StripeEvent {
  id: string;
  object: "event";
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Obj };
}

export interface StripeFake {
  host: string;
  port: number;
  requests: { method: string; path: string }[];
  sessions: Map<string, Obj>;
  paymentIntents: Map<string, Obj>;
  /** Pays a session: creates card, payment intent and charge; returns `checkout.session.completed`. */
  completeSession(sessionId: string): StripeEvent;
  refund(paymentIntentId: string, amountCents: number): StripeEvent;
  dispute(paymentIntentId: string, amountCents: number): StripeEvent;
  /** Off-session charges on this card fail with `card_declined`. */
  declinePaymentMethod(paymentMethodId: string): void;
  close(): Promise<void>;
}

const rid = (prefix: string) => `${prefix}${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const now = () => Math.floor(Date.now() / 1000);

/** `a[b][0][c]=v` form encoding (what the SDK sends) into nested objects/arrays. */
export function parseForm(body: string): Obj {
  const root: Obj = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.replace(/\]/g, "").split("[");
    let node: Obj = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next !== "object" || next === null) node[part] = /^\d+$/.test(parts[i + 1] ?? "") ? [] : {};
      node = node[part] as Obj;
    });
  }
  return root;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export async function startStripeFake(): Promise<StripeFake> {
  const customers = new Map<string, Obj>();
  const sessions = new Map<string, Obj>();
  const paymentIntents = new Map<string, Obj>();
  const charges = new Map<string, Obj>();
  const declined = new Set<string>();
  const idempotent = new Map<string, { status: number; body: Obj }>();
  const requests: { method: string; path: string }[] = [];

  const send = (res: ServerResponse, status: number, body: Obj) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": rid("req_") });
    res.end(JSON.stringify(body));
  };
  const notFound = (id: string) => ({
    status: 404,
    body: {
      error: { type: "invalid_request_error", code: "resource_missing", message: `No such object: '${id}'` },
    },
  });

  const createIntent = (params: Obj): { status: number; body: Obj } => {
    const amount = Number(params.amount);
    const pm = String(params.payment_method ?? "");
    const id = rid("pi_");
    if (declined.has(pm)) {
      const intent = {
        id,
        object: "payment_intent",
        amount,
        currency: "usd",
        status: "requires_payment_method",
        customer: params.customer ?? null,
        payment_method: null,
        metadata: params.metadata ?? {},
      };
      paymentIntents.set(id, intent);
      return {
        status: 402,
        body: {
          error: {
            type: "card_error",
            code: "card_declined",
            decline_code: "generic_decline",
            message: "Your card was declined.",
            payment_intent: intent,
          },
        },
      };
    }
    const chargeId = rid("ch_");
    charges.set(chargeId, {
      id: chargeId,
      object: "charge",
      amount,
      amount_refunded: 0,
      payment_intent: id,
      refunded: false,
    });
    const intent = {
      id,
      object: "payment_intent",
      amount,
      amount_received: amount,
      currency: String(params.currency ?? "usd"),
      status: params.confirm === "true" ? "succeeded" : "requires_confirmation",
      customer: params.customer ?? null,
      payment_method: pm || null,
      latest_charge: chargeId,
      metadata: params.metadata ?? {},
      created: now(),
    };
    paymentIntents.set(id, intent);
    return { status: 200, body: intent };
  };

  const route = (method: string, path: string, params: Obj): { status: number; body: Obj } => {
    if (method === "POST" && path === "/v1/customers") {
      const customer = {
        id: rid("cus_"),
        object: "customer",
        metadata: params.metadata ?? {},
        created: now(),
      };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const items = (params.line_items as Obj[] | undefined) ?? [];
      const amount = items.reduce((sum, item) => {
        const price = (item.price_data as Obj | undefined) ?? {};
        return sum + Number(price.unit_amount ?? 0) * Number(item.quantity ?? 1);
      }, 0);
      const id = rid("cs_test_");
      const session = {
        id,
        object: "checkout.session",
        mode: params.mode,
        url: `https://checkout.stripe.fake/c/pay/${id}`,
        amount_total: amount,
        currency: "usd",
        customer: params.customer ?? null,
        client_reference_id: params.client_reference_id ?? null,
        metadata: params.metadata ?? {},
        payment_intent: null,
        payment_status: "unpaid",
        status: "open",
        success_url: params.success_url,
        cancel_url: params.cancel_url,
        payment_intent_data: params.payment_intent_data ?? null,
        created: now(),
      };
      sessions.set(id, session);
      return { status: 200, body: session };
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && sessionMatch) {
      const session = sessions.get(sessionMatch[1] ?? "");
      return session ? { status: 200, body: session } : notFound(sessionMatch[1] ?? "");
    }
    if (method === "POST" && path === "/v1/payment_intents") return createIntent(params);
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === "GET" && intentMatch) {
      const intent = paymentIntents.get(intentMatch[1] ?? "");
      return intent ? { status: 200, body: intent } : notFound(intentMatch[1] ?? "");
    }
    return {
      status: 404,
      body: {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path})` },
      },
    };
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname });
    const body = await readBody(req);
    const params = parseForm(method === "GET" ? url.search.slice(1) : body);
    const key = req.headers["idempotency-key"];
    const cacheKey = typeof key === "string" && method === "POST" ? `${url.pathname}|${key}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    const result = cached ?? route(method, url.pathname, params);
    if (cacheKey && !cached) idempotent.set(cacheKey, result);
    send(res, result.status, result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const event = (type: string, object: Obj): StripeEvent => ({
    id: rid("evt_"),
    object: "event",
    type,
    created: now(),
    livemode: false,
    api_version: "2025-10-29.clover",
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
  const chargeOf = (paymentIntentId: string): Obj => {
    const intent = paymentIntents.get(paymentIntentId);
    const charge = charges.get(String(intent?.latest_charge ?? ""));
    if (!charge) throw new Error(`no charge for ${paymentIntentId}`);
    return charge;
  };

  return {
    host: "127.0.0.1",
    port,
    requests,
    sessions,
    paymentIntents,
    completeSession(sessionId) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const pm = rid("pm_");
      const intent = createIntent({
        amount: String(session.amount_total),
        currency: "usd",
        customer: session.customer,
        payment_method: pm,
        confirm: "true",
        metadata: session.metadata,
      }).body;
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent.id });
      return event("checkout.session.completed", { ...session });
    },
    refund(paymentIntentId, amountCents) {
      const charge = chargeOf(paymentIntentId);
      const refunded = Math.min(Number(charge.amount), Number(charge.amount_refunded) + amountCents);
      Object.assign(charge, { amount_refunded: refunded, refunded: refunded === Number(charge.amount) });
      return event("charge.refunded", { ...charge });
    },
    dispute(paymentIntentId, amountCents) {
      const charge = chargeOf(paymentIntentId);
      return event("charge.dispute.created", {
        id: rid("dp_"),
        object: "dispute",
        amount: amountCents,
        charge: charge.id,
        payment_intent: paymentIntentId,
        status: "needs_response",
      });
    },
    declinePaymentMethod(paymentMethodId) {
      declined.add(paymentMethodId);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
