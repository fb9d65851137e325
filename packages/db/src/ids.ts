import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export type IdPrefix = "usr" | "org" | "key" | "gen" | "txn" | "acct" | "hold" | "pay" | "inv" | "ep";

// CSPRNG bytes drawn 4 KiB at a time (as Node does for randomUUID): one call per ~180 ids
// instead of one per id, which showed up on the gateway's per-request profile.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function secureRandomBytes(length: number): Buffer {
  if (length > POOL_BYTES) return randomBytes(length);
  if (poolOffset + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

/** Random base62 string; 22 chars carry ~131 bits. */
export function randomToken(length = 22): string {
  const bytes = secureRandomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte % 62];
  return out;
}

/** Prefixed id such as `org_3kT9…`; the prefix tells a reader what the id names. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken()}`;
}
