/**
 * The front server's page store: stored pages (stored-page.ts) kept in memory, each served only for
 * the data version it was rendered from, in a store bounded by entries and bytes. Pure: no HTTP, no
 * database (page-cache.ts says which requests are kept, and under which key).
 */
import type { StoredPage } from "./stored-page";

/** One least-recently-used share of the store, bounded by entries and bytes. */
class Share {
  readonly pages = new Map<string, StoredPage>();
  bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get over() {
    return this.pages.size > this.maxEntries || this.bytes > this.maxBytes;
  }

  delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.gzip.length + page.identity.length;
  }

  dropOldest() {
    const [oldest] = this.pages.keys();
    if (oldest !== undefined) this.delete(oldest);
  }
}

/**
 * A least-recently-used store bounded by entries and bytes. A page with a query (a search, a
 * seal checked, a calculator's answer: values anyone can vary without end) lives in its own share,
 * at most a quarter of the store, and only ever pushes out another such page once it is full — so
 * no stream of queries can push a group's own pages out. A page without a query is one of a known
 * route's canonical paths (never a 404: only a complete 200 is stored), bounded by the groups.
 */
export class PageStore {
  private readonly paths: Share;
  private readonly queries: Share;
  constructor(
    private readonly maxEntries = 5000,
    private readonly maxBytes = 128 * 2 ** 20,
  ) {
    this.paths = new Share(maxEntries, maxBytes);
    this.queries = new Share(Math.max(1, Math.floor(maxEntries / 4)), Math.floor(maxBytes / 4));
  }

  /** The share a key belongs to (a key is "<language> <canonical URL>"). */
  private shareOf(key: string): Share {
    return key.includes("?") ? this.queries : this.paths;
  }

  get(key: string, version: string): StoredPage | null {
    const share = this.shareOf(key);
    const page = share.pages.get(key);
    if (!page) return null;
    if (page.version !== version) {
      share.delete(key);
      return null;
    }
    share.pages.delete(key); // refresh its place in the LRU order
    share.pages.set(key, page);
    return page;
  }

  set(key: string, page: StoredPage): void {
    const share = this.shareOf(key);
    share.delete(key);
    share.pages.set(key, page);
    share.bytes += page.gzip.length + page.identity.length;
    while (share.over) share.dropOldest();
    // Over the whole store's bounds: a page gives way to its own kind first.
    const other = share === this.paths ? this.queries : this.paths;
    while (this.over) (share.pages.size > 1 || other.pages.size === 0 ? share : other).dropOldest();
  }

  private get over() {
    const s = this.size;
    return s.entries > this.maxEntries || s.bytes > this.maxBytes;
  }

  get size() {
    return {
      entries: this.paths.pages.size + this.queries.pages.size,
      bytes: this.paths.bytes + this.queries.bytes,
    };
  }

  /** Whether a page is held (for any version), without touching its place. */
  has(key: string): boolean {
    return this.shareOf(key).pages.has(key);
  }
}
