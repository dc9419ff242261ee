import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { dropPostgresDatabase, isPostgresReachable, resetPostgresDatabase } from "../scripts/local-database.mjs";
import { postgresSchemaPath, readDerivedPostgresSchema, sqliteSchemaPath } from "../scripts/postgres-schema.mjs";
import { postgresScratchUrl, prisma } from "../scripts/prisma-cli.mjs";

/**
 * The schema and the two migration histories cannot drift apart:
 * - prisma/postgresql/schema.prisma is exactly what scripts/postgres-schema.mjs derives;
 * - both histories have the same migrations (folder names);
 * - per provider, a fresh database migrated with `prisma migrate deploy` has exactly the
 *   structure (tables, columns with type, nullability and default, indexes, unique constraints,
 *   foreign keys) of a fresh database built straight from the schema
 *   (`prisma migrate diff --from-empty --to-schema-datamodel … --script`).
 * A schema edit without `npm run db:migration`, a hand-edited migration in one history, or a
 * migration written for one provider only fails here.
 *
 * The PostgreSQL half needs the local server; it is skipped (with a message) only when that is
 * unreachable outside CI. On CI (CI=true) an unreachable server fails the test.
 */

const slow = 180_000;
const isCi = Boolean(process.env.CI);
const postgresUp = await isPostgresReachable(postgresScratchUrl);
const scratch = mkdtempSync(path.join(os.tmpdir(), "faktum-migrations-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function migrationFolders(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("schema files and migration histories", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (run npm run db:migration)", () => {
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(readDerivedPostgresSchema());
  });

  it("both providers have the same migrations", () => {
    const sqlite = migrationFolders("prisma/migrations");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationFolders("prisma/postgresql/migrations")).toEqual(sqlite);
  });

  it("each migration has its SQL", () => {
    for (const directory of ["prisma/migrations", "prisma/postgresql/migrations"]) {
      for (const folder of migrationFolders(directory)) {
        expect(readFileSync(path.join(directory, folder, "migration.sql"), "utf8").length, `${directory}/${folder}`).toBeGreaterThan(0);
      }
    }
  });
});

// ── SQLite ────────────────────────────────────────────────────────────────────────────────

interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { all(...params: unknown[]): Record<string, unknown>[] };
  close(): void;
}

function openSqlite(file: string): SqliteDatabase {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as new (file: string) => SqliteDatabase;
  return new Database(file);
}

/** Tables, columns, indexes and foreign keys of a SQLite file, as comparable plain data. */
function describeSqlite(file: string): Record<string, unknown> {
  const database = openSqlite(file);
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all()
      .map((row) => String(row.name));
    return Object.fromEntries(
      tables.map((table) => {
        const quoted = `"${table.replaceAll('"', '""')}"`;
        const columns = database
          .prepare(`PRAGMA table_xinfo(${quoted})`)
          .all()
          .map((c) => ({ name: c.name, type: c.type, notNull: c.notnull, default: c.dflt_value, primaryKeyPosition: c.pk, hidden: c.hidden }))
          // A column added by a later migration comes last; the order carries no meaning.
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const indexes = database
          .prepare(`PRAGMA index_list(${quoted})`)
          .all()
          .map((index) => ({
            name: index.name,
            unique: index.unique,
            origin: index.origin,
            partial: index.partial,
            columns: database
              .prepare(`PRAGMA index_xinfo("${String(index.name).replaceAll('"', '""')}")`)
              .all()
              .filter((c) => c.key === 1)
              .map((c) => `${c.name} ${c.desc ? "DESC" : "ASC"} ${c.coll}`),
          }))
          .sort((a, b) => String(a.name).localeCompare(String(b.name)));
        const foreignKeys = database
          .prepare(`PRAGMA foreign_key_list(${quoted})`)
          .all()
          .map((fk) => ({ id: fk.id, seq: fk.seq, table: fk.table, from: fk.from, to: fk.to, onUpdate: fk.on_update, onDelete: fk.on_delete, match: fk.match }))
          .sort((a, b) => Number(a.id) - Number(b.id) || Number(a.seq) - Number(b.seq))
          // Ids are the declaration order; compare what the keys are, not how they were numbered.
          .map(({ id: _id, ...fk }) => fk)
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        return [table, { columns, indexes, foreignKeys }];
      }),
    );
  } finally {
    database.close();
  }
}

