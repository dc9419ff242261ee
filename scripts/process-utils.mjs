import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

/** Installs dependencies on a fresh clone (no node_modules yet), exactly as the lock file says. */
export async function ensureDependencies() {
  if (existsSync("node_modules/.package-lock.json") && existsSync("node_modules/next")) return;
  step("Installing dependencies (npm ci)");
  await run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/**
 * Generates the Prisma clients (unless `generate: false`, for callers that just did), applies
 * migrations and imports the fact sets.
 */
export async function prepareDatabase(env = {}, { generate = true } = {}) {
  if (generate) {
    step("Generating the database clients");
    await run("node", ["scripts/generate-clients.mjs"]);
  }
  step("Applying migrations");
  await run("npx", ["prisma", "migrate", "deploy"], { env });
  step("Importing fact sets");
  await run("npx", ["tsx", "prisma/seed.ts"], { env });
}

export function step(message) {
  console.log(`\n▶ ${message}`);
}
