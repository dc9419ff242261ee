// `npx tsx scripts/bench/answer-candidates.ts [--db sqlite|postgresql|both] [--answers 800]`
//
// In-process comparison of the ways to write an answer (no HTTP, no Next.js): the same answers,
// graded and stored, through
// - "prisma-orm": recordAnswer as it was (≈ 14 Prisma statements: the quiz read with its
//   relations, the session, the fact-set checksum, the nested create and update);
// - "prisma-raw": the hot path's one read and one write, sent as SQL through Prisma's
//   $queryRawUnsafe / $executeRawUnsafe (an interactive transaction on SQLite);
// - "driver": the hot path as shipped (lib/server/attempts/answer-sql.ts): better-sqlite3
//   prepared statements, pg named prepared statements.
// Each candidate answers its own fresh quizzes, sequentially and with 16 in flight; the session
// lookup is part of every candidate (validateSessionToken for prisma-orm). Prints a JSON table
// (answers/s, mean ms) for docs/benchmarks.md. Uses .data/bench-candidates.db and the PostgreSQL
// database faktum_bench_candidates (recreated on every run).
import { mkdirSync, rmSync } from "node:fs";
import { isPostgresReachable, resetPostgresDatabase } from "../local-database.mjs";
import { prisma } from "../prisma-cli.mjs";

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const which = option("db") ?? "sqlite";
const answerCount = Number(option("answers") ?? 800);
const provider = which === "postgresql" ? "postgresql" : "sqlite";

const url =
  provider === "sqlite"
    ? "file:./.data/bench-candidates.db"
    : `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/faktum_bench_candidates`;

