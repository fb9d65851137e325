import { randomToken } from "@switchyard/db";
import { type EndpointHealth, type HealthEvent, HealthModel, type SuccessSample } from "@switchyard/routing";
import type { Redis } from "ioredis";

export interface EndpointStats {
  uptimeLast5m: number | null;
  uptimeLast30m: number | null;
  latencyP50Ms: number | null;
  ttftP50Ms: number | null;
  throughputTps: number | null;
  circuit: EndpointHealth["circuit"] | "unknown";
}

export const HEALTH_CHANNEL = "switchyard:health";
const PUBLISH_EVERY_MS = 250;

/**
 * The gateway's view of endpoint health, measured from real traffic. With Redis, every replica
 * publishes its observations and applies the others', so all replicas route on the same picture;
 * without Redis (or if it drops) the local view keeps working.
 */
export class HealthStore {
  readonly #model: HealthModel;
  readonly #replicaId = randomToken(8);
  #publisher: Redis | undefined;

  readonly #timer: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.#model = new HealthModel({ now });
    // Observations go out in batches: one publish per interval, not one per request.
    this.#timer = setInterval(() => this.#flush(), PUBLISH_EVERY_MS);
    this.#timer.unref();
  }

  readonly lookup = (endpointId: string): EndpointHealth | undefined => this.#model.get(endpointId);

  recordSuccess(endpointId: string, sample: SuccessSample): void {
    this.#model.recordSuccess(endpointId, sample);
  }

  recordFailure(endpointId: string, failure: { status?: number | undefined; code: string }): void {
    this.#model.recordFailure(endpointId, {
      code: failure.code,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
    });
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
        const message = JSON.parse(raw) as { from: string; events: HealthEvent[] };
        if (message.from !== this.#replicaId) this.#model.mergeEvents(message.events);
      } catch {
        // ignore malformed messages
      }
    });
    await subscriber.subscribe(HEALTH_CHANNEL);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #flush(): void {
    const events = this.#model.drainEvents();
    if (events.length === 0 || !this.#publisher) return;
    this.#publisher.publish(HEALTH_CHANNEL, JSON.stringify({ from: this.#replicaId, events })).catch(() => {
      // Redis down: the local view still works.
    });
  }
}
