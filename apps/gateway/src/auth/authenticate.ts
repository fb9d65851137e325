import { ApiError } from "../errors.ts";
import type { ApiKeyRecord, KeyStore } from "./key-store.ts";

/** Bearer auth on the hot path; every failure is a 401 in the API's error shape. */
export async function authenticate(
  authorization: string | undefined,
  keys: KeyStore,
  now: number,
): Promise<ApiKeyRecord> {
  if (!authorization) {
    throw new ApiError(401, "missing_api_key", "No API key provided. Send `Authorization: Bearer sk-sy-…`.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1])
    throw new ApiError(401, "invalid_api_key", "Malformed Authorization header; expected `Bearer <key>`.");
  const secret = match[1];
  if (!secret.startsWith("sk-sy-") || secret.length > 200) {
    throw new ApiError(401, "invalid_api_key", "Invalid API key.");
  }
  const record = await keys.lookup(secret);
  if (!record) throw new ApiError(401, "invalid_api_key", "Invalid API key.");
  if (record.disabled) throw new ApiError(401, "key_disabled", "This API key is disabled.");
  if (record.expiresAt && record.expiresAt.getTime() <= now) {
    throw new ApiError(401, "key_expired", "This API key has expired.");
  }
  return record;
}
