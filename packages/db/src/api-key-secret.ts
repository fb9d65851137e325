import { hash } from "node:crypto";
import { randomToken } from "./ids.ts";

const SECRET_PREFIX = "sk-sy-v1-";

export interface ApiKeySecret {
  /** Shown to the user exactly once. */
  secret: string;
  hash: string;
  /** Visible part stored for lists: `sk-sy-v1-AbC…` */
  prefix: string;
}

/** One-shot `crypto.hash`: the gateway hashes every request's key, and a Hash object costs more. */
export function hashApiKey(secret: string): string {
  return hash("sha256", secret, "hex");
}

export function generateApiKey(): ApiKeySecret {
  const secret = `${SECRET_PREFIX}${randomToken(40)}`;
  return { secret, hash: hashApiKey(secret), prefix: secret.slice(0, SECRET_PREFIX.length + 6) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith("sk-sy-");
}
