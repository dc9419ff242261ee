// `npm run db:migration -- <name>`: the one way to change the schema.
//
// 1. Edit prisma/schema.prisma (SQLite, the source of truth).
// 2. Run this. It
//    - regenerates prisma/postgresql/schema.prisma from it (scripts/postgres-schema.mjs);
//    - finds the schema the committed migrations produce: it applies prisma/migrations/ to a
//      temporary SQLite file and introspects it (`prisma db pull`), so the baseline is what the
//      migrations really do, not what a file claims (no shadow database: the adapters cannot
//      use one);
//    - writes prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
//      prisma/postgresql/migrations/<timestamp>_<name>/migration.sql (PostgreSQL), each the
//      `prisma migrate diff` from that baseline to the new schema. The PostgreSQL baseline is
//      the SQLite one with the provider swapped, exactly as the PostgreSQL schema is derived;
//      prisma/migrations.test.ts proves the two histories build the same model;
//    - regenerates both Prisma clients.
// 3. Review both SQL files, apply them locally with `npm run db:migrate`, commit.
//
// `prisma migrate diff` needs a connection even between two schema files, so a PostgreSQL
// server must answer at POSTGRES_ADMIN_URL (default: the local one's `postgres` database);
// nothing is written to it.
//
// Options: --allow-empty writes an empty pair (for hand-written data migrations).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { postgresSchemaPath, readDerivedPostgresSchema, sqliteSchemaPath } from "./postgres-schema.mjs";
import { extractPrintedSchema, isEmptyMigration, postgresScratchUrl, prisma } from "./prisma-cli.mjs";
import { run, step } from "./process-utils.mjs";

const sqliteMigrations = "prisma/migrations";
const postgresMigrations = "prisma/postgresql/migrations";

const args = process.argv.slice(2);
const allowEmpty = args.includes("--allow-empty");
const name = args.find((arg) => !arg.startsWith("--"));

try {
  if (!name || !/^[a-z0-9][a-z0-9_]*$/.test(name)) {
    throw new Error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _, e.g. add_quiz_tags)");
  }
  const folder = `${nextTimestamp()}_${name}`;

  step(`Deriving ${postgresSchemaPath}`);
  writeFileSync(postgresSchemaPath, readDerivedPostgresSchema());

  step("Reading the schema the committed migrations produce");
  const baseline = await introspectMigratedSqlite();

  step("Computing both migrations");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "faktum-migration-"));
  try {
    const sqliteBaseline = path.join(scratch, "sqlite.prisma");
    const postgresBaseline = path.join(scratch, "postgresql.prisma");
    writeFileSync(sqliteBaseline, baseline);
    writeFileSync(postgresBaseline, toPostgresDatamodel(baseline));
    const diff = (from, to, databaseUrl) =>
      prisma(["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], databaseUrl);
    const [sqliteSql, postgresSql] = await Promise.all([
      diff(sqliteBaseline, sqliteSchemaPath, `file:${path.join(scratch, "unused.db")}`),
      diff(postgresBaseline, postgresSchemaPath, postgresScratchUrl),
    ]);

    if (isEmptyMigration(sqliteSql) !== isEmptyMigration(postgresSql)) {
      throw new Error(`only one provider's migration is empty: SQLite\n${sqliteSql}\nPostgreSQL\n${postgresSql}`);
    }
    if (isEmptyMigration(sqliteSql) && !allowEmpty) {
      throw new Error(`${sqliteSchemaPath} matches the migrations already: nothing to migrate (--allow-empty writes an empty pair)`);
    }
    for (const [directory, sql] of [
      [sqliteMigrations, sqliteSql],
      [postgresMigrations, postgresSql],
    ]) {
      const file = path.join(directory, folder, "migration.sql");
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, sql.endsWith("\n") ? sql : `${sql}\n`);
      console.log(`  wrote ${file}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  step("Generating the database clients");
  await run("node", ["scripts/generate-clients.mjs"]);
  console.log(`\n✔ Migration ${folder} written for SQLite and PostgreSQL. Review both, then apply with \`npm run db:migrate\`.`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/**
 * UTC yyyymmddhhmmss, as Prisma names migrations, and always after the newest existing one in
 * either history (folder names sort by it, and migrate deploy applies them in that order).
 */
function nextTimestamp() {
  const stamp = (date) => date.toISOString().replace(/\D/g, "").slice(0, 14);
  const existing = [sqliteMigrations, postgresMigrations]
    .flatMap((directory) => (existsSync(directory) ? readdirSync(directory) : []))
    .map((entry) => entry.match(/^(\d{14})_/)?.[1])
    .filter(Boolean)
    .sort();
  const latest = existing.at(-1);
  let candidate = stamp(new Date());
  if (latest && candidate <= latest) {
    const next = new Date(Date.UTC(+latest.slice(0, 4), +latest.slice(4, 6) - 1, +latest.slice(6, 8), +latest.slice(8, 10), +latest.slice(10, 12), +latest.slice(12, 14) + 1));
    candidate = stamp(next);
  }
  return candidate;
}

/** Applies every SQLite migration to a temporary file and prints its schema as Prisma sees it. */
async function introspectMigratedSqlite() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "faktum-baseline-"));
  try {
    const file = path.join(scratch, "baseline.db");
    const require = createRequire(import.meta.url);
    const Database = require("better-sqlite3");
    const database = new Database(file);
    try {
      for (const entry of readdirSync(sqliteMigrations, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
        database.exec(readFileSync(path.join(sqliteMigrations, entry.name, "migration.sql"), "utf8"));
      }
    } finally {
      database.close();
    }
    // A bare datasource, so the printed schema is the database's alone (no re-introspection
    // of our model's names and comments).
    const bare = path.join(scratch, "schema.prisma");
    writeFileSync(bare, 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n');
    return extractPrintedSchema(await prisma(["db", "pull", "--print", "--schema", bare], `file:${file}`));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The introspected SQLite datamodel for PostgreSQL: scalar types only, so the provider is all that differs. */
function toPostgresDatamodel(datamodel) {
  const swapped = datamodel.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  if (swapped === datamodel) throw new Error("introspected schema has no sqlite datasource");
  return swapped;
}