async function main() {
  if (provider === "sqlite") {
    mkdirSync(".data", { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`.data/bench-candidates.db${suffix}`, { force: true });
  } else {
    if (!(await isPostgresReachable(url))) throw new Error("PostgreSQL is not reachable");
    await resetPostgresDatabase(url);
  }
  await prisma(["migrate", "deploy"], url);
  process.env.DATABASE_URL = url;

  const { db } = await import("../../lib/server/db");
  const { importFactSets, getVisibleFactSet } = await import("../../lib/server/fact-sets");
  const { loadFactSets } = await import("../../lib/facts/load-fact-sets");
  const { createSession, validateSessionToken } = await import("../../lib/server/session");
  const { createQuiz, recordAnswer } = await import("../../lib/server/attempts/quizzes");
  const { recordAnswerFast } = await import("../../lib/server/attempts/answer-hot-path");
  const sql = await import("../../lib/server/attempts/answer-sql");
  await importFactSets([...loadFactSets().values()]);
  await getVisibleFactSet(null, "nato");

  type Store = import("../../lib/server/attempts/answer-sql").AnswerStore;
  const readSql = sql.answerReadSql(provider);
  const prismaRawStore: Store = {
    async readContext(sessionId, quizId, position) {
      // `?` parameters bind in order of appearance (quiz, positions, then the session); `$n` by number.
      const params = provider === "sqlite" ? [quizId, position, position - 1, sessionId] : [sessionId, quizId, position, position - 1];
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(readSql, ...params);
      return provider === "sqlite" ? rows.map(sql.fromSqliteRow) : (rows as never);
    },
    async write(w) {
      if (provider === "postgresql") {
        const rows = await db.$queryRawUnsafe<{ written: number }[]>(
          sql.answerPgWriteSql,
          w.position, w.correct ? 1 : 0, w.scoreIncrement, w.isLast, w.answeredAt.toISOString(), w.quizId, w.userId,
          w.answerId, w.questionId, w.questionType, w.kind, w.response, w.correct, w.score, w.durationMs, w.factSetId,
          w.facts.map((f) => f.id), w.facts.map((f) => f.factId),
        );
        return Number(rows[0]?.written) === 1 ? "written" : "moved";
      }
      const at = w.answeredAt.toISOString().replace("Z", "+00:00");
      return db.$transaction(async (tx) => {
        const moved = await tx.$executeRawUnsafe(
          `UPDATE "Quiz" SET "currentIndex" = ? + 1, "correctCount" = "correctCount" + ?, score = score + ?, status = CASE WHEN ? = 1 THEN 'finished' ELSE status END,
           "finishedAt" = CASE WHEN ? = 1 THEN ? ELSE "finishedAt" END WHERE id = ? AND "userId" = ? AND "currentIndex" = ? AND status = 'in_progress'`,
          w.position, w.correct ? 1 : 0, w.scoreIncrement, w.isLast ? 1 : 0, w.isLast ? 1 : 0, at, w.quizId, w.userId, w.position,
        );
        if (moved !== 1) return "moved" as const;
        await tx.$executeRawUnsafe(
          `INSERT INTO "Answer" (id, "quizId", "quizQuestionId", "userId", "questionType", kind, response, correct, score, "answeredAt", "durationMs") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          w.answerId, w.quizId, w.questionId, w.userId, w.questionType, w.kind, w.response, w.correct ? 1 : 0, w.score, at, w.durationMs,
        );
        for (const f of w.facts) {
          await tx.$executeRawUnsafe(
            `INSERT INTO "AnswerFact" (id, "answerId", "userId", "factSetId", "factId", correct, "answeredAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
            f.id, w.answerId, w.userId, w.factSetId, f.factId, w.correct ? 1 : 0, at,
          );
        }
        return "written" as const;
      });
    },
  };

  type Job = { token: string; quizId: string; userId: string; position: number };
  const questionsPerQuiz = 50;
  async function jobsFor(answers: number): Promise<Job[][]> {
    const quizzes: Job[][] = [];
    for (let made = 0; made < answers; made += questionsPerQuiz) {
      const userId = (await db.user.create({ data: {}, select: { id: true } })).id;
      const { token } = await createSession(userId);
      const quiz = await createQuiz(userId, { factSetId: "nato", types: ["accession-year", "country-by-year"], count: questionsPerQuiz });
      quizzes.push(Array.from({ length: Math.min(questionsPerQuiz, answers - made) }, (_, position) => ({ token, quizId: quiz.id, userId, position })));
    }
    return quizzes;
  }
  const response = { kind: "single" as const, value: "x" };
  const answerWith = async (candidate: string, job: Job) => {
    // A response that fits: the first option of the question (right or wrong, graded the same way).
    const spec = JSON.parse((await specOf(job.quizId, job.position)) ?? "{}");
    const fitting = spec.kind === "multi" ? { kind: "multi" as const, values: [spec.options[0].value] } : { ...response, value: spec.options?.[0]?.value ?? "x" };
    if (candidate === "prisma-orm") {
      const user = await validateSessionToken(job.token);
      return recordAnswer(user!.id, job.quizId, job.position, fitting);
    }
    const result = await recordAnswerFast(job.token, job.quizId, job.position, fitting, new Date(), "de", candidate === "driver" ? undefined : prismaRawStore);
    if (!result) throw new Error(`${candidate}: fell back at ${job.quizId}/${job.position}`);
    return result;
  };
  // Specs are read up front, outside the timing (the candidates read them themselves).
  const specs = new Map<string, string>();
  const specOf = async (quizId: string, position: number) => specs.get(`${quizId}/${position}`);
  const loadSpecs = async (quizzes: Job[][]) => {
    for (const quiz of quizzes) {
      const rows = await db.quizQuestion.findMany({ where: { quizId: quiz[0]!.quizId }, select: { position: true, spec: true } });
      for (const row of rows) specs.set(`${quiz[0]!.quizId}/${row.position}`, row.spec);
    }
  };

  const table: Record<string, unknown>[] = [];
  for (const concurrency of [1, 16]) {
    for (const candidate of ["prisma-orm", "prisma-raw", "driver"]) {
      const quizzes = await jobsFor(answerCount);
      await loadSpecs(quizzes);
      // Each lane plays its quizzes in order; lanes run side by side.
      const lanes = Array.from({ length: concurrency }, (_, lane) => quizzes.filter((_, i) => i % concurrency === lane));
      const started = performance.now();
      await Promise.all(lanes.map(async (lane) => {
        for (const quiz of lane) for (const job of quiz) await answerWith(candidate, job);
      }));
      const ms = performance.now() - started;
      const row = { database: provider, candidate, concurrency, answers: answerCount, answersPerSecond: Math.round((answerCount / ms) * 1000), meanMsPerAnswer: Math.round((ms / answerCount) * 100) / 100 };
      console.error(JSON.stringify(row));
      table.push(row);
    }
  }
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
