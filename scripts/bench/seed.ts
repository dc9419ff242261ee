import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { countryById } from "../../lib/facts/fact-queries";
import type { FactSet } from "../../lib/facts/schema";
import { generateQuestions } from "../../lib/questions/generate-questions";
import { type QuestionSpec, type Response, questionTypes } from "../../lib/questions/types";
import { mulberry32 } from "../../lib/questions/random";

/**
 * The synthetic data set of the benchmark, written with bulk SQL (not through the app: a
 * million answers through Prisma would take an hour).
 *
 * Shape, per `Scale`:
 * - `classes` teachers, each with one class of `classSize` learners and `assignmentsPerClass`
 *   assignments (10 questions, "same" variant; all but the last already due). Every learner
 *   submitted one attempt of each due assignment; of the open one, 80 % submitted, 10 % are
 *   in the middle of it (half answered) and 10 % have not started;
 * - every learner has 5–6 finished self-study quizzes of 10 questions, over the last 180 days,
 *   and 10 flashcard reviews; the first `heavyLearners` have 1,000 more answers (20 quizzes
 *   of 50) and 300 reviews: the dashboard is measured for one of them;
 * - answers are right 70 % of the time; each has one AnswerFact per fact its question tests.
 *
 * The questions are real ones from the generator over the real fact set (and the responses
 * fit them), so the gradebook and dashboard render what they would in production.
 *
 * `seedRunData` adds what one benchmark run consumes: for `benchLearners` learners a fresh
 * self-study quiz of 50 unanswered questions, and session rows with known tokens.
 */

export interface Scale {
  name: string;
  classes: number;
  classSize: number;
  assignmentsPerClass: number;
  heavyLearners: number;
  /** Learners with a fresh 50-question quiz each: the answer route's load. */
  benchLearners: number;
}

export const scales: Record<"full" | "small", Scale> = {
  full: { name: "full", classes: 200, classSize: 50, assignmentsPerClass: 5, heavyLearners: 10, benchLearners: 3_000 },
  small: { name: "small", classes: 10, classSize: 50, assignmentsPerClass: 5, heavyLearners: 2, benchLearners: 1_000 },
};

/** Bump when the data set's shape changes: a cached bench database of another version is seeded again. */
export const seedVersion = 3;

export const benchQuizLength = 50;
const attemptLength = 10;
const selfQuizLength = 10;
const heavyQuizzes = 20;
const dayMs = 24 * 60 * 60 * 1000;

// ── Ids, tokens, randomness ─────────────────────────────────────────────────────────────

const pad = (n: number) => n.toString(36).padStart(7, "0");
export const learnerId = (i: number) => `bl${pad(i)}`;
export const teacherId = (i: number) => `bt${pad(i)}`;
export const classId = (i: number) => `bc${pad(i)}`;
export const assignmentId = (classIndex: number, k: number) => `ba${pad(classIndex)}${k}`;
/** The cookie token of a seeded user's session (only its hash is stored, as the app does). */
export const sessionToken = (userId: string) => `bench-session-${userId}`;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A seeded PRNG, so shuffles are reproducible. */
const random = mulberry32;

// ── Responses that fit the questions ────────────────────────────────────────────────────

/** The right response to a question, or a wrong one of the same kind. */
export function responseFor(spec: QuestionSpec, factSet: FactSet, isCorrect: boolean): Response {
  switch (spec.kind) {
    case "single": {
      const wrong = spec.options.find((o) => o.value !== spec.answer)?.value ?? spec.answer;
      return { kind: "single", value: isCorrect ? spec.answer : wrong };
    }
    case "multi":
      return { kind: "multi", values: isCorrect ? spec.answer : spec.answer.slice(1) };
    case "order":
      return { kind: "order", values: isCorrect ? spec.answer : [...spec.answer].reverse() };
    case "match": {
      if (isCorrect) return { kind: "match", pairs: spec.answer };
      const keys = Object.keys(spec.answer);
      const values = keys.map((k) => spec.answer[k]!);
      return { kind: "match", pairs: Object.fromEntries(keys.map((k, i) => [k, values[(i + 1) % values.length]!])) };
    }
    case "text":
      if (spec.answer.of === "year") return { kind: "text", text: isCorrect ? spec.answer.value : "1900" };
      return { kind: "text", text: isCorrect ? (countryById(factSet, spec.answer.value)?.name.de ?? spec.answer.value) : "Atlantis" };
    case "map":
      return { kind: "map", value: isCorrect ? (spec.answer[0] ?? "") : (spec.options.find((o) => !spec.answer.includes(o.value))?.value ?? "") };
  }
}

