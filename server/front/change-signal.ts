/**
 * The front server's change signal: the version a stored page must carry to be served, read at
 * every request — a group's own pages follow that group's version (a post to one group leaves every
 * other group's pages in memory), the compare and method pages the terms version, other portal-wide
 * pages the global one (the route table, routes.ts, says which). The versions and how they are
 * watched (SQLite's change counter, or polling a remote database) are server/cache/page-versions.ts's.
 */
import { PageVersions } from "@/server/cache/page-versions";
import type { VersionKey } from "@/server/cache/read-cache";
import { env } from "@/server/env";
import { pathOf } from "./page-cache";
import { routeOf } from "./routes";

/** What a page's currency depends on. */
export function versionKeyOf(url: string, found = routeOf(pathOf(url))): VersionKey {
  if (found?.route.version === "terms") return { of: "terms" };
  return found?.route.version === "group" && found.slug ? { of: "group", slug: found.slug } : { of: "global" };
}

export interface ChangeSignal {
  /** The version a page must carry now: at once when nothing needs reading, else once it is read. */
  versionOf(url: string, found: ReturnType<typeof routeOf>): string | Promise<string>;
  close(): void;
}

/** The signal for the app's database; null (the store off) without a database. */
export function openChangeSignal(databaseUrl: string | null): ChangeSignal | null {
  if (!databaseUrl) return null;
  const versions = PageVersions.open(databaseUrl, {
    authToken: env().DATABASE_AUTH_TOKEN,
    pollMs: env().FRONT_POLL_MS ?? 500,
  });
  return {
    versionOf(url, found) {
      const which = versionKeyOf(url, found);
      return versions.knownNow(which) ?? versions.of(which);
    },
    close: () => versions.close(),
  };
}
