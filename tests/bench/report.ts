import type { LoadResult } from "./load.ts";
import { type PairedResult, WARMUP_PAIRS_PER_CONNECTION } from "./measure.ts";

/** Figures of one benchmark run, as written to bench/results/latest.json. */
export interface BenchResults {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  date: string;
  gatewayProcesses: number;
  /** Unmeasured interleaved pairs before each concurrency-1 measurement. */
  latencyWarmupPairs: number;
  /** Unmeasured interleaved pairs before each target's first concurrency-1 measurement. */
  latencyFirstWarmupPairs: number;
  latency: Record<string, PairedResult>;
  /** Switchyard at concurrency 1 again with the billing worker paused: settlement's share of the tail. */
  latencySettlementPaused: PairedResult;
  streamTtfb: Record<string, PairedResult>;
  streamTotal: Record<string, PairedResult>;
  /** The median round's figures; every round is in `throughputRounds`. */
  maxThroughput: Record<string, LoadResult>;
  throughputRounds: { switchyard: number; portkey: number; ratio: number }[];
  /** Seconds of unmeasured full load each gateway got before the rounds. */
  warmupSeconds: number;
  sustained: Record<string, LoadResult>;
  /** Each gateway's processes: CPU during its maximum-throughput run (the median round), peak RSS. */
  gateways: Record<Gateway, GatewayFigures>;
  soak: {
    seconds: number;
    /** Seconds at the soak's rate before the first reading, for the heap to leave the full-load runs behind. */
    settleSeconds: number;
    requestsPerSecond: number;
    errors: number;
    /** Medians of the readings in the soak's first and last minute. */
    rssStartMiB: number;
    rssEndMiB: number;
    rssMinMiB: number;
    rssMaxMiB: number;
  };
}

/** The targets that sit between the load and provider-sim; `direct` is the baseline they are taken from. */
export const GATEWAYS = ["switchyard", "portkey", "nodeProxy", "goProxy"] as const;
export type Gateway = (typeof GATEWAYS)[number];

/** Processes every target shares the machine with (the billing worker idles for Portkey's runs). */
export const SHARED_PROCESSES = ["billing", "postgres", "redis", "sim"] as const;
export type SharedProcess = (typeof SHARED_PROCESSES)[number];

export interface GatewayFigures {
  cpuCoresAtMaxThroughput: number;
  /** Cores the shared processes used during the same run. */
  sharedCoresAtMaxThroughput: Record<SharedProcess, number>;
  peakRssMiB: number;
}

/** A load run and the CPU the target's gateway processes, and the shared ones, used during it. */
export interface MeasuredLoad {
  load: LoadResult;
  cores: number;
  shared: Record<SharedProcess, number>;
}

/** One Switchyard run and the Portkey run right after it, at maximum throughput. */
export interface ThroughputRound {
  switchyard: MeasuredLoad;
  portkey: MeasuredLoad;
  ratio: number;
}

