import {
  getAdapter,
  type ProviderAdapter,
  simulatorBaseUrl,
  type UpstreamTarget,
} from "@switchyard/providers";
import type { CatalogEndpoint } from "@switchyard/routing";

export interface UpstreamResolverOptions {
  /** Redirects every provider to the simulator (dev, tests, benchmarks). */
  simulatorUrl?: string;
  /** Platform keys per provider id. */
  providerKeys: Record<string, string>;
}

/** Turns a catalog endpoint into the adapter and target (base URL, key, model) to call. */
export class UpstreamResolver {
  // Per endpoint object, so a catalog refresh (new objects) starts afresh: with the simulator, the
  // target costs a URL parse, which is measurable per request in the benchmark and absent in production.
  private readonly targets = new WeakMap<CatalogEndpoint, UpstreamTarget>();

  constructor(private readonly options: UpstreamResolverOptions) {}

  adapter(endpoint: CatalogEndpoint): ProviderAdapter {
    return getAdapter(endpoint.provider.apiFormat);
  }

  target(endpoint: CatalogEndpoint): UpstreamTarget {
    let target = this.targets.get(endpoint);
    if (!target) {
      target = Object.freeze(this.resolveTarget(endpoint));
      this.targets.set(endpoint, target);
    }
    return target;
  }

  private resolveTarget(endpoint: CatalogEndpoint): UpstreamTarget {
    const { provider } = endpoint;
    const baseUrl = this.options.simulatorUrl
      ? simulatorBaseUrl(this.options.simulatorUrl, provider.id, provider.baseUrl)
      : provider.baseUrl;
    const apiKey =
      this.options.providerKeys[provider.id] ?? (this.options.simulatorUrl ? `sim-${provider.id}` : "");
    return { providerId: provider.id, baseUrl, apiKey, upstreamModel: endpoint.upstreamModel };
  }

  /** Endpoints without a configured key cannot be called; routing skips them. */
  isConfigured(endpoint: CatalogEndpoint): boolean {
    return Boolean(this.options.simulatorUrl || this.options.providerKeys[endpoint.provider.id]);
  }
}
