import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll } from "vitest";
import { prismaSync } from "../../scripts/prisma-cli.mjs";
import { type DatabaseProvider, getDatabaseProvider, getSqliteFilePath } from "./database-url";

/**
 * A throwaway database for unit tests of lib/server modules: SQLite by default, PostgreSQL
 * when TEST_DATABASE_PROVIDER=postgresql (how `npm test` runs the data-layer tests a second
 * time; TEST_POSTGRES_URL names the server, default the local one).
 *
 * Call `createTestDatabase("<name>")` at the top of a test file BEFORE anything imports `./db`
 * (import the modules under test dynamically afterwards), because the Prisma client reads
 * DATABASE_URL once, when it is created:
 *
 *   const testDatabase = createTestDatabase("quizzes");
 *   const { createQuiz } = await import("./attempts/quizzes");
 *
 * Each test file gets its own database, so Vitest's parallel workers never share one:
 * - SQLite: .data/unit-<name>.db, recreated from prisma/migrations on every run — the same
 *   SQL that `prisma migrate deploy` applies, executed directly (milliseconds instead of a
 *   CLI start);
 * - PostgreSQL: a new database faktum_unit_<name>_<pid>, migrated with `prisma migrate deploy`
 *   from prisma/postgresql/migrations, and dropped after the file's tests.
 */
export function createTestDatabase(name: string): { url: string; file: string; provider: DatabaseProvider } {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`test database name must be kebab-case, got "${name}"`);
  return getTestDatabaseProvider() === "postgresql" ? createPostgresTestDatabase(name) : createSqliteTestDatabase(name);
}

/** Which database the data-layer tests run on: TEST_DATABASE_PROVIDER, SQLite unless it says postgresql. */
export function getTestDatabaseProvider(env: NodeJS.ProcessEnv = process.env): DatabaseProvider {
  const provider = env.TEST_DATABASE_PROVIDER?.trim() || "sqlite";
  if (provider !== "sqlite" && provider !== "postgresql") {
    throw new Error(`TEST_DATABASE_PROVIDER must be sqlite or postgresql, got "${provider}"`);
  }
  return provider;
}

function createSqliteTestDatabase(name: string): { url: string; file: string; provider: "sqlite" } {
  const url = `file:./.data/unit-${name}.db`;
  const file = getSqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);

  const database = openSqlite(file);
  try {
    for (const sql of readMigrations()) database.exec(sql);
  } finally {
    database.close();
  }
  process.env.DATABASE_URL = url;
  return { url, file, provider: "sqlite" };
}

/**
 * Synchronous like the SQLite branch (callers don't await): the database is created by a
 * child process (scripts/local-database.mjs, which refuses non-local servers) and migrated by
 * the Prisma CLI, exactly as a deployment is.
 */
function createPostgresTestDatabase(name: string): { url: string; file: string; provider: "postgresql" } {
  const server = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  server.pathname = `/faktum_unit_${name.replaceAll("-", "_")}_${process.pid}`;
  const url = server.toString();
  const localDatabaseScript = path.resolve(process.cwd(), "scripts", "local-database.mjs");
  try {
    execFileSync(process.execPath, [localDatabaseScript, "reset", url], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`cannot create the PostgreSQL test database ${url}: ${stderr || error}`);
  }
  prismaSync(["migrate", "deploy"], url);
  process.env.DATABASE_URL = url;

  afterAll(async () => {
    // The file's Prisma client still holds pool connections: close them, then drop.
    const { db } = await import("./db");
    await db.$disconnect();
    execFileSync(process.execPath, [localDatabaseScript, "drop", url], { stdio: "ignore" });
  });
  return { url, file: "", provider: "postgresql" };
}

/**
 * Makes deleting one row fail, on either provider (a trigger), to prove that a transaction
 * rolls back when its last step fails. Returns the undo; call it in `finally`.
 *
 *   const restore = await failDeletesOf(db, "User", guestId);
 *   try { await expect(mergeGuestInto(guestId, accountId)).rejects.toThrow(); } finally { await restore(); }
 */
export async function failDeletesOf(
  client: { $executeRawUnsafe(sql: string): Promise<number> },
  table: string,
  id: string,
): Promise<() => Promise<void>> {
  if (!/^[A-Za-z]+$/.test(table) || !/^[\w-]+$/.test(id)) throw new Error("failDeletesOf: table and id must be plain identifiers");
  const trigger = `fail_delete_${table.toLowerCase()}_${id.replaceAll("-", "_")}`;
  if (getDatabaseProvider(process.env.DATABASE_URL) === "postgresql") {
    await client.$executeRawUnsafe(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
    );
    await client.$executeRawUnsafe(
      `CREATE TRIGGER ${trigger} BEFORE DELETE ON "${table}" FOR EACH ROW WHEN (OLD.id = '${id}') EXECUTE FUNCTION ${trigger}()`,
    );
    return async () => {
      await client.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "${table}"`);
      await client.$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    };
  }
  await client.$executeRawUnsafe(
    `CREATE TRIGGER ${trigger} BEFORE DELETE ON "${table}" WHEN old.id = '${id}' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
  );
  return async () => {
    await client.$executeRawUnsafe(`DROP TRIGGER ${trigger}`);
  };
}

/** Every migration's SQL, oldest first (migration folders sort by their timestamp prefix). */
function readMigrations(): string[] {
  const directory = path.resolve(process.cwd(), "prisma", "migrations");
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(directory, name, "migration.sql"), "utf8"));
}

interface SqliteDatabase {
  exec(sql: string): void;
  close(): void;
}

/** better-sqlite3 ships no types here; the two calls used are typed above. */
function openSqlite(file: string): SqliteDatabase {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as new (file: string) => SqliteDatabase;
  return new Database(file);
}