export function renderMarkdown(r: BenchResults): string {
  const ms = (v: number | undefined) => (v === undefined ? "–" : `${v.toFixed(3)} ms`);
  const rps = (v: LoadResult | undefined) =>
    v ? `${Math.round(v.requestsPerSecond).toLocaleString("en-US")}/s` : "–";
  const errs = (v: LoadResult | undefined) => (v ? String(v.errors + v.non2xx) : "–");
  /** µs of CPU per request at maximum throughput: the gateway's processes and each shared one. */
  const microsPerRequest = (name: Gateway) => {
    const requestsPerSecond = r.maxThroughput[name]?.requestsPerSecond || Number.NaN;
    const per = (cores: number) => (cores * 1e6) / requestsPerSecond;
    const figures = r.gateways[name];
    const shared = SHARED_PROCESSES.map((process) => per(figures.sharedCoresAtMaxThroughput[process]));
    const gateway = per(figures.cpuCoresAtMaxThroughput);
    return { gateway, shared, total: shared.reduce((sum, value) => sum + value, gateway) };
  };
  const micros = (value: number) => Math.round(value).toLocaleString("en-US");
  const cpu = (name: Gateway) =>
    `${r.gateways[name].cpuCoresAtMaxThroughput.toFixed(2)} cores, ${micros(microsPerRequest(name).gateway)} µs/request`;
  const shared = (name: Gateway) => microsPerRequest(name).shared.map(micros).join(" / ");
  /** A row: the direct column, then one cell per gateway. */
  const row = (measure: string, direct: string, cell: (name: Gateway) => string) =>
    `| ${measure} | ${direct} | ${GATEWAYS.map(cell).join(" | ")} |`;
  const rows = [
    "| Measure | provider-sim direct | Switchyard | Portkey gateway | Minimal Node.js proxy | Minimal Go proxy |",
    "|---|---|---|---|---|---|",
    row("Added latency p50, concurrency 1", "–", (g) => ms(r.latency[g]?.addedP50)),
    row("Added latency p99, concurrency 1", "–", (g) => ms(r.latency[g]?.addedP99)),
    row("Gateway's own time p50 / p99 (its overhead header), same requests", "–", (g) =>
      r.latency[g]?.ownP50 === undefined ? "–" : `${ms(r.latency[g]?.ownP50)} / ${ms(r.latency[g]?.ownP99)}`,
    ),
    row(
      "Added latency outside the gateway's own time p50 (per pair: through it − direct − own time)",
      "–",
      (g) => ms(r.latency[g]?.outsideOwnP50),
    ),
    row("Streaming: added time to first byte (p50)", "–", (g) => ms(r.streamTtfb[g]?.addedP50)),
    row("Streaming: added total time (p50)", "–", (g) => ms(r.streamTotal[g]?.addedP50)),
    row(
      "Failed requests in the concurrency-1 runs (plain / streaming)",
      "–",
      (g) => `${r.latency[g]?.errors ?? "–"} / ${r.streamTtfb[g]?.errors ?? "–"}`,
    ),
    row("Max throughput, instant upstream", rps(r.maxThroughput.direct), (g) => rps(r.maxThroughput[g])),
    row("Errors at max throughput", errs(r.maxThroughput.direct), (g) => errs(r.maxThroughput[g])),
    row("Gateway CPU at max throughput", "–", cpu),
    row(
      "CPU elsewhere at max throughput, µs/request: billing worker / Postgres / Redis / provider-sim",
      "–",
      shared,
    ),
    // What throughput on a machine shared by all of them comes down to (the load generator aside).
    row(
      "CPU per request at max throughput, the gateway and those four together",
      "–",
      (g) => `${micros(microsPerRequest(g).total)} µs`,
    ),
    row("Peak RSS of the gateway processes", "–", (g) => `${r.gateways[g].peakRssMiB.toFixed(0)} MiB`),
    row("Sustained, 20 ms upstream, 200 conns", rps(r.sustained.direct), (g) => rps(r.sustained[g])),
    row("p99 at sustained load", ms(r.sustained.direct?.p99Ms), (g) => ms(r.sustained[g]?.p99Ms)),
    row("Errors at sustained load", errs(r.sustained.direct), (g) => errs(r.sustained[g])),
  ];
  const ratio =
    (r.maxThroughput.switchyard?.requestsPerSecond ?? 0) / (r.maxThroughput.portkey?.requestsPerSecond || 1);
  return `# Gateway benchmark

Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}; ${r.date}.
Switchyard with everything on: key auth, rate limit (GCRA in Redis, cells taken in batches),
routing, credit hold (from a lease held in Redis), usage settlement through BullMQ to the billing
worker, Postgres. ${gatewayProcessesLine(r.gatewayProcesses)} The minimal proxies
(Node.js: node:http and an undici pool; Go: net/http; no auth, no routing, no billing) show what
one extra hop costs on this machine before any gateway work is done. Concurrency 1: ${r.latencyFirstWarmupPairs.toLocaleString("en-US")}
unmeasured interleaved pairs before a target's first measurement and ${r.latencyWarmupPairs.toLocaleString("en-US")} before the others, on a new connection every ${WARMUP_PAIRS_PER_CONNECTION} (so every gateway process warms), then the measured ones. Load: wrk (one thread, its own process)
for maximum and sustained throughput, autocannon for the fixed-rate soak.

${rows.join("\n")}

${portkeyStreamingNote(r)}${settlementShareNote(r)}- Switchyard max throughput / Portkey: ${ratio.toFixed(2)}× (the median of ${r.throughputRounds.length} alternating rounds, after ${r.warmupSeconds} s of unmeasured full load on each gateway: ${r.throughputRounds.map((round) => `${Math.round(round.switchyard).toLocaleString("en-US")} / ${Math.round(round.portkey).toLocaleString("en-US")} = ${round.ratio.toFixed(2)}×`).join(", ")})
- Soak: ${r.soak.seconds}s at ${Math.round(r.soak.requestsPerSecond)} requests/s (after ${r.soak.settleSeconds}s at that rate to settle), ${r.soak.errors} errors; RSS ${r.soak.rssStartMiB.toFixed(1)} MiB at start, ${r.soak.rssEndMiB.toFixed(1)} MiB at end (${(((r.soak.rssEndMiB - r.soak.rssStartMiB) / r.soak.rssStartMiB) * 100).toFixed(1)}%; medians of the first and last minute, readings every 5 s between ${r.soak.rssMinMiB.toFixed(0)} and ${r.soak.rssMaxMiB.toFixed(0)} MiB)
`;
}

