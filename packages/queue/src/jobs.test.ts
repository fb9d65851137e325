import { describe, expect, it } from "vitest";
import { autoTopupJobSchema } from "./auto-topup-job.ts";
import { stripeEventJobSchema } from "./stripe-event-job.ts";
import { usageJobSchema } from "./usage-job.ts";

describe("job schemas", () => {
  it("accepts a stripe event job and keeps its payload untouched", () => {
    const payload = { id: "evt_1", data: { object: { id: "cs_test_1" } } };
    const job = stripeEventJobSchema.parse({ eventId: "evt_1", type: "checkout.session.completed", payload });
    expect(job.payload).toEqual(payload);
  });

  it("rejects a stripe event job without an event id", () => {
    expect(stripeEventJobSchema.safeParse({ eventId: "", type: "x", payload: {} }).success).toBe(false);
  });

  it("accepts auto top-up reasons and rejects unknown ones", () => {
    expect(autoTopupJobSchema.parse({ orgId: "org_1", reason: "threshold" }).reason).toBe("threshold");
    expect(autoTopupJobSchema.safeParse({ orgId: "org_1", reason: "whim" }).success).toBe(false);
  });

  it("rejects a usage job whose cost is not an integer string", () => {
    const base = {
      generationId: "gen_1",
      orgId: "org_1",
      keyId: null,
      requestedModel: "m",
      modelId: null,
      providerId: null,
      endpointId: null,
      upstreamId: null,
      sessionId: null,
      status: "success",
      finishReason: null,
      nativeFinishReason: null,
      streamed: false,
      promptTokens: 1,
      completionTokens: 1,
      cachedTokens: 0,
      reasoningTokens: 0,
      latencyMs: 1,
      ttftMs: null,
      routeTrace: {},
      error: null,
      createdAt: new Date().toISOString(),
    };
    expect(usageJobSchema.safeParse({ ...base, costNanos: "12" }).success).toBe(true);
    expect(usageJobSchema.safeParse({ ...base, costNanos: "1.5" }).success).toBe(false);
  });
});

describe("connectionFromUrl", () => {
  it("reads host, port, db and credentials from a redis URL", async () => {
    const { connectionFromUrl } = await import("./connection.ts");
    expect(connectionFromUrl("redis://u:p%40ss@10.0.0.1:6380/5")).toMatchObject({
      host: "10.0.0.1",
      port: 6380,
      db: 5,
      username: "u",
      password: "p@ss",
      maxRetriesPerRequest: null,
    });
  });
});
