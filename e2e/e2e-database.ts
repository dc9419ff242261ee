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

/** The id of the account with `email`. */
export async function userIdOf(email: string): Promise<string> {
  return String((await queryE2eDatabase('SELECT "id" FROM "User" WHERE "email" = $1', [email]))[0]?.id);
}

/**
 * A class of `teacherEmail` with `learnerEmail` in it and one single-choice assignment per
 * reveal policy given (open since an hour, due in a week), written straight into the database:
 * for specs about what a learner can read, not about the teacher's forms (classes.spec.ts).
 * Returns the ids, the join code and the assignment id per policy.
 */
export async function createClassWithAssignments(
  name: string,
  teacherEmail: string,
  learnerEmail: string,
  policies: readonly ("immediate" | "after_submit" | "after_due")[],
): Promise<{ classId: string; code: string; learnerId: string; teacherId: string; assignmentIds: Record<string, string> }> {
  const [learnerId, teacherId] = [await userIdOf(learnerEmail), await userIdOf(teacherEmail)];
  const classId = `${name.toLowerCase()}-${Date.now()}`;
  // Eight random digits: specs in parallel workers must not share a join code.
  const code = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  await queryE2eDatabase('INSERT INTO "Class" ("id", "teacherId", "name", "joinCode") VALUES ($1, $2, $3, $4)', [classId, teacherId, name, code]);
  await queryE2eDatabase('INSERT INTO "ClassMember" ("classId", "userId") VALUES ($1, $2)', [classId, learnerId]);
  const assignmentIds: Record<string, string> = {};
  for (const policy of policies) {
    const id = `${classId}-${policy}`;
    await queryE2eDatabase(
      'INSERT INTO "Assignment" ("id", "classId", "title", "factSetId", "questionTypes", "questionCount", "seed", "opensAt", "dueAt", "revealPolicy") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [id, classId, `${name} ${policy}`, "nato", '["accession-year"]', 3, `seed-${id}`, new Date(Date.now() - 3600_000), new Date(Date.now() + 7 * 24 * 3600_000), policy],
    );
    assignmentIds[policy] = id;
  }
  return { classId, code, learnerId, teacherId, assignmentIds };
}
