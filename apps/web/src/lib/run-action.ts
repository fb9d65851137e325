import { BillingUnavailableError } from "./billing/client.ts";
import { AuthzError, UserError } from "./errors.ts";
import type { ActionResult } from "./service.ts";

/** Runs a service for a server action: expected refusals become `{ ok: false, error }`, the rest throws. */
export async function runAction<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    return message === undefined ? { ok: true, data } : { ok: true, data, message };
  } catch (error) {
    if (
      error instanceof UserError ||
      error instanceof AuthzError ||
      error instanceof BillingUnavailableError
    ) {
      return { ok: false, error: error.message };
    }
    throw error;
  }
}

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function formList(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === "string" && v.trim() !== "");
}
