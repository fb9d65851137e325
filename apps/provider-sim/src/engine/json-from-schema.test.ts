import { describe, expect, it } from "vitest";
import { createRng } from "./hash.ts";
import { valueFromSchema } from "./json-from-schema.ts";

describe("valueFromSchema", () => {
  it("builds objects with every declared property of the right type", () => {
    const value = valueFromSchema(
      {
        type: "object",
        properties: {
          s: { type: "string" },
          i: { type: "integer", minimum: 3, maximum: 5 },
          b: { type: "boolean" },
          e: { enum: ["x", "y"] },
          a: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
          n: { type: ["string", "null"] },
        },
      },
      createRng(1),
    ) as Record<string, unknown>;
    expect(typeof value.s).toBe("string");
    expect(value.i).toBeGreaterThanOrEqual(3);
    expect(value.i).toBeLessThanOrEqual(5);
    expect(typeof value.b).toBe("boolean");
    expect(["x", "y"]).toContain(value.e);
    expect(value.a).toHaveLength(2);
    expect(typeof value.n).toBe("string");
  });

  it("understands Gemini's uppercase OpenAPI types and anyOf", () => {
    const value = valueFromSchema(
      { type: "OBJECT", properties: { k: { anyOf: [{ type: "null" }, { type: "INTEGER" }] } } },
      createRng(2),
    ) as Record<string, unknown>;
    expect(Number.isInteger(value.k)).toBe(true);
  });

  it("is deterministic for the same rng seed", () => {
    const schema = { type: "object", properties: { a: { type: "string" }, b: { type: "number" } } };
    expect(valueFromSchema(schema, createRng(9))).toEqual(valueFromSchema(schema, createRng(9)));
  });
});
