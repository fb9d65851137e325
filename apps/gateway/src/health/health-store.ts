import { type EndpointHealth, type HealthEvent, HealthModel } from "@switchyard/routing";
import type { Redis } from "ioredis";
import { randomToken } from "@switchyard/db";

export interface SuccessSample {
  latencyMs: number;
  ttftMs?: number;
  outputTokens: number;
  generationMs: number;
}

export interface EndpointStats {
  uptimeLast5m: number | null;
  uptimeLast30m: number | null;
  latencyP50Ms: number | null;
  ttftP50Ms: number | null;
  throughputTps: number | null;
  circuit: EndpointHealth["circuit"] | "unknown";
}

export const HEALTH_CHANNEL = "switchyard:health";

/**
 * The gateway's view of endpoint health, measured from real traffic. With Redis, every replica
 * publishes its observations and applies the others', so all replicas route on the same picture;
 * without Redis (or if it drops) the local view keeps working.
 */
export class HealthStore {
  readonly #model: HealthModel;
  readonly #replicaId = randomToken(8);
  #publisher: Redis | undefined;

  constructor(private readonly now: () => number = Date.now) {
    this.#model = new HealthModel({ now });
  }

  readonly lookup = (endpointId: string): EndpointHealth | undefined => this.#model.get(endpointId);

  recordSuccess(endpointId: string, sample: SuccessSample): void {
    const tps = sample.generationMs > 0 ? (sample.outputTokens * 1000) / sample.generationMs : undefined;
    this.#record({
      endpointId,
      at: this.now(),
      ok: true,
      latencyMs: sample.latencyMs,
      ...(sample.ttftMs !== undefined ? { ttftMs: sample.ttftMs } : {}),
      ...(tps !== undefined ? { tps } : {}),
    });
  }

  recordFailure(endpointId: string, _failure: { status?: number | undefined; code: string }): void {
    this.#record({ endpointId, at: this.now(), ok: false });
  }

  stats(endpointId: string): EndpointStats {
    const health = this.#model.get(endpointId);
    return {
      uptimeLast5m: this.#model.uptime(endpointId, 5 * 60_000) ?? null,
      uptimeLast30m: this.#model.uptime(endpointId, 30 * 60_000) ?? null,
      latencyP50Ms: health?.latencyP50Ms ?? null,
      ttftP50Ms: health?.ttftP50Ms ?? null,
      throughputTps: health?.throughputTps ?? null,
      circuit: health?.circuit ?? "unknown",
    };
  }

  /** Share observations with other replicas through Redis pub/sub. */
  async connect(publisher: Redis, subscriber: Redis): Promise<void> {
    this.#publisher = publisher;
    subscriber.on("message", (channel: string, raw: string) => {
      if (channel !== HEALTH_CHANNEL) return;
      try {
        const message = JSON.parse(raw) as { from: string; event: HealthEvent };
        if (message.from !== this.#replicaId) this.#model.apply(message.event);
      } catch {
        // ignore malformed messages
      }
    });
    await subscriber.subscribe(HEALTH_CHANNEL);
  }

  #record(event: HealthEvent): void {
    this.#model.apply(event);
    this.#publisher?.publish(HEALTH_CHANNEL, JSON.stringify({ from: this.#replicaId, event })).catch(() => {
      // Redis down: the local view still works.
    });
  }
}