// ── Writers: one per database ───────────────────────────────────────────────────────────

type Cell = string | number | boolean | null | Date;
type PgType = "text" | "int" | "float8" | "bool" | "ts";

/** A table's columns, with the PostgreSQL type each array parameter is cast to. */
const tables = {
  User: [["id", "text"], ["email", "text"], ["displayName", "text"], ["role", "text"], ["isGuest", "bool"], ["locale", "text"], ["createdAt", "ts"], ["updatedAt", "ts"]],
  Session: [["id", "text"], ["userId", "text"], ["createdAt", "ts"], ["expiresAt", "ts"], ["lastSeenAt", "ts"]],
  Class: [["id", "text"], ["teacherId", "text"], ["name", "text"], ["joinCode", "text"], ["createdAt", "ts"]],
  ClassMember: [["classId", "text"], ["userId", "text"], ["joinedAt", "ts"]],
  Assignment: [
    ["id", "text"], ["classId", "text"], ["title", "text"], ["factSetId", "text"], ["questionTypes", "text"], ["questionCount", "int"],
    ["variant", "text"], ["seed", "text"], ["opensAt", "ts"], ["dueAt", "ts"], ["attemptsAllowed", "int"], ["scoringPolicy", "text"],
    ["revealPolicy", "text"], ["acceptLate", "bool"], ["createdAt", "ts"],
  ],
  Quiz: [
    ["id", "text"], ["userId", "text"], ["factSetId", "text"], ["factSetVersion", "int"], ["mode", "text"], ["settings", "text"], ["seed", "text"],
    ["status", "text"], ["currentIndex", "int"], ["questionCount", "int"], ["correctCount", "int"], ["score", "float8"], ["startedAt", "ts"],
    ["finishedAt", "ts"], ["assignmentId", "text"], ["attemptNumber", "int"],
  ],
  QuizQuestion: [["id", "text"], ["quizId", "text"], ["position", "int"], ["type", "text"], ["kind", "text"], ["spec", "text"], ["factIds", "text"]],
  Answer: [
    ["id", "text"], ["quizId", "text"], ["quizQuestionId", "text"], ["userId", "text"], ["questionType", "text"], ["kind", "text"],
    ["response", "text"], ["correct", "bool"], ["score", "float8"], ["answeredAt", "ts"], ["durationMs", "int"],
  ],
  AnswerFact: [["id", "text"], ["answerId", "text"], ["userId", "text"], ["factSetId", "text"], ["factId", "text"], ["correct", "bool"], ["answeredAt", "ts"]],
  ReviewLog: [["id", "text"], ["userId", "text"], ["cardId", "text"], ["factSetId", "text"], ["factIds", "text"], ["grade", "int"], ["reviewedAt", "ts"], ["log", "text"]],
} satisfies Record<string, [string, PgType][]>;

export type Table = keyof typeof tables;
type Rows = Partial<Record<Table, Cell[][]>>;

/** Where rows go, in foreign-key order. */
const tableOrder: Table[] = ["User", "Class", "ClassMember", "Assignment", "Quiz", "QuizQuestion", "Answer", "AnswerFact", "ReviewLog", "Session"];

export interface BenchWriter {
  write(rows: Rows): Promise<void>;
  /** Runs statements that need no rows (deletes, ANALYZE). */
  exec(sql: string): Promise<void>;
  /** Rows of `table` whose `column` equals `value`. */
  count(table: Table, column: string, value: string): Promise<number>;
  close(): Promise<void>;
}

interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): Record<string, unknown> };
  transaction(fn: () => void): () => void;
  close(): void;
}

