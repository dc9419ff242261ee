import { createRequire } from "node:module";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath } from "../database-url";
import { getPgPool } from "../db";
import { sessionReadSql } from "../session";

/**
 * The two statements of the answer hot path (answer-hot-path.ts), on the drivers directly:
 * better-sqlite3 prepared statements on SQLite, named (server-side prepared) statements on
 * PostgreSQL. Prisma stays the schema and the data layer everywhere else; these statements
 * write exactly the rows `recordAnswer` writes through Prisma (answer-hot-path.test.ts
 * compares them). Measured against the alternatives in docs/benchmarks.md.
 */

/** One row per question read (the current one and the previous one), session and quiz repeated. */
export interface AnswerContextRow {
  /** The session's columns (session.ts's `sessionReadSql`), decided by session.ts's `judgeSession`. */
  sessionUserId: string;
  sessionExpiresAt: Date;
  sessionLastSeenAt: Date;
  /** The quiz's learner (the session's user: the read joins on it). */
  userId: string;
  quizId: string;
  factSetId: string;
  status: string;
  currentIndex: number;
  questionCount: number;
  correctCount: number;
  startedAt: Date;
  deadlineAt: Date | null;
  assignmentId: string | null;
  checksum: string | null;
  dueAt: Date | null;
  acceptLate: boolean | null;
  revealPolicy: string | null;
  archivedAt: Date | null;
  memberUserId: string | null;
  removedAt: Date | null;
  questionId: string | null;
  position: number | null;
  type: string | null;
  kind: string | null;
  spec: string | null;
  factIds: string | null;
  answerCorrect: boolean | null;
  answerScore: number | null;
  answerAnsweredAt: Date | null;
}

/** The answer, its facts and the quiz's progress, written together or not at all. */
export interface AnswerWrite {
  answerId: string;
  quizId: string;
  questionId: string;
  userId: string;
  factSetId: string;
  questionType: string;
  kind: string;
  response: string;
  correct: boolean;
  score: number;
  /** Added to the quiz's score: the answer's share of the whole quiz. */
  scoreIncrement: number;
  answeredAt: Date;
  durationMs: number;
  position: number;
  isLast: boolean;
  facts: { id: string; factId: string }[];
}

export interface AnswerStore {
  /** Session (by token hash), quiz (of that session's user), questions at `position` and `position - 1`, in one statement. */
  readContext(sessionId: string, quizId: string, position: number): Promise<AnswerContextRow[]>;
  /**
   * "written", or "moved" when the quiz was no longer at `position` and in progress (nothing
   * written). A unique violation (the question answered meanwhile) or a busy database throws.
   */
  write(answer: AnswerWrite): Promise<"written" | "moved">;
}

const columns = `
  q."userId" AS "userId", q.id AS "quizId", q."factSetId" AS "factSetId", q.status AS status, q."currentIndex" AS "currentIndex",
  q."questionCount" AS "questionCount", q."correctCount" AS "correctCount", q."startedAt" AS "startedAt",
  q."deadlineAt" AS "deadlineAt", q."assignmentId" AS "assignmentId", COALESCE(v.checksum, f.checksum) AS checksum,
  a."dueAt" AS "dueAt", a."acceptLate" AS "acceptLate", a."revealPolicy" AS "revealPolicy", c."archivedAt" AS "archivedAt",
  m."userId" AS "memberUserId", m."removedAt" AS "removedAt",
  qq.id AS "questionId", qq.position AS position, qq.type AS type, qq.kind AS kind, qq.spec AS spec, qq."factIds" AS "factIds",
  ans.correct AS "answerCorrect", ans.score AS "answerScore", ans."answeredAt" AS "answerAnsweredAt"`;

