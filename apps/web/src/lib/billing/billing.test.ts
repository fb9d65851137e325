import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realDeps } from "../../../test/deps.ts";
import { createOrgWithRoles, type OrgWithRoles, openTestDb } from "../../../test/fixtures.ts";
import { httpBillingClient } from "./client.ts";
import { quotePurchase, saveAutoTopup, startCheckout } from "./service.ts";

/** A real HTTP server speaking the billing service's internal contract, recording what it receives. */
const received: { method: string; url: string; auth: string | undefined; body: unknown }[] = [];
let server: Server;
let baseUrl = "";

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    received.push({ method: req.method ?? "", url: req.url ?? "", auth: req.headers.authorization, body });
    res.setHeader("content-type", "application/json");
    if (req.headers.authorization !== "Bearer secret-token") {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: { message: "bad token" } }));
      return;
    }
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/internal/checkout") {
      const amount = (body as { amountCents: number }).amountCents;
      res.end(JSON.stringify({ url: `${baseUrl}/dev/pay/abc`, feeCents: 80, totalCents: amount + 80 }));
    } else if (url.pathname === "/internal/fees") {
      const amount = Number(url.searchParams.get("amountCents"));
      res.end(JSON.stringify({ feeCents: 80, totalCents: amount + 80 }));
    } else if (url.pathname.endsWith("/auto-topup")) {
      res.end(JSON.stringify({ ...(body as object), lastError: "card_declined" }));
    } else if (url.pathname.endsWith("/transactions")) {
      res.end(
        JSON.stringify({
          items: [
            {
              id: "txn_1",
              kind: "purchase",
              description: "Credits",
              amountNanos: "25000000000",
              occurredAt: "2026-01-01T00:00:00Z",
              count: 1,
            },
            {
              id: "txn_2",
              kind: "usage",
              description: "API usage",
              amountNanos: "-1234",
              occurredAt: "2026-01-02T00:00:00Z",
              count: 3,
            },
          ],
          nextCursor: null,
        }),
      );
    } else {
      res.statusCode = 404;
      res.end("{}");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

const handle = openTestDb();
let world: OrgWithRoles;
let deps: ReturnType<typeof realDeps>;
beforeAll(async () => {
  world = await createOrgWithRoles(handle);
  deps = realDeps(handle, { billingUrl: baseUrl, billingToken: "secret-token" });
});
afterAll(async () => {
  await deps.close();
  await handle.close();
  await new Promise((resolve) => server.close(resolve));
});

const scope = (who: "owner" | "admin" | "member" | "outsider") => ({
  actor: world[who],
  orgId: world.org.orgId,
});

describe("credits (billing internal API)", () => {
  it("an admin starts a checkout for the org with exact cents and return URLs", async () => {
    const session = await startCheckout(deps, scope("admin"), {
      amountDollars: "25.50",
      returnUrl: "http://web/credits",
    });
    expect(session).toEqual({ url: `${baseUrl}/dev/pay/abc`, feeCents: 80, totalCents: 2630 });
    const call = received.find((r) => r.url === "/internal/checkout");
    expect(call?.auth).toBe("Bearer secret-token");
    expect(call?.body).toEqual({
      orgId: world.org.orgId,
      amountCents: 2550,
      successUrl: "http://web/credits?purchase=success",
      cancelUrl: "http://web/credits?purchase=cancelled",
    });
  });

  it.each(["member", "outsider"] as const)(
    "refuses a checkout by a %s before calling billing",
    async (who) => {
      const before = received.length;
      await expect(
        startCheckout(deps, scope(who), { amountDollars: "10", returnUrl: "http://web/credits" }),
      ).rejects.toMatchObject({ status: 403 });
      await expect(
        startCheckout(deps, { actor: null, orgId: world.org.orgId }, { amountDollars: "10", returnUrl: "x" }),
      ).rejects.toMatchObject({
        status: 401,
      });
      expect(received.length).toBe(before);
    },
  );

  it("rejects amounts outside $5..$10,000 or with fractions of a cent", async () => {
    await expect(
      startCheckout(deps, scope("owner"), { amountDollars: "4.99", returnUrl: "x" }),
    ).rejects.toThrow(/between/);
    await expect(
      startCheckout(deps, scope("owner"), { amountDollars: "10.001", returnUrl: "x" }),
    ).rejects.toThrow(/dollar amount/);
  });

  it("quotes the fee to any member; saves auto top-up as admin and shows the last error", async () => {
    expect(await quotePurchase(deps, scope("member"), "20")).toEqual({
      amountCents: 2000,
      feeCents: 80,
      totalCents: 2080,
    });
    const saved = await saveAutoTopup(deps, scope("admin"), {
      enabled: true,
      thresholdDollars: "5",
      amountDollars: "20",
    });
    expect(saved).toMatchObject({
      enabled: true,
      thresholdCents: 500,
      amountCents: 2000,
      lastError: "card_declined",
    });
    await expect(
      saveAutoTopup(deps, scope("member"), { enabled: false, thresholdDollars: "5", amountDollars: "20" }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it("parses transactions with decimal-string nanos as bigint", async () => {
    const list = await deps.billing.listTransactions(world.org.orgId);
    expect(list).toEqual([
      {
        id: "txn_1",
        kind: "purchase",
        description: "Credits",
        amountNanos: 25_000_000_000n,
        createdAt: "2026-01-01T00:00:00Z",
        count: 1,
      },
      {
        id: "txn_2",
        kind: "usage",
        description: "API usage",
        amountNanos: -1234n,
        createdAt: "2026-01-02T00:00:00Z",
        count: 3,
      },
    ]);
  });

  it("reports an unreachable or unauthorised billing service as a clear error", async () => {
    const wrongToken = httpBillingClient({ baseUrl, token: "nope" });
    await expect(wrongToken.quoteFees(500)).rejects.toThrow(/bad token/);
    const down = httpBillingClient({ baseUrl: "http://127.0.0.1:9", token: "x", timeoutMs: 500 });
    await expect(down.quoteFees(500)).rejects.toThrow(/not reachable/);
  });
});