/** SQLite stores DateTime as the adapter writes it: ISO text with an explicit +00:00. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

export function openSqliteWriter(file: string): BenchWriter {
  const require = createRequire(import.meta.url);
  const Database = require("better-sqlite3") as new (file: string) => SqliteDatabase;
  const database = new Database(file);
  database.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
  const batch = 200;
  const statements = new Map<string, ReturnType<SqliteDatabase["prepare"]>>();
  const statementFor = (table: Table, rowCount: number) => {
    const key = `${table}:${rowCount}`;
    let statement = statements.get(key);
    if (!statement) {
      const columns = tables[table].map(([name]) => `"${name}"`).join(", ");
      const placeholders = `(${tables[table].map(() => "?").join(", ")})`;
      statement = database.prepare(`INSERT INTO "${table}" (${columns}) VALUES ${Array(rowCount).fill(placeholders).join(", ")}`);
      statements.set(key, statement);
    }
    return statement;
  };
  const toSqlite = (cell: Cell) => (cell instanceof Date ? sqliteDate(cell) : typeof cell === "boolean" ? (cell ? 1 : 0) : cell);
  return {
    async write(rows) {
      database.transaction(() => {
        for (const table of tableOrder) {
          const list = rows[table];
          if (!list?.length) continue;
          for (let start = 0; start < list.length; start += batch) {
            const chunk = list.slice(start, start + batch);
            statementFor(table, chunk.length).run(...chunk.flat().map(toSqlite));
          }
        }
      })();
    },
    async exec(sql) {
      database.exec(sql);
    },
    async count(table, column, value) {
      return Number(database.prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(value).n);
    },
    async close() {
      database.close();
    },
  };
}

export async function openPostgresWriter(url: string): Promise<BenchWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  const pgTypes: Record<PgType, string> = { text: "text[]", int: "int4[]", float8: "float8[]", bool: "bool[]", ts: "timestamp(3)[]" };
  const batch = 5_000;
  return {
    async write(rows) {
      await client.query("BEGIN");
      try {
        for (const table of tableOrder) {
          const list = rows[table];
          if (!list?.length) continue;
          const columns = tables[table];
          for (let start = 0; start < list.length; start += batch) {
            const chunk = list.slice(start, start + batch);
            // One array parameter per column, unnested into rows: thousands of rows per statement.
            const params = columns.map((_, c) => chunk.map((row) => (row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c])));
            const casts = columns.map(([, type], c) => `$${c + 1}::${pgTypes[type]}`).join(", ");
            await client.query(`INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(", ")}) SELECT * FROM unnest(${casts})`, params);
          }
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async exec(sql) {
      await client.query(sql);
    },
    async count(table, column, value) {
      return Number((await client.query(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1`, [value])).rows[0].n);
    },
    async close() {
      await client.end();
    },
  };
}

// ── The data set ────────────────────────────────────────────────────────────────────────

export interface SeedSummary {
  learners: number;
  teachers: number;
  classes: number;
  assignments: number;
  quizzes: number;
  answers: number;
  answerFacts: number;
  reviews: number;
  seconds: number;
}

interface Counters {
  quiz: number;
  question: number;
  answer: number;
  fact: number;
  review: number;
}

/**
 * Writes one quiz, its questions and (the first `answered` of) its answers. Returns nothing;
 * rows are appended to `rows`.
 */
function addQuiz(
  rows: Required<Rows>,
  counters: Counters,
  rand: () => number,
  factSet: FactSet,
  quiz: { userId: string; specs: QuestionSpec[]; answered: number; startedAt: Date; mode: string; assignmentId: string | null; seed: string },
): void {
  const quizId = `bq${pad(counters.quiz++)}`;
  let at = quiz.startedAt.getTime();
  let correctCount = 0;
  let score = 0;
  const questionRows: Cell[][] = [];
  const answerRows: Cell[][] = [];
  quiz.specs.forEach((spec, position) => {
    const questionId = `bqq${pad(counters.question++)}`;
    questionRows.push([questionId, quizId, position, spec.type, spec.kind, JSON.stringify(spec), spec.factIds.join(",")]);
    if (position >= quiz.answered) return;
    const durationMs = 3_000 + Math.floor(rand() * 27_000);
    at += durationMs;
    const answeredAt = new Date(at);
    const isCorrect = rand() < 0.7;
    if (isCorrect) correctCount++;
    score += isCorrect ? 1 / quiz.specs.length : 0;
    const answerId = `ban${pad(counters.answer++)}`;
    answerRows.push([
      answerId, quizId, questionId, quiz.userId, spec.type, spec.kind, JSON.stringify(responseFor(spec, factSet, isCorrect)),
      isCorrect, isCorrect ? 1 : 0, answeredAt, durationMs,
    ]);
    for (const factId of spec.factIds) {
      rows.AnswerFact.push([`baf${pad(counters.fact++)}`, answerId, quiz.userId, factSet.id, factId, isCorrect, answeredAt]);
    }
  });
  const isFinished = quiz.answered === quiz.specs.length;
  rows.Quiz.push([
    quizId, quiz.userId, factSet.id, factSet.version, quiz.mode,
    JSON.stringify({ types: [...new Set(quiz.specs.map((s) => s.type))], count: quiz.specs.length }), quiz.seed,
    isFinished ? "finished" : "in_progress", quiz.answered, quiz.specs.length, correctCount, score, quiz.startedAt,
    isFinished ? new Date(at) : null, quiz.assignmentId, 1,
  ]);
  rows.QuizQuestion.push(...questionRows);
  rows.Answer.push(...answerRows);
}

