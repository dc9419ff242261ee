import { createRequire } from "node:module";
import path from "node:path";

/**
 * Direct access to the e2e server's database (see playwright.config.ts), SQLite or PostgreSQL,
 * for the few checks a browser cannot make: reading a question's stored answer, moving a
 * deadline into the past, proving rows are gone. The app never sends any of this to a browser.
 *
 * SQL is written once, with PostgreSQL's `$1` placeholders and quoted identifiers; for SQLite
 * each `$n` becomes a `?` bound to the n-th parameter.
 */

type Row = Record<string, unknown>;

interface SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): Row[];
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(source: string): unknown;
  close(): void;
}

const require = createRequire(import.meta.url);

export function e2eDatabaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? `file:./.data/e2e-${process.env.E2E_PORT ?? 3100}.db`;
}

const isPostgres = () => /^postgres(ql)?:\/\//.test(e2eDatabaseUrl());

export async function queryE2eDatabase(sql: string, params: unknown[] = []): Promise<Row[]> {
  if (isPostgres()) {
    const { Client } = require("pg") as typeof import("pg");
    const client = new Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  const Database = require("better-sqlite3") as new (file: string) => SqliteDatabase;
  const database = new Database(path.resolve(e2eDatabaseUrl().replace(/^file:/, "")));
  try {
    database.pragma("busy_timeout = 5000");
    const order = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
    const statement = database.prepare(sql.replace(/\$\d+/g, "?"));
    const values = order.map((index) => params[index]).map((value) => (value instanceof Date ? sqliteTimestamp(value) : value));
    if (statement.reader) return statement.all(...values) as Row[];
    statement.run(...values);
    return [];
  } finally {
    database.close();
  }
}

/** How Prisma's SQLite adapter stores a DateTime: ISO 8601 with an explicit offset. */
function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A `COUNT(*) AS n` query's number (PostgreSQL returns a bigint as a string). */
export async function countInE2eDatabase(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryE2eDatabase(sql, params);
  return Number(row?.n);
}
