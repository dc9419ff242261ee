// `npm test`: every test, on both databases.
//
//   1. unit tests (Vitest) on SQLite — prisma/migrations.test.ts checks both providers;
//   2. the data-layer unit tests (those using lib/server/test-database.ts) again on PostgreSQL;
//   3. one production build, shared by both end-to-end passes (a build does not depend on the
//      database: the server reads DATABASE_URL when it starts);
//   4. end-to-end tests (Playwright in Chromium) on a fresh SQLite database;
//   5. end-to-end tests on a fresh PostgreSQL database (faktum_e2e), including the
//      two-instance test (e2e/multi-instance.spec.ts). The axe pass (e2e/accessibility.spec.ts,
//      both languages at both sizes, a third of the e2e time) runs only on SQLite: what it checks
//      is the rendered markup, which the database does not change.
//
// PostgreSQL is the local server (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432).
// When it does not answer, its passes are skipped with a message — except on CI (CI=true),
// where that is a failure. Every pass runs even when an earlier one failed; the summary at the
// end names the ones that failed.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { isPostgresReachable } from "./local-database.mjs";
import { ensureDependencies, run, step } from "./process-utils.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const isCi = Boolean(process.env.CI);
const postgresServer = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const e2ePostgresUrl = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/faktum_e2e";
// Its own build folder, so a test run never rebuilds under a server started from `.next`.
const distDir = process.env.NEXT_DIST_DIR || ".next-e2e";
const buildEnv = { NEXT_DIST_DIR: distDir };
const e2eEnv = { NEXT_DIST_DIR: distDir, E2E_REUSE_BUILD: "1", E2E_SKIP_GENERATE: "1" };

/** Specs whose outcome does not depend on the database: run once, in the SQLite pass. */
const databaseIndependentSpecs = "accessibility\\.spec\\.ts";

const results = [];

// Each Vitest pass also writes a JSON report, so that the summary at the end (the part of a CI
// log that is always shown) can name the failing tests, not only the failing pass.
const reportDirectory = ".data/test-reports";
rmSync(reportDirectory, { recursive: true, force: true });
mkdirSync(reportDirectory, { recursive: true });
const unitReports = [];

function vitestArgs(name, files = []) {
  const report = path.join(reportDirectory, `${name}.json`);
  unitReports.push(report);
  return ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...files];
}

/** "file › test: first line of the error" for every failed test in the Vitest reports. */
function failedUnitTests() {
  return unitReports.filter((report) => existsSync(report)).flatMap((report) => {
    const { testResults = [] } = JSON.parse(readFileSync(report, "utf8"));
    return testResults.flatMap((file) => {
      const relative = path.relative(process.cwd(), file.name);
      const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
      if (failedTests.length === 0 && file.status === "failed") return [`${path.basename(report)}: ${relative}: ${String(file.message).split("\n")[0]}`];
      return failedTests.map((test) => `${path.basename(report)}: ${relative} › ${test.fullName}: ${String(test.failureMessages?.[0] ?? "").split("\n")[0]}`);
    });
  });
}
const startedAt = Date.now();

/** Runs one pass, timing it; a failure is recorded and the run goes on. */
async function pass(name, action) {
  step(name);
  const start = Date.now();
  try {
    await action();
    results.push({ name, outcome: "passed", seconds: (Date.now() - start) / 1000 });
  } catch (error) {
    console.error(`\n✖ ${name}: ${error instanceof Error ? error.message : error}`);
    results.push({ name, outcome: "failed", seconds: (Date.now() - start) / 1000 });
  }
}

function skip(name, reason) {
  console.log(`\n▶ ${name}: SKIPPED — ${reason}`);
  results.push({ name, outcome: "skipped", seconds: 0 });
}

/** Test files that use a throwaway database (they call createTestDatabase): the data layer. */
function dataLayerTestFiles(directory = "lib") {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return dataLayerTestFiles(file);
    return entry.name.endsWith(".test.ts") && readFileSync(file, "utf8").includes("createTestDatabase(") ? [file] : [];
  });
}

try {
  await ensureDependencies();
  step("Generating the database clients");
  await run("node", ["scripts/generate-clients.mjs"]);

  await pass("Unit tests (SQLite)", () => run("npx", vitestArgs("unit-sqlite")));

  const postgresUp = await isPostgresReachable(postgresServer);
  const postgresMissing =
    `PostgreSQL does not answer at ${postgresServer}. Start it with ` +
    "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (or set TEST_POSTGRES_URL)";
  if (!postgresUp) {
    console.error(`\n${isCi ? "✖" : "⚠"} ${postgresMissing}${isCi ? "" : "; the PostgreSQL passes are skipped (on CI this fails)"}`);
    if (isCi) results.push({ name: "PostgreSQL reachable", outcome: "failed", seconds: 0 });
  }

  const dataLayerFiles = dataLayerTestFiles();
  if (postgresUp) {
    await pass(`Data-layer unit tests on PostgreSQL (${dataLayerFiles.length} files)`, () =>
      run("npx", vitestArgs("data-layer-postgresql", dataLayerFiles), { env: { TEST_DATABASE_PROVIDER: "postgresql", TEST_POSTGRES_URL: postgresServer } }),
    );
  } else {
    skip("Data-layer unit tests on PostgreSQL", postgresMissing);
  }

  let isBuilt = false;
  await pass(`Production build for the end-to-end tests (${distDir})`, async () => {
    await run("npx", ["next", "build"], { env: buildEnv });
    isBuilt = true;
  });

  if (isBuilt) {
    await pass("End-to-end tests (SQLite)", () => run("npx", ["playwright", "test"], { env: { ...e2eEnv, E2E_PORT: "3100", E2E_DATABASE_URL: "file:./.data/e2e-3100.db" } }));
    if (postgresUp) {
      await pass("End-to-end tests (PostgreSQL; the axe spec ran on SQLite)", () =>
        run("npx", ["playwright", "test", "--grep-invert", databaseIndependentSpecs], {
          env: { ...e2eEnv, E2E_PORT: "3101", E2E_DATABASE_URL: e2ePostgresUrl },
        }),
      );
    } else {
      skip("End-to-end tests (PostgreSQL)", postgresMissing);
    }
  }
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  results.push({ name: "setup", outcome: "failed", seconds: 0 });
}

console.log("\nSummary");
for (const { name, outcome, seconds } of results) console.log(`  ${outcome.padEnd(7)} ${name}  (${seconds.toFixed(0)} s)`);
console.log(`  total ${((Date.now() - startedAt) / 60000).toFixed(1)} min`);
const failed = results.filter((r) => r.outcome === "failed");
if (failed.length) {
  const failedTests = failedUnitTests();
  if (failedTests.length) {
    console.error("\nFailed unit tests:");
    for (const line of failedTests) console.error(`  ✖ ${line.slice(0, 400)}`);
  }
  console.error(`\n✖ ${failed.length} of ${results.length} passes failed: ${failed.map((r) => r.name).join("; ")}`);
  process.exit(1);
}
console.log("\n✔ All tests passed");
