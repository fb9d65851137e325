import type { ConnectionOptions } from "bullmq";

/** BullMQ connection options from a `redis://user:pass@host:port/db` URL (workers need maxRetriesPerRequest null). */
export function connectionFromUrl(url: string): ConnectionOptions {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, "") || "0");
  return {
    host: parsed.hostname,
    port: Number(parsed.port || "6379"),
    db: Number.isInteger(db) ? db : 0,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    tls: parsed.protocol === "rediss:" ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
