import { db } from "../db";
import { revealedAttemptWhere } from "./assignment-rules";

/**
 * Attempt reads for a learner's own progress (dashboard, history list, personal bests,
 * mastery evidence). Every query is by `userId`, on an index that starts with it (see
 * lib/server/progress.ts for the cost model). Scores of finished quizzes and per-answer
 * outcomes only; nothing of a question's spec leaves here.
 *
 * Grades count only once they are revealed (`revealedAttemptWhere`): an assignment attempt
 * whose reveal policy still withholds its grade is left out of every figure that shows
 * correctness or a score, and is in them once the policy reveals it. Practice times (the
 * streak) and counts of quizzes show no grade and count everything.
 */

/** (answeredAt, correct) of the learner's answers since `since`, for the activity chart. */
export async function listAnswerOutcomesSince(userId: string, since: Date, now: Date = new Date()) {
  return db.answer.findMany({ where: { userId, answeredAt: { gte: since }, quiz: revealedAttemptWhere(now) }, select: { answeredAt: true, correct: true } });
}

/** When the learner answered in [from, to), for the practice streak. */
export async function listAnswerTimesBetween(userId: string, from: Date, to: Date) {
  return db.answer.findMany({ where: { userId, answeredAt: { gte: from, lt: to } }, select: { answeredAt: true } });
}

/** Answers right and wrong, with their time, over all of the learner's quizzes. */
export async function getAnswerTotals(userId: string, now: Date = new Date()) {
  return db.answer.groupBy({ by: ["correct"], where: { userId, quiz: revealedAttemptWhere(now) }, _count: { _all: true }, _sum: { durationMs: true } });
}

export async function countFinishedQuizzes(userId: string): Promise<number> {
  return db.quiz.count({ where: { userId, status: "finished" } });
}

/** Per-fact outcomes since `since` (optionally in one fact set) with their answer's score (partial credit), the quiz half of mastery evidence. */
export async function listAnswerFactsSince(userId: string, since: Date, factSetId?: string, now: Date = new Date()) {
  return db.answerFact.findMany({
    where: { userId, ...(factSetId ? { factSetId } : {}), answeredAt: { gte: since }, answer: { quiz: revealedAttemptWhere(now) } },
    select: { factSetId: true, factId: true, correct: true, answeredAt: true, answer: { select: { score: true } } },
  });
}

export interface FinishedQuizFilter {
  factSetId?: string;
  mode?: string;
  finishedAt?: { gte?: Date; lt?: Date };
}

function finishedWhere(userId: string, filter: FinishedQuizFilter, now: Date) {
  return {
    userId,
    status: "finished",
    ...revealedAttemptWhere(now),
    ...(filter.factSetId ? { factSetId: filter.factSetId } : {}),
    ...(filter.mode ? { mode: filter.mode } : {}),
    ...(filter.finishedAt ? { finishedAt: filter.finishedAt } : { finishedAt: { not: null } }),
  };
}

/** One page of the learner's finished quizzes, newest first, and how many there are in all. */
export async function listFinishedQuizzes(userId: string, filter: FinishedQuizFilter, skip: number, take: number, now: Date = new Date()) {
  const where = finishedWhere(userId, filter, now);
  const [total, rows] = await Promise.all([
    db.quiz.count({ where }),
    db.quiz.findMany({
      where,
      orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
      skip,
      take,
      select: { id: true, factSetId: true, mode: true, questionCount: true, correctCount: true, score: true, startedAt: true, finishedAt: true },
    }),
  ]);
  const durations = rows.length
    ? await db.answer.groupBy({ by: ["quizId"], where: { userId, quizId: { in: rows.map((r) => r.id) } }, _sum: { durationMs: true } })
    : [];
  const durationByQuiz = new Map(durations.map((d) => [d.quizId, d._sum.durationMs ?? 0]));
  return { total, rows: rows.map((row) => ({ ...row, durationMs: durationByQuiz.get(row.id) ?? 0 })) };
}

/** Topic and mode of the learner's finished quizzes, with the best score and count of each. */
export async function groupFinishedQuizzes(userId: string, now: Date = new Date()) {
  return db.quiz.groupBy({
    by: ["factSetId", "mode"],
    where: { userId, status: "finished", ...revealedAttemptWhere(now) },
    _max: { score: true },
    _count: { _all: true },
  });
}

/** The finished quizzes that reached at least `score` in their topic and mode, oldest first. */
export async function listQuizzesReaching(userId: string, groups: { factSetId: string; mode: string; score: number }[], now: Date = new Date()) {
  return db.quiz.findMany({
    where: { userId, status: "finished", AND: [revealedAttemptWhere(now), { OR: groups.map((g) => ({ factSetId: g.factSetId, mode: g.mode, score: { gte: g.score } })) }] },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
    select: { id: true, factSetId: true, mode: true, finishedAt: true, startedAt: true },
  });
}
