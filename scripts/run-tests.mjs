// `npm test`: every test — unit tests (Vitest), then end-to-end tests (Playwright in Chromium)
// against a production build on a fresh local database.
import { ensureDependencies, run, step } from "./process-utils.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

try {
  await ensureDependencies();
  step("Generating the database clients");
  await run("node", ["scripts/generate-clients.mjs"]);
  step("Unit tests");
  await run("npx", ["vitest", "run"]);
  step("End-to-end tests");
  await run("npx", ["playwright", "test"]);
  console.log("\n✔ All tests passed");
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
