/**
 * The treasurer's app as a phone installs it: its name, icons and colour, and where it lives. Its
 * scope is /admin and nothing else — the public pages carry no script and are never part of it.
 * Linked only from /admin's head (app/admin/page.tsx); served by app/admin/manifest.webmanifest.
 */
export const ADMIN_SCOPE = "/admin";
export const MANIFEST_PATH = "/admin/manifest.webmanifest";
export const THEME_COLOR = "#0b5d3b";

export const ADMIN_MANIFEST = {
  name: "Kas Terbuka — Buku bendahara",
  short_name: "Kas Terbuka",
  description: "Buku kas kelompok simpan pinjam — bisa dibuka tanpa sinyal.",
  lang: "id",
  id: ADMIN_SCOPE,
  start_url: ADMIN_SCOPE,
  scope: ADMIN_SCOPE,
  display: "standalone",
  orientation: "portrait",
  theme_color: THEME_COLOR,
  background_color: "#ffffff",
  // Drawn once from app/icon.svg (headless Chromium) and kept in public/admin.
  icons: [
    { src: "/admin/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/admin/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  ],
} as const;
