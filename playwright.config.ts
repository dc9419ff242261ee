import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:./.data/e2e-${port}.db`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
// The app sends its mails to an SMTP server that e2e/password-reset.spec.ts starts on loopback
// while it runs; a fixed port derived from E2E_PORT, so parallel runs on other ports don't meet.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1000);
// Resolved here and handed to the test workers, so a spec that starts a second app instance
// (e2e/multi-instance.spec.ts) serves the same build against the same database.
process.env.E2E_PORT = String(port);
process.env.E2E_DATABASE_URL = databaseUrl;
process.env.NEXT_DIST_DIR = distDir;
process.env.E2E_SMTP_PORT = String(smtpPort);

// Playwright cannot download its own browsers here: use Debian's Chromium where it exists.
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // Playwright's own default is no limit: a click on something that never appears would hang
    // until the test's timeout instead of failing where the problem is.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // A trace of every test (snapshots, screenshots) costs CPU that a 2-core CI machine lacks: record one for retries only.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      FAKTUM_INSECURE_COOKIES: "1",
      // The specs play many clients from one machine, each naming its address in X-Forwarded-For.
      FAKTUM_TRUST_PROXY: "1",
      NEXT_DIST_DIR: distDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Faktum <faktum@example.org>",
      APP_URL: baseURL,
    },
  },
});
