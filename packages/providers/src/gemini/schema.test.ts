import { describe, expect, it } from "vitest";
import { toGeminiSchema } from "./schema.ts";

describe("toGeminiSchema", () => {
  it("inlines $ref from $defs, maps const and anyOf-with-null, drops unsupported keywords", () => {
    expect(
      toGeminiSchema({
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        additionalProperties: false,
        properties: {
          kind: { const: "pet" },
          owner: { $ref: "#/$defs/person" },
          tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" }, maxItems: 3 },
          age: { anyOf: [{ type: "integer", minimum: 0 }, { type: "null" }] },
        },
        required: ["kind", "owner", "missing"],
        $defs: { person: { type: "object", properties: { name: { type: "string", default: "x" } } } },
      }),
    ).toEqual({
      type: "OBJECT",
      properties: {
        kind: { type: "STRING", enum: ["pet"] },
        owner: { type: "OBJECT", properties: { name: { type: "STRING" } } },
        tags: { type: "ARRAY", items: { type: "STRING" }, maxItems: 3 },
        age: { type: "INTEGER", minimum: 0, nullable: true },
      },
      required: ["kind", "owner"],
    });
  });
});