function emptyRows(): Required<Rows> {
  return Object.fromEntries(tableOrder.map((t) => [t, []])) as unknown as Required<Rows>;
}

/**
 * Seeds the whole data set into an empty (migrated, fact sets imported) database, in chunks
 * of one class at a time so memory stays flat.
 */
export async function seedDataSet(writer: BenchWriter, factSet: FactSet, scale: Scale, now: Date, log: (message: string) => void): Promise<SeedSummary> {
  const started = Date.now();
  const rand = random(42);
  const counters: Counters = { quiz: 0, question: 0, answer: 0, fact: 0, review: 0 };
  const allFactIds = [...factSet.accessions.map((a) => a.id), ...factSet.events.map((e) => e.id)];
  // A pool of self-study question sets, reused across learners (the generator is the slow part).
  const selfSets = Array.from({ length: 200 }, (_, i) => generateQuestions(factSet, { seed: `bench-self-${i}`, count: selfQuizLength }));
  const heavySets = Array.from({ length: 20 }, (_, i) => generateQuestions(factSet, { seed: `bench-heavy-${i}`, count: 50 }));
  const dueOffsetsDays = [-100, -70, -40, -10, 10];
  const learnerCount = scale.classes * scale.classSize;

  for (let c = 0; c < scale.classes; c++) {
    const rows = emptyRows();
    const teacher = teacherId(c);
    rows.User.push([teacher, `teacher${c}@bench.faktum.test`, `Teacher ${c}`, "teacher", false, "de", new Date(now.getTime() - 200 * dayMs), now]);
    rows.Class.push([classId(c), teacher, `Class ${c}`, `BENCH${pad(c)}`, new Date(now.getTime() - 150 * dayMs)]);
    const assignments = Array.from({ length: scale.assignmentsPerClass }, (_, k) => {
      const dueAt = new Date(now.getTime() + (dueOffsetsDays[k % dueOffsetsDays.length]! - Math.floor(k / dueOffsetsDays.length) * 5) * dayMs);
      const opensAt = new Date(dueAt.getTime() - 14 * dayMs);
      const seed = `bench-assignment-${c}-${k}`;
      const id = assignmentId(c, k);
      rows.Assignment.push([
        id, classId(c), `Assignment ${k + 1}`, factSet.id, JSON.stringify(questionTypes), attemptLength, "same", seed, opensAt, dueAt,
        2, "best", "immediate", false, new Date(opensAt.getTime() - dayMs),
      ]);
      return { id, seed, opensAt, dueAt, isOpen: dueAt > now, specs: generateQuestions(factSet, { seed, count: attemptLength }) };
    });

    for (let m = 0; m < scale.classSize; m++) {
      const i = c * scale.classSize + m;
      const userId = learnerId(i);
      rows.User.push([userId, `learner${i}@bench.faktum.test`, `Learner ${i}`, "learner", false, "de", new Date(now.getTime() - 190 * dayMs), now]);
      rows.ClassMember.push([classId(c), userId, new Date(now.getTime() - 150 * dayMs)]);

      for (const assignment of assignments) {
        let answered = attemptLength;
        if (assignment.isOpen) {
          const roll = rand();
          if (roll >= 0.9) continue; // not started
          if (roll >= 0.8) answered = attemptLength / 2; // in the middle of it
        }
        const window = Math.min(assignment.dueAt.getTime(), now.getTime()) - assignment.opensAt.getTime() - 2 * 60 * 60 * 1000;
        const startedAt = new Date(assignment.opensAt.getTime() + Math.floor(rand() * window));
        addQuiz(rows, counters, rand, factSet, { userId, specs: assignment.specs, answered, startedAt, mode: "assignment", assignmentId: assignment.id, seed: assignment.seed });
      }

      const selfQuizzes = 5 + (i % 5 === 0 ? 1 : 0);
      for (let q = 0; q < selfQuizzes; q++) {
        const startedAt = new Date(now.getTime() - Math.floor(rand() * 180 * dayMs) - 60 * 60 * 1000);
        const specs = selfSets[Math.floor(rand() * selfSets.length)]!;
        addQuiz(rows, counters, rand, factSet, { userId, specs, answered: specs.length, startedAt, mode: "self", assignmentId: null, seed: `self-${i}-${q}` });
      }
      const isHeavy = i < scale.heavyLearners;
      if (isHeavy) {
        for (let q = 0; q < heavyQuizzes; q++) {
          const startedAt = new Date(now.getTime() - Math.floor(rand() * 120 * dayMs) - 60 * 60 * 1000);
          const specs = heavySets[q % heavySets.length]!;
          addQuiz(rows, counters, rand, factSet, { userId, specs, answered: specs.length, startedAt, mode: "self", assignmentId: null, seed: `heavy-${i}-${q}` });
        }
      }
      for (let r = 0; r < (isHeavy ? 300 : 10); r++) {
        const factId = allFactIds[Math.floor(rand() * allFactIds.length)]!;
        rows.ReviewLog.push([
          `br${pad(counters.review++)}`, userId, `${factSet.id}:${factId}`, factSet.id, factId, 1 + Math.floor(rand() * 4),
          new Date(now.getTime() - Math.floor(rand() * 120 * dayMs)), "{}",
        ]);
      }
    }
    await writer.write(rows);
    if ((c + 1) % Math.max(1, Math.floor(scale.classes / 10)) === 0) {
      log(`  seeded ${c + 1}/${scale.classes} classes: ${counters.answer.toLocaleString("en")} answers (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  return {
    learners: learnerCount,
    teachers: scale.classes,
    classes: scale.classes,
    assignments: scale.classes * scale.assignmentsPerClass,
    quizzes: counters.quiz,
    answers: counters.answer,
    answerFacts: counters.fact,
    reviews: counters.review,
    seconds: (Date.now() - started) / 1000,
  };
}

/** One learner's fresh quiz, as the load generator needs it: the responses to send, in order. */
export interface BenchQuiz {
  quizId: string;
  userId: string;
  cookie: string;
  /** JSON bodies for positions 0..n-1. */
  bodies: string[];
}

/**
 * What one benchmark run consumes, recreated every run: the previous run's bench quizzes are
 * deleted (with their answers), new ones written, and sessions for every user the run signs
 * in as. Quiz ids are unique per run, so a run never meets a question answered before.
 */
export async function seedRunData(
  writer: BenchWriter,
  factSet: FactSet,
  scale: Scale,
  now: Date,
  runTag: string,
): Promise<{ quizzes: BenchQuiz[]; cookieOf: (userId: string) => string }> {
  await writer.exec(`DELETE FROM "Quiz" WHERE "id" LIKE 'bench-run-%'`);
  await writer.exec(`DELETE FROM "Session" WHERE "userId" LIKE 'bl%' OR "userId" LIKE 'bt%'`);
  const rand = random(7);
  const rows = emptyRows();
  const sets = Array.from({ length: 50 }, (_, i) => generateQuestions(factSet, { seed: `bench-run-${i}`, count: benchQuizLength }));
  const cookieOf = (userId: string) => `faktum-session=${sessionToken(userId)}`;
  const quizzes: BenchQuiz[] = [];
  const sessionUsers = new Set<string>();
  for (let i = 0; i < scale.benchLearners; i++) {
    // Spread over all classes rather than the first few learners (who are the heavy ones).
    const userId = learnerId((i * 7919) % (scale.classes * scale.classSize));
    const specs = sets[i % sets.length]!;
    const quizId = `bench-run-${runTag}-${i}`;
    rows.Quiz.push([
      quizId, userId, factSet.id, factSet.version, "self", JSON.stringify({ types: questionTypes, count: specs.length }), `run-${i}`,
      "in_progress", 0, specs.length, 0, 0, now, null, null, 1,
    ]);
    specs.forEach((spec, position) => {
      rows.QuizQuestion.push([`${quizId}-${position}`, quizId, position, spec.type, spec.kind, JSON.stringify(spec), spec.factIds.join(",")]);
    });
    quizzes.push({
      quizId,
      userId,
      cookie: cookieOf(userId),
      bodies: specs.map((spec, position) => JSON.stringify({ position, response: responseFor(spec, factSet, rand() < 0.7) })),
    });
    sessionUsers.add(userId);
  }
  for (let i = 0; i < scale.heavyLearners; i++) sessionUsers.add(learnerId(i));
  for (let c = 0; c < scale.classes; c++) sessionUsers.add(teacherId(c));
  const expiresAt = new Date(now.getTime() + 30 * dayMs);
  for (const userId of sessionUsers) rows.Session.push([hashToken(sessionToken(userId)), userId, now, expiresAt, now]);
  await writer.write(rows);
  return { quizzes, cookieOf };
}
