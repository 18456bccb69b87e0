/** Names the service worker (worker.ts) and the app (app/admin/_ui) share. */
export const WORKER_PATH = "/admin/sw.js";
/** The worker's caches. Static files are no one's data; the shell and data caches are the user's. */
export const CACHES = { shell: "kt-admin-shell", static: "kt-admin-static", data: "kt-admin-data" } as const;
/** The header a kept API answer carries: when it was fetched from the server. */
export const SYNCED_HEADER = "x-kt-synced-at";
