import type { RouteTrace } from "@switchyard/routing";
import { Badge } from "../../../../components/ui/badge.tsx";
import { Card, CardHeader } from "../../../../components/ui/card.tsx";
import { Table, Td, Th } from "../../../../components/ui/table.tsx";
import { ms } from "../../../../lib/format/display.ts";
import { pricePerMillion } from "../../../../lib/models/per-million.ts";

const REASONS: Record<string, string> = {
  model_blocked: "Model blocked by data policy",
  "data_policy:training": "Provider trains on prompts",
  "data_policy:retention": "Provider retains prompts",
  "data_policy:zdr": "Not zero data retention",
  data_region: "Outside allowed regions",
  provider_blocked: "Provider blocked by data policy",
  org_ignored_provider: "Ignored in routing settings",
  org_allowed_providers: "Not in allowed providers",
  org_order_only: "Not in preferred order (no fallbacks)",
  request_only: "Excluded by request provider.only",
  request_ignore: "Excluded by request provider.ignore",
  request_order_only: "Not in request order (no fallbacks)",
  quantization: "Quantization not requested",
  require_parameters: "Missing a required parameter",
  max_price: "Above max_price",
  context_length: "Prompt exceeds context length",
  max_tokens: "max_tokens above provider limit",
  circuit_open: "Provider unhealthy (circuit open)",
};

function price(text: string): string {
  try {
    return pricePerMillion(BigInt(text));
  } catch {
    return "—";
  }
}

export function RouteTraceView({ trace }: { trace: RouteTrace }) {
  const candidates = [...trace.candidates].sort((a, b) => {
    if (a.status !== b.status) return a.status === "kept" ? -1 : 1;
    return (a.rank ?? 999) - (b.rank ?? 999);
  });
  // Attempts carry the provider's id only; its candidate entry has the name.
  const providerNames = new Map(trace.candidates.map((c) => [c.providerId, c.providerName]));
  return (
    <>
      <Card className="mt-6">
        <CardHeader
          title="Attempts"
          description={`Strategy: ${trace.strategy}${trace.allowFallbacks ? ", fallbacks allowed" : ", no fallbacks"}`}
        />
        <ol className="space-y-0 px-5 py-4" data-testid="attempts">
          {trace.attempts.length === 0 ? (
            <li className="text-sm text-zinc-500">No upstream attempt was made.</li>
          ) : null}
          {trace.attempts.map((attempt, index) => (
            <li key={`${attempt.endpointId}-${index}`} className="relative flex gap-4 pb-5 last:pb-0">
              <span
                className={`relative z-10 mt-1 size-3 shrink-0 rounded-full ring-4 ring-white dark:ring-zinc-900 ${attempt.status === "success" ? "bg-emerald-500" : "bg-red-500"}`}
              />
              {index < trace.attempts.length - 1 ? (
                <span className="absolute top-4 left-[5px] h-full w-0.5 bg-zinc-200 dark:bg-zinc-700" />
              ) : null}
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">
                  {index + 1}. {providerNames.get(attempt.providerId) || attempt.providerId}{" "}
                  <span className="font-normal text-zinc-500">· {attempt.modelId}</span>
                </p>
                <p className="mt-0.5 text-xs text-zinc-500">
                  {attempt.status === "success"
                    ? "Succeeded"
                    : `Failed${attempt.errorCode ? ` (${attempt.errorCode})` : ""}`}
                  {attempt.httpStatus ? ` · HTTP ${attempt.httpStatus}` : ""} · {ms(attempt.latencyMs)}
                  {attempt.status === "error" && attempt.retryable ? " · retried on the next provider" : ""}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </Card>
      <Card className="mt-6">
        <CardHeader
          title="Candidates"
          description={`Requested: ${trace.requestedModels.join(", ")}. Kept endpoints in try order, then excluded ones with the reason.`}
        />
        <Table>
          <thead>
            <tr>
              <Th>Rank</Th>
              <Th>Provider</Th>
              <Th>Model</Th>
              <Th className="text-right">Input $/M</Th>
              <Th className="text-right">Output $/M</Th>
              <Th>Decision</Th>
            </tr>
          </thead>
          <tbody data-testid="candidates">
            {candidates.map((c) => (
              <tr
                key={c.endpointId}
                className={c.status === "excluded" ? "text-zinc-400 dark:text-zinc-500" : ""}
              >
                <Td className="tabular-nums">{c.rank !== undefined ? c.rank + 1 : "—"}</Td>
                <Td className="font-medium">{c.providerName || c.providerId}</Td>
                <Td>{c.modelId}</Td>
                <Td className="text-right tabular-nums">{price(c.inputPriceNanos)}</Td>
                <Td className="text-right tabular-nums">{price(c.outputPriceNanos)}</Td>
                <Td>
                  {c.status === "kept" ? (
                    <span className="flex flex-wrap items-center gap-1">
                      <Badge tone="green">kept</Badge>
                      {(c.notes ?? []).map((n) => (
                        <Badge key={n} tone="blue">
                          {n.replaceAll("_", " ")}
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    <span className="flex flex-wrap items-center gap-1.5">
                      <Badge tone="red">excluded</Badge>
                      <span className="text-xs">
                        {(c.excludedBy && REASONS[c.excludedBy]) ?? c.reason ?? c.excludedBy}
                      </span>
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
