/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
// API answers and files are data, never documents: nothing may run or frame them.
const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

const demoBuild = process.env.KT_DEMO_BUILD === "1";

module.exports = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Every page's metadata in its head before the body, for every browser (not streamed after it): the
  // treasurer's phone reads /admin's manifest link as the page is parsed, under load too.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  // `npm run demo` builds for a look on this machine (KT_DEMO_BUILD=1): without Next's type check
  // (`npm test` runs tsc itself) and without minifying the server's code (it never reaches a phone) —
  // the newcomer's first page waits for nothing it needs. Every other build is the full production build.
  typescript: { ignoreBuildErrors: demoBuild },
  experimental: { serverMinification: !demoBuild },
  // The monthly and yearly reports' PDFs sit beside their pages (…/laporan/2026-11.pdf, …/tahun/2025.pdf);
  // a page's folder cannot hold a route handler.
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/kelompok/:slug/laporan/:bulan(\\d{4}-\\d{2}).pdf",
          destination: "/api/open/groups/:slug/laporan/:bulan",
        },
        {
          source: "/kelompok/:slug/tahun/:tahun(\\d{4}).pdf",
          destination: "/api/open/groups/:slug/tahun/:tahun",
        },
      ],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiHeaders },
    ];
  },
};
