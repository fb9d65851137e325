import { type Database, stripeCustomers } from "@switchyard/db";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";

/** The org's Stripe customer, created once and reused (idempotency key per org). */
export async function ensureStripeCustomer(db: Database, stripe: Stripe, orgId: string): Promise<string> {
  const [existing] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.orgId, orgId));
  if (existing) return existing.customerId;
  const customer = await stripe.customers.create(
    { metadata: { orgId } },
    { idempotencyKey: `customer:${orgId}` },
  );
  await db.insert(stripeCustomers).values({ orgId, customerId: customer.id }).onConflictDoNothing();
  const [row] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.orgId, orgId));
  return row?.customerId ?? customer.id;
}
