import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3200);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "no-js",
      use: { javaScriptEnabled: false, viewport: { width: 360, height: 740 } },
      testMatch: /(public|compare|passbook|security)\.spec\.ts/,
    },
    { name: "js", use: { javaScriptEnabled: true, viewport: { width: 360, height: 740 } } },
  ],
  webServer: {
    command: `npx tsx e2e/serve.ts`,
    url: `http://127.0.0.1:${PORT}/api/open/groups.json`,
    // The e2e server seeds the demo first (about 3.5 min on 2 quiet cores; more on a busy machine).
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: { E2E_PORT: String(PORT), TRUST_PROXY: "1" },
  },
});