function readSql(p: (n: number) => string, ts: (column: string) => string): string {
  // The session's part (table, columns, key) is session.ts's: this statement only joins on it.
  const session = sessionReadSql;
  return `SELECT ${session.columns(ts)}, ${columns
    .replace(/(q\."startedAt"|q\."deadlineAt"|a\."dueAt"|c\."archivedAt"|m\."removedAt"|ans\."answeredAt") AS/g, (_, column: string) => `${ts(column)} AS`)}
FROM ${session.from}
JOIN "Quiz" q ON q.id = ${p(2)} AND q."userId" = ${session.userId}
LEFT JOIN "FactSet" f ON f.id = q."factSetId"
LEFT JOIN "FactSetVersion" v ON v."factSetId" = q."factSetId" AND v.version = q."factSetVersion"
LEFT JOIN "Assignment" a ON a.id = q."assignmentId"
LEFT JOIN "Class" c ON c.id = a."classId"
LEFT JOIN "ClassMember" m ON m."classId" = a."classId" AND m."userId" = ${session.userId}
LEFT JOIN "QuizQuestion" qq ON qq."quizId" = q.id AND qq.position IN (${p(3)}, ${p(4)})
LEFT JOIN "Answer" ans ON ans."quizQuestionId" = qq.id
WHERE ${session.where(p(1))}`;
}

/** Prisma's DateTime is `timestamp(3)` (UTC, no zone): read as UTC whatever the server's TimeZone. */
const pgReadSql = readSql((n) => `$${n}`, (column) => `(${column} AT TIME ZONE 'UTC')`);

// ── SQLite ──────────────────────────────────────────────────────────────────────────────

