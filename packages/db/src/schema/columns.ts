import { bigint, timestamp } from "drizzle-orm/pg-core";

/** Money column: integer nano-dollars (1e-9 USD) as a JS bigint. Never a float. */
export const nanos = (name: string) => bigint(name, { mode: "bigint" });

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