describe("SQLite migrations", () => {
  it(
    "migrate deploy builds exactly the structure of prisma/schema.prisma",
    async () => {
      const deployedFile = path.join(scratch, "deployed.db");
      const expectedFile = path.join(scratch, "expected.db");
      const [, expectedSql] = await Promise.all([
        prisma(["migrate", "deploy"], `file:${deployedFile}`),
        prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", sqliteSchemaPath, "--script"], `file:${path.join(scratch, "unused.db")}`),
      ]);
      const expected = openSqlite(expectedFile);
      try {
        expected.exec(expectedSql);
      } finally {
        expected.close();
      }
      const structure = describeSqlite(deployedFile);
      expect(Object.keys(structure).length).toBeGreaterThan(5);
      expect(structure).toEqual(describeSqlite(expectedFile));
    },
    slow,
  );
});

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────

/** Tables, columns, indexes and constraints of the public schema, as comparable plain data. */
async function describePostgres(url: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
    // One client runs one query at a time: sequential, not Promise.all.
    const [tables, columns, indexes, constraints, types] = [
      await query(`SELECT table_name FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`),
      // No ordinal_position: a column added by a later migration comes last; the order carries no meaning.
      await query(`SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                    datetime_precision, is_nullable, column_default, is_identity, is_generated
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
             ORDER BY table_name, column_name`),
      await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
             WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      await query(`SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
             FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
             WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations' ORDER BY 1, 2`),
      await query(`SELECT t.typname, t.typtype, array_to_string(array(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), ',') AS labels
             FROM pg_type t JOIN pg_namespace ns ON ns.oid = t.typnamespace
             WHERE ns.nspname = 'public' AND t.typtype IN ('e', 'd') ORDER BY 1`),
    ];
    const byTable = (rows: Record<string, unknown>[], key: string, table: string) =>
      rows.filter((row) => row[key] === table).map(({ [key]: _table, ...rest }) => rest);
    return {
      types,
      tables: Object.fromEntries(
        tables.map(({ table_name: table }) => [
          table,
          {
            columns: byTable(columns, "table_name", String(table)),
            indexes: byTable(indexes, "tablename", String(table)),
            constraints: byTable(constraints, "table_name", String(table)),
          },
        ]),
      ),
    };
  } finally {
    await client.end();
  }
}

const postgresUnreachable = `PostgreSQL is not reachable at ${postgresScratchUrl.replace(/\/[^/]*$/, "")}; start it with ` +
  "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`";

describe("PostgreSQL migrations", () => {
  if (!postgresUp && !isCi) {
    it.skip(`skipped: ${postgresUnreachable} (on CI this fails)`, () => {});
    return;
  }

  it(
    "migrate deploy builds exactly the structure of prisma/postgresql/schema.prisma",
    async () => {
      expect(postgresUp, postgresUnreachable).toBe(true);
      const base = new URL(postgresScratchUrl);
      const urlFor = (name: string) => Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
      const deployedUrl = urlFor(`faktum_migrations_deployed_${process.pid}`);
      const expectedUrl = urlFor(`faktum_migrations_expected_${process.pid}`);
      await Promise.all([resetPostgresDatabase(deployedUrl), resetPostgresDatabase(expectedUrl)]);
      try {
        const [, expectedSql] = await Promise.all([
          prisma(["migrate", "deploy"], deployedUrl),
          prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", postgresSchemaPath, "--script"], expectedUrl),
        ]);
        const client = new pg.Client({ connectionString: expectedUrl });
        await client.connect();
        try {
          await client.query(expectedSql);
        } finally {
          await client.end();
        }
        const structure = await describePostgres(deployedUrl);
        expect(Object.keys(structure.tables as object).length).toBeGreaterThan(5);
        expect(structure).toEqual(await describePostgres(expectedUrl));
      } finally {
        await Promise.all([dropPostgresDatabase(deployedUrl), dropPostgresDatabase(expectedUrl)]);
      }
    },
    slow,
  );
});
