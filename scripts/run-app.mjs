// `npm run app`: everything a fresh clone needs to serve Faktum at http://localhost:3000 —
// install, migrate and seed the embedded SQLite database, build, serve.
import { ensureDependencies, prepareDatabase, run, step } from "./process-utils.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";

try {
  await ensureDependencies();
  await prepareDatabase();
  step("Building the app");
  await run("npx", ["next", "build"]);
  step(`Serving Faktum at http://localhost:${port}`);
  await run("npx", ["next", "start", "-p", port]);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
