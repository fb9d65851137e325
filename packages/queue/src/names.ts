/** BullMQ queue names shared by producers (gateway, billing API) and consumers (billing workers). */
export const QUEUE_NAMES = {
  usage: "usage",
  stripeEvents: "stripe-events",
  autoTopup: "auto-topup",
  maintenance: "maintenance",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