interface SqliteStatement {
  all(...params: unknown[]): Record<string, unknown>[];
  run(...params: unknown[]): { changes: number };
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
  /** `.immediate` runs it in BEGIN IMMEDIATE. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { immediate: (...args: A) => R };
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text ("…T…+00:00"); the same here, both ways. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");
function parseSqliteDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}
const sqliteBool = (value: unknown) => (value === null || value === undefined ? null : Boolean(Number(value)));

/** A context row as SQLite returns it (text dates, 0/1 booleans), typed. */
export function fromSqliteRow(row: Record<string, unknown>): AnswerContextRow {
  return {
    ...(row as unknown as AnswerContextRow),
    sessionExpiresAt: parseSqliteDate(row.sessionExpiresAt)!,
    sessionLastSeenAt: parseSqliteDate(row.sessionLastSeenAt)!,
    startedAt: parseSqliteDate(row.startedAt)!,
    deadlineAt: parseSqliteDate(row.deadlineAt),
    dueAt: parseSqliteDate(row.dueAt),
    acceptLate: sqliteBool(row.acceptLate),
    archivedAt: parseSqliteDate(row.archivedAt),
    removedAt: parseSqliteDate(row.removedAt),
    answerCorrect: sqliteBool(row.answerCorrect),
    answerAnsweredAt: parseSqliteDate(row.answerAnsweredAt),
  };
}

/**
 * The read statement, for `$n` parameters (PostgreSQL: session, quiz, position, position - 1) or
 * `?` ones (SQLite, bound in order of appearance: quiz, position, position - 1, session).
 */
export function answerReadSql(provider: "sqlite" | "postgresql"): string {
  return provider === "postgresql" ? pgReadSql : readSql(() => "?", (column) => column);
}
export { pgWriteSql as answerPgWriteSql };

function createSqliteStore(file: string): AnswerStore {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as new (file: string) => SqliteDatabase;
  const database = new Database(file);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  // better-sqlite3 is synchronous: waiting for a lock here would block the event loop, and with
  // it Prisma's own transaction holding that lock. A busy database throws instead, and the
  // caller answers through the queued Prisma path.
  database.pragma("busy_timeout = 0");
  database.pragma("secure_delete = ON");

  const names = ["", "session", "quiz", "position", "previous"];
  const read = database.prepare(readSql((n) => `@${names[n]}`, (column) => column));
  const updateQuiz = database.prepare(`UPDATE "Quiz" SET "currentIndex" = @position + 1, "correctCount" = "correctCount" + @increment, score = score + @score,
    status = CASE WHEN @isLast = 1 THEN 'finished' ELSE status END, "finishedAt" = CASE WHEN @isLast = 1 THEN @at ELSE "finishedAt" END
    WHERE id = @quiz AND "userId" = @user AND "currentIndex" = @position AND status = 'in_progress'`);
  const insertAnswer = database.prepare(`INSERT INTO "Answer" (id, "quizId", "quizQuestionId", "userId", "questionType", kind, response, correct, score, "answeredAt", "durationMs")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertFact = database.prepare(`INSERT INTO "AnswerFact" (id, "answerId", "userId", "factSetId", "factId", correct, "answeredAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);

  // BEGIN IMMEDIATE: the write lock is taken up front, so the transaction either has it or throws SQLITE_BUSY before writing.
  const write = database.transaction((w: AnswerWrite): "written" | "moved" => {
    const at = sqliteDate(w.answeredAt);
    const moved = updateQuiz.run({ position: w.position, increment: w.correct ? 1 : 0, score: w.scoreIncrement, isLast: w.isLast ? 1 : 0, at, quiz: w.quizId, user: w.userId });
    if (moved.changes !== 1) return "moved";
    insertAnswer.run(w.answerId, w.quizId, w.questionId, w.userId, w.questionType, w.kind, w.response, w.correct ? 1 : 0, w.score, at, w.durationMs);
    for (const fact of w.facts) insertFact.run(fact.id, w.answerId, w.userId, w.factSetId, fact.factId, w.correct ? 1 : 0, at);
    return "written";
  });

  return {
    async readContext(sessionId, quizId, position) {
      return read.all({ session: sessionId, quiz: quizId, position, previous: position - 1 }).map(fromSqliteRow);
    },
    async write(answer) {
      return write.immediate(answer);
    },
  };
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────────────────

/**
 * One statement, so one round trip and atomic without BEGIN/COMMIT: the answer and its facts
 * are inserted only from the row the guarded UPDATE returned, so a quiz that moved on meanwhile
 * writes nothing (0 rows), and a unique violation (the same question answered meanwhile) fails
 * the whole statement.
 */
const pgWriteSql = `WITH q AS (
  UPDATE "Quiz" SET "currentIndex" = $1 + 1, "correctCount" = "correctCount" + $2, score = score + $3,
    status = CASE WHEN $4::boolean THEN 'finished' ELSE status END,
    "finishedAt" = CASE WHEN $4::boolean THEN $5::timestamp(3) ELSE "finishedAt" END
  WHERE id = $6 AND "userId" = $7 AND "currentIndex" = $1 AND status = 'in_progress'
  RETURNING id
), a AS (
  INSERT INTO "Answer" (id, "quizId", "quizQuestionId", "userId", "questionType", kind, response, correct, score, "answeredAt", "durationMs")
  SELECT $8, q.id, $9, $7, $10, $11, $12, $13::boolean, $14::double precision, $5::timestamp(3), $15::int FROM q
  RETURNING id
), f AS (
  INSERT INTO "AnswerFact" (id, "answerId", "userId", "factSetId", "factId", correct, "answeredAt")
  SELECT u.fid, a.id, $7, $16, u."factId", $13::boolean, $5::timestamp(3) FROM a, unnest($17::text[], $18::text[]) AS u(fid, "factId")
)
SELECT count(*)::int AS written FROM a`;

interface PgPoolLike {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}


function createPgStore(pool: PgPoolLike): AnswerStore {
  return {
    async readContext(sessionId, quizId, position) {
      const { rows } = await pool.query({ name: "faktum_answer_read", text: pgReadSql, values: [sessionId, quizId, position, position - 1] });
      return rows as unknown as AnswerContextRow[];
    },
    async write(w) {
      const { rows } = await pool.query({
        name: "faktum_answer_write",
        text: pgWriteSql,
        values: [
          w.position, w.correct ? 1 : 0, w.scoreIncrement, w.isLast, w.answeredAt.toISOString(), w.quizId, w.userId,
          w.answerId, w.questionId, w.questionType, w.kind, w.response, w.correct, w.score, w.durationMs, w.factSetId,
          w.facts.map((f) => f.id), w.facts.map((f) => f.factId),
        ],
      });
      return Number(rows[0]?.written ?? 0) === 1 ? "written" : "moved";
    },
  };
}

const globalForStore = globalThis as unknown as { faktumAnswerStore?: AnswerStore };

/** The store for DATABASE_URL's database, opened on first use. */
export function getAnswerStore(): AnswerStore {
  if (!globalForStore.faktumAnswerStore) {
    const url = getDatabaseUrl();
    if (getDatabaseProvider(url) === "postgresql") {
      const pool = getPgPool();
      if (!pool) throw new Error("the PostgreSQL pool is not open");
      globalForStore.faktumAnswerStore = createPgStore(pool as unknown as PgPoolLike);
    } else {
      globalForStore.faktumAnswerStore = createSqliteStore(getSqliteFilePath(url));
    }
  }
  return globalForStore.faktumAnswerStore;
}
