import { z } from "zod";

const id = z.string().min(1);
const idOrObject = z.union([id, z.object({ id })]).transform((v) => (typeof v === "string" ? v : v.id));

export const eventEnvelopeSchema = z.object({
  id,
  type: z.string(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export const checkoutSessionSchema = z.object({
  id,
  payment_status: z.string(),
  amount_total: z.number().int().nullable().optional(),
  client_reference_id: z.string().nullable().optional(),
  customer: idOrObject.nullable().optional(),
  payment_intent: idOrObject.nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});

export const chargeSchema = z.object({
  id,
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  payment_intent: idOrObject.nullable().optional(),
});

export const disputeSchema = z.object({
  id,
  amount: z.number().int(),
  charge: idOrObject,
  payment_intent: idOrObject.nullable().optional(),
});
