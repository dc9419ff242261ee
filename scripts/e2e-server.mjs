// Serves the app for Playwright on a fresh local database: reset, migrate, seed, build, start.
// E2E_DEV=1 serves with `next dev` instead of a production build (quicker while iterating).
import { existsSync, rmSync } from "node:fs";
import { prepareDatabase, run, step } from "./process-utils.mjs";
import { assertLocalDatabase } from "./local-database.mjs";

const port = process.env.PORT ?? "3100";
const databaseUrl = process.env.DATABASE_URL;
assertLocalDatabase(databaseUrl);

if (databaseUrl.startsWith("file:")) {
  const file = databaseUrl.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);
}

try {
  await prepareDatabase();
  if (process.env.E2E_DEV === "1") {
    await run("npx", ["next", "dev", "-p", port]);
  } else {
    step("Building the app for end-to-end tests");
    await run("npx", ["next", "build"]);
    await run("npx", ["next", "start", "-p", port]);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
