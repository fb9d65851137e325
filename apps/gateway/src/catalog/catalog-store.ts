import { type Database, loadCatalog } from "@switchyard/db";
import type { Catalog } from "@switchyard/routing";

const REFRESH_MS = 60_000;

/** The in-memory catalog snapshot routing reads on every request; refreshed in the background. */
export class CatalogStore {
  #catalog: Catalog;
  #timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly db: Database,
    initial: Catalog,
  ) {
    this.#catalog = initial;
  }

  static async load(db: Database): Promise<CatalogStore> {
    return new CatalogStore(db, await loadCatalog(db));
  }

  current(): Catalog {
    return this.#catalog;
  }

  async refresh(): Promise<void> {
    this.#catalog = await loadCatalog(this.db);
  }

  startAutoRefresh(onError: (error: unknown) => void): void {
    this.#timer = setInterval(() => this.refresh().catch(onError), REFRESH_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