/** The concurrency-1 run with everything on, against the same run with settlement paused. */
function settlementShareNote(r: BenchResults): string {
  const on = r.latency.switchyard;
  const paused = r.latencySettlementPaused;
  if (!on) return "";
  const pair = (p: PairedResult) =>
    `${[p.addedP50, p.addedP90, p.addedP95, p.addedP99].map((v) => v.toFixed(3)).join(" / ")} ms added (p50 / p90 / p95 / p99), provider-sim direct ${p.directP99.toFixed(3)} ms p99`;
  return `- Settlement's share of the tail at concurrency 1: the same measurement with the billing worker paused (SIGSTOP; its jobs wait in Redis, so this is not everything on) gave ${pair(paused)}; with it running, ${pair(on)}. Settlement (the worker, Postgres and Redis) shares the two cores with every hop: a request's next step that wakes on the core one of them is running waits it out, often while the other core is idle (docs/performance.md).\n`;
}

function gatewayProcessesLine(processes: number): string {
  return processes === 1
    ? "One gateway process."
    : `${processes} gateway processes on one port (GATEWAY_WORKERS=${processes}, node:cluster); Portkey and the Node.js proxy run one, the Go proxy uses every core.`;
}

/**
 * Portkey streams only with a preload (portkey-streaming-fix.mjs): say so, say where most of its
 * streaming figure comes from, and say it if streamed requests failed anyway instead of printing
 * their timings bare.
 */
function portkeyStreamingNote(r: BenchResults): string {
  // Time to first byte and total come from the same requests.
  const failed = r.streamTtfb.portkey?.errors ?? 0;
  const preload =
    "- Portkey runs with one preload (tests/bench/portkey-streaming-fix.mjs): as npm installs it, every streamed request fails on Node.js with a TypeError on immutable headers (Portkey-AI/gateway issues 1389 and 1550). The preload hands it streamed upstream answers in a Response with mutable headers, as its proposed fix (pull request 1551) does inside it; other answers pass through untouched. Its streaming figures are mostly a wait it makes by design: its stream reader waits 25 ms before passing on the first event (readStream in src/handlers/streamHandler.ts), and 1 ms before each later one for Azure OpenAI.";
  return failed === 0
    ? `${preload}\n`
    : `${preload} Its streamed requests still failed (${failed} errors; its log is in the OS temp folder as portkey-bench.log), so its streaming figures time error responses.\n`;
}
