// The Prisma CLI as a function: runs node_modules/.bin/prisma (no npx start-up) for one
// database and returns what it printed. prisma.config.ts picks the provider's schema,
// migrations and driver adapter from DATABASE_URL, so every call names its database.
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";

const prismaBin = path.resolve("node_modules", ".bin", "prisma");
// No update check or telemetry: the machines have no internet, and waiting for it costs seconds.
const quietEnv = { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

/** A PostgreSQL database that surely exists on the local server, for CLI calls that only need a connection. */
export const postgresScratchUrl = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Runs `prisma <args>` against `databaseUrl`; resolves with stdout, rejects with the output on failure. */
export function prisma(args, databaseUrl) {
  return new Promise((resolve, reject) => {
    execFile(
      prismaBin,
      args,
      { env: { ...process.env, ...quietEnv, DATABASE_URL: databaseUrl }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`prisma ${args.join(" ")} failed:\n${stdout}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** The synchronous form, for callers that cannot await (test-database.ts). */
export function prismaSync(args, databaseUrl) {
  try {
    return execFileSync(prismaBin, args, {
      env: { ...process.env, ...quietEnv, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`prisma ${args.join(" ")} failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  }
}

/**
 * The Prisma schema in `prisma db pull --print` output. The CLI prints its driver-adapter
 * warning to stdout too, before the schema; everything before the first block is dropped.
 */
export function extractPrintedSchema(output) {
  const start = output.search(/^(generator|datasource) \w+ \{/m);
  if (start < 0) throw new Error(`no Prisma schema in the output of prisma db pull:\n${output}`);
  return output.slice(start);
}

/** The SQL of `prisma migrate diff --script` output (the CLI adds nothing, but be sure). */
export function isEmptyMigration(sql) {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
