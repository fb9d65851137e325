import { describe, expect, it } from "vitest";
import type { Exclusion } from "../types.ts";
import { noEndpointsError } from "./no-endpoints-error.ts";

const ex = (excludedBy: Exclusion["excludedBy"], details?: string[]): Exclusion =>
  details ? { excludedBy, reason: "r", details } : { excludedBy, reason: "r" };

describe("noEndpointsError", () => {
  it("counts each filter, in pipeline order, in the message and is constraint_filtered when non-policy filters took part", () => {
    const error = noEndpointsError(
      ["meta-llama/llama-3.3-70b-instruct"],
      [
        ex("data_policy:training"),
        ex("data_policy:training"),
        ex("max_price"),
        ex("require_parameters", ["tools"]),
      ],
    );
    expect(error).toEqual({
      code: "constraint_filtered",
      status: 404,
      message:
        "No endpoints for meta-llama/llama-3.3-70b-instruct: 2 excluded by data policy (training), 1 by require_parameters (tools), 1 by max_price",
      excludedBy: ["data_policy:training", "require_parameters", "max_price"],
    });
  });

  it("is privacy_restricted when every exclusion came from data policy", () => {
    const error = noEndpointsError(
      ["m/x"],
      [ex("data_policy:zdr"), ex("data_region"), ex("provider_blocked")],
    );
    expect(error.code).toBe("privacy_restricted");
    expect(error.status).toBe(404);
  });
});
