"use client";

import { centsToDollarString } from "@switchyard/config/money";
import { useActionState, useEffect, useState } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Field, FormMessage, Input } from "../../../components/ui/field.tsx";
import type { ActionResult } from "../../../lib/service.ts";
import { buyCreditsAction, quoteAction } from "./actions.ts";

const cents = (value: number) => `$${centsToDollarString(value)}`;
const PRESETS = ["10", "25", "50", "100"];

export function BuyCreditsForm({ canBuy }: { canBuy: boolean }) {
  const [amount, setAmount] = useState("25");
  const [quote, setQuote] = useState<{ feeCents: number; totalCents: number; amountCents: number } | null>(
    null,
  );
  const [quoteError, setQuoteError] = useState<string>();
  const [state, formAction, pending] = useActionState<ActionResult<undefined> | null, FormData>(
    buyCreditsAction,
    null,
  );

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await quoteAction(amount);
      if (cancelled) return;
      if (result.ok) {
        setQuote(result.data);
        setQuoteError(undefined);
      } else {
        setQuote(null);
        setQuoteError(result.error);
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [amount]);

  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={state} />
      <div className="flex flex-wrap gap-2">
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            onClick={() => setAmount(preset)}
            className={`rounded-lg border px-3 py-1.5 text-sm font-medium ${amount === preset ? "border-indigo-600 bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" : "border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"}`}
          >
            ${preset}
          </button>
        ))}
      </div>
      <Field label="Amount of credit ($)" htmlFor="buy-amount" hint="Between $5 and $10,000.">
        <Input
          id="buy-amount"
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          required
        />
      </Field>
      <dl className="space-y-1 rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/50" data-testid="fee-quote">
        {quote ? (
          <>
            <div className="flex justify-between">
              <dt className="text-zinc-500">Credits</dt>
              <dd className="tabular-nums">{cents(quote.amountCents)}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-zinc-500">Processing fee</dt>
              <dd className="tabular-nums">{cents(quote.feeCents)}</dd>
            </div>
            <div className="flex justify-between border-t border-zinc-200 pt-1 font-medium dark:border-zinc-700">
              <dt>You pay</dt>
              <dd className="tabular-nums">{cents(quote.totalCents)}</dd>
            </div>
          </>
        ) : (
          <p className="text-zinc-500">{quoteError ?? "Calculating fee…"}</p>
        )}
      </dl>
      <Button type="submit" disabled={!canBuy || pending || !quote} className="w-full sm:w-auto">
        {pending ? "Opening checkout…" : quote ? `Pay ${cents(quote.totalCents)}` : "Buy credits"}
      </Button>
      {!canBuy ? <p className="text-xs text-zinc-500">Buying credits needs the admin role.</p> : null}
    </form>
  );
}
