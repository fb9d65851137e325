import { type ConnectionOptions, Queue } from "bullmq";
import type { QueueName } from "./names.ts";

/** A BullMQ queue with the shared name and an optional key prefix (tests use a unique one). */
export function createQueue<T = unknown>(
  name: QueueName,
  connection: ConnectionOptions,
  prefix?: string,
): Queue<T> {
  return new Queue<T>(name, prefix === undefined ? { connection } : { connection, prefix });
}
