import { randomWord } from "./words.ts";

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function schemaType(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === "string") return t.toLowerCase();
  if (Array.isArray(t)) {
    const first = t.find((x) => typeof x === "string" && x.toLowerCase() !== "null");
    return typeof first === "string" ? first.toLowerCase() : "null";
  }
  if (isSchema(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

/**
 * A value valid against a JSON Schema (or Gemini's OpenAPI subset, uppercase types included),
 * drawn deterministically from `rng`. Supports type, enum, const, properties, items, anyOf/oneOf/allOf,
 * minimum/maximum, minItems/maxItems.
 */
export function valueFromSchema(schema: unknown, rng: () => number, depth = 0): unknown {
  if (!isSchema(schema) || depth > 8) return randomWord(rng);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[Math.floor(rng() * schema.enum.length)];
  }
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const nonNull = options.find((o) => !(isSchema(o) && o.type === "null")) ?? options[0];
      return valueFromSchema(nonNull, rng, depth + 1);
    }
  }
  switch (schemaType(schema)) {
    case "object": {
      const out: Record<string, unknown> = {};
      const properties = isSchema(schema.properties) ? schema.properties : {};
      for (const [name, sub] of Object.entries(properties)) out[name] = valueFromSchema(sub, rng, depth + 1);
      return out;
    }
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      const max = typeof schema.maxItems === "number" ? schema.maxItems : Math.max(min, 2);
      const count = Math.min(max, min + Math.floor(rng() * (max - min + 1)));
      return Array.from({ length: count }, () => valueFromSchema(schema.items, rng, depth + 1));
    }
    case "integer":
    case "number": {
      const min = typeof schema.minimum === "number" ? schema.minimum : 0;
      const max = typeof schema.maximum === "number" ? schema.maximum : min + 100;
      const value = min + rng() * (max - min);
      return schemaType(schema) === "integer" ? Math.floor(value) : Math.round(value * 100) / 100;
    }
    case "boolean":
      return rng() < 0.5;
    case "null":
      return null;
    default:
      return randomWord(rng);
  }
}
