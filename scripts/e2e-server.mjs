// Serves the app for Playwright on a fresh local database: reset, migrate, seed, build, start.
// The database is DATABASE_URL: a SQLite file is deleted, a PostgreSQL database dropped and
// created again (local servers only: scripts/local-database.mjs refuses any other).
//
// E2E_DEV=1 serves with `next dev` instead of a production build (quicker while iterating).
// E2E_REUSE_BUILD=1 serves the build already in NEXT_DIST_DIR when there is one: `npm test`
// builds once for its SQLite and PostgreSQL passes, because a build does not depend on the
// database (the server reads DATABASE_URL when it starts). E2E_SKIP_GENERATE=1 skips
// generating the Prisma clients (the caller just did).
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { assertLocalDatabase, isPostgresUrl, resetPostgresDatabase } from "./local-database.mjs";
import { prepareDatabase, run, step } from "./process-utils.mjs";

const port = process.env.PORT ?? "3100";
const databaseUrl = process.env.DATABASE_URL;
const distDir = process.env.NEXT_DIST_DIR || ".next";
assertLocalDatabase(databaseUrl);

try {
  if (isPostgresUrl(databaseUrl)) {
    step(`Resetting the PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`);
    await resetPostgresDatabase(databaseUrl);
  } else {
    const file = databaseUrl.replace(/^file:/, "");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  }
  await prepareDatabase({}, { generate: process.env.E2E_SKIP_GENERATE !== "1" });
  if (process.env.E2E_DEV === "1") {
    await run("npx", ["next", "dev", "-p", port]);
  } else {
    if (process.env.E2E_REUSE_BUILD === "1" && existsSync(path.join(distDir, "BUILD_ID"))) {
      step(`Reusing the build in ${distDir}`);
    } else {
      step("Building the app for end-to-end tests");
      await run("npx", ["next", "build"]);
    }
    await run("npx", ["next", "start", "-p", port]);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
