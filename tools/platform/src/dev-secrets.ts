import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomToken } from "@switchyard/db";

export interface DevSecrets {
  billingInternalToken: string;
  nextAuthSecret: string;
}

/** Random secrets for a local install, created once and kept in the (git-ignored) data folder. */
export function loadDevSecrets(dataDir: string): DevSecrets {
  const file = join(dataDir, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: DevSecrets = { billingInternalToken: randomToken(40), nextAuthSecret: randomToken(40) };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
