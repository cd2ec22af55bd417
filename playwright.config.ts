import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // Without the networking flags Chromium floods the closed network with refused connections.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

/** End-to-end against the production build on a fresh embedded database, once per language. */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 3,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { baseURL: `http://localhost:${PORT}`, trace: "retain-on-failure", ...chromium },
  projects: [
    { name: "en", use: { locale: "en-GB", timezoneId: "Asia/Riyadh" } },
    { name: "ar", use: { locale: "ar-SA", timezoneId: "Asia/Riyadh" } },
  ],
  webServer: {
    command: `rm -rf data/e2e data/e2e-logs && PGLITE_DIR=data/e2e SHADOW_LOG_DIR=data/e2e-logs PORT=${PORT} npm start`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
