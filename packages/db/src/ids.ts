import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export type IdPrefix = "usr" | "org" | "key" | "gen" | "txn" | "acct" | "hold" | "pay" | "inv" | "ep";

/** Random base62 string; 22 chars carry ~131 bits. */
export function randomToken(length = 22): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 62];
  return out;
}

/** Prefixed id such as `org_3kT9…`; the prefix tells a reader what the id names. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken()}`;
}
