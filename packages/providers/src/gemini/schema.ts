import { isRecord } from "../shared/json.ts";
import type { GeminiSchema } from "./wire.ts";

type JsonSchema = Record<string, unknown>;

const TYPES = new Set(["STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL"]);
const FORMATS = new Set(["enum", "date-time", "float", "double", "int32", "int64"]);

function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match?.[1] || !match[2]) return undefined;
  const defs = root[match[1]];
  const def = isRecord(defs) ? defs[match[2]] : undefined;
  return isRecord(def) ? def : undefined;
}

function convert(schema: JsonSchema, root: JsonSchema, depth: number): GeminiSchema {
  if (depth > 16) return { type: "STRING" };
  if (typeof schema.$ref === "string") {
    const target = resolveRef(schema.$ref, root);
    return target ? convert(target, root, depth + 1) : { type: "STRING" };
  }
  const out: GeminiSchema = {};
  let type = schema.type;
  if (Array.isArray(type)) {
    const types = type.filter((t): t is string => typeof t === "string");
    if (types.some((t) => t.toLowerCase() === "null")) out.nullable = true;
    type = types.find((t) => t.toLowerCase() !== "null");
  }
  if (typeof type === "string" && TYPES.has(type.toUpperCase()))
    out.type = type.toUpperCase() as GeminiSchema["type"];
  if (schema.nullable === true) out.nullable = true;
  if (typeof schema.title === "string") out.title = schema.title;
  if (typeof schema.description === "string") out.description = schema.description;
  if (typeof schema.format === "string" && FORMATS.has(schema.format)) out.format = schema.format;
  if (Array.isArray(schema.enum)) {
    out.enum = schema.enum.filter((v) => v !== null).map(String);
    out.type ??= "STRING";
  }
  if (schema.const !== undefined && schema.const !== null) {
    out.enum = [String(schema.const)];
    out.type ??= "STRING";
  }
  if (isRecord(schema.properties)) {
    const props: Record<string, GeminiSchema> = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (isRecord(sub)) props[name] = convert(sub, root, depth + 1);
    }
    if (Object.keys(props).length > 0) out.properties = props;
    out.type ??= "OBJECT";
  }
  if (Array.isArray(schema.required)) {
    const required = schema.required.filter(
      (r): r is string => typeof r === "string" && !!out.properties?.[r],
    );
    if (required.length > 0) out.required = required;
  }
  if (isRecord(schema.items)) out.items = convert(schema.items, root, depth + 1);
  for (const key of ["minItems", "maxItems", "minimum", "maximum"] as const) {
    const value = schema[key];
    if (typeof value === "number") out[key] = value;
  }
  const anyOf = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(anyOf)) {
    const options = anyOf.filter(isRecord);
    const nonNull = options.filter((o) => o.type !== "null");
    if (nonNull.length < options.length) out.nullable = true;
    if (nonNull.length === 1 && nonNull[0]) Object.assign(out, convert(nonNull[0], root, depth + 1));
    else if (nonNull.length > 1) out.anyOf = nonNull.map((o) => convert(o, root, depth + 1));
  }
  return out;
}

/**
 * JSON Schema → Gemini's OpenAPI subset: uppercase types, `["x","null"]` → nullable, `$ref` inlined
 * from `$defs`, `const` → single enum, unsupported keywords (additionalProperties, $schema, default,
 * pattern, ...) dropped.
 */
export function toGeminiSchema(schema: Record<string, unknown>): GeminiSchema {
  return convert(schema, schema, 0);
}
