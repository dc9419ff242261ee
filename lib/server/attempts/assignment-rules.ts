import type { Prisma } from "../../../generated/prisma/client";
import type { AttemptStatus, RevealPolicy } from "../../assignments/policies";
import { isRevealPolicy } from "../../assignments/policies";
import { decideReveal, type RevealDecision } from "../../assignments/reveal";
import { getEffectiveDeadline, getRemainingMs, isPastDeadline } from "../../assignments/time-limit";
import { db, type Tx } from "../db";
import { ConflictError } from "../errors";

/**
 * The assignment rules the quiz module applies to assignment attempts (Quiz rows with an
 * assignmentId). Kept apart from lib/server/assignments.ts so that lib/server/attempts/quizzes.ts can
 * call in without an import cycle (assignments.ts starts attempts with quizzes.ts's createQuiz).
 *
 * Rules held here, on the server's clock (stateless: no timers, several instances may run):
 * - an attempt ends at its effective deadline (time limit, or the due date when late work is
 *   refused); any read of it after that finishes it, at the deadline, unanswered = wrong;
 * - an answer at or after the deadline is refused (ConflictError → 409), as is an answer
 *   from a learner no longer in the class or to a class that was archived;
 * - answers and explanations are withheld as the assignment's reveal policy says.
 * Self-study quizzes (no assignment) pass through every function untouched.
 */

/** Messages of refusals; message-catalog keys, so actions translate them. */
export const attemptMessages = {
  timeUp: "classes.errors.timeUp",
  notMember: "classes.errors.notMember",
} as const;

/** What a quiz read selects (besides `id` and `status`) so the rules can be applied without another query. */
export function attemptRulesSelect(userId: string) {
  return {
    deadlineAt: true,
    assignment: {
      select: {
        dueAt: true,
        acceptLate: true,
        revealPolicy: true,
        class: { select: { archivedAt: true, members: { where: { userId }, select: { removedAt: true } } } },
      },
    },
  } as const satisfies Prisma.QuizSelect;
}

/** A quiz as `attemptRulesSelect` reads it. */
export interface AttemptRulesRow {
  id: string;
  status: string;
  deadlineAt: Date | null;
  assignment: {
    dueAt: Date;
    acceptLate: boolean;
    revealPolicy: string;
    class: { archivedAt: Date | null; members: { removedAt: Date | null }[] };
  } | null;
}

/** When the learner will see answers that are withheld now: "submit", or the due date. */
export interface RevealWithheld {
  revealsAt: "submit" | Date;
}

function revealPolicyOf(value: string): RevealPolicy {
  // An unknown value (hand-edited row) withholds as much as the strictest policy.
  return isRevealPolicy(value) ? value : "after_due";
}

/**
 * `decideReveal` as a Quiz filter: the quizzes whose grades the learner may see at `now` (every
 * self-study quiz; an assignment attempt once its reveal policy reveals it). The learner's own
 * statistics (history list, personal bests, activity, totals, mastery) count only these, so a
 * withheld attempt's grade cannot be read off a chart before the review may show it. An
 * unknown policy value counts as "after_due", as in `revealPolicyOf`.
 */
export function revealedAttemptWhere(now: Date): Prisma.QuizWhereInput {
  const finished = { status: { not: "in_progress" } };
  return {
    OR: [
      { assignmentId: null },
      { assignment: { revealPolicy: "immediate" } },
      { ...finished, assignment: { revealPolicy: "after_submit" } },
      { ...finished, assignment: { revealPolicy: { notIn: ["immediate", "after_submit"] }, dueAt: { lte: now } } },
    ],
  };
}

/**
 * The attempts whose grades the learner may see at `now` (`decideReveal` for each): what a
 * learner's counted score of an assignment is made of, so that a withheld grade does not show
 * as part of a total.
 */
export function filterRevealedAttempts<A extends { status: AttemptStatus }>(attempts: A[], assignment: { revealPolicy: string; dueAt: Date }, now: Date): A[] {
  const policy = revealPolicyOf(assignment.revealPolicy);
  return attempts.filter((attempt) => decideReveal(policy, attempt, assignment.dueAt, now).isRevealed);
}

/** Finishes the attempt at `deadline` unless something else finished it first (idempotent, race-safe). */
async function finishAttemptAt(quizId: string, deadline: Date, client: Tx | typeof db = db): Promise<void> {
  await client.quiz.updateMany({ where: { id: quizId, status: "in_progress" }, data: { status: "finished", finishedAt: deadline } });
}

/**
 * Before grading an answer to an assignment attempt: refuses it (ConflictError, the answer
 * route's 409) when the attempt's deadline has passed, finishing the attempt on the way, or
 * when the learner was removed from the class or the class was archived. No-op for
 * self-study quizzes and for attempts already finished (the quiz module refuses those).
 */
export async function assertAttemptAcceptsAnswers(quiz: AttemptRulesRow, now: Date): Promise<void> {
  const assignment = quiz.assignment;
  if (!assignment || quiz.status !== "in_progress") return;
  const deadline = getEffectiveDeadline(quiz, assignment);
  if (deadline && isPastDeadline(deadline, now)) {
    await finishAttemptAt(quiz.id, deadline);
    throw new ConflictError(attemptMessages.timeUp);
  }
  const membership = assignment.class.members[0];
  if (!membership || membership.removedAt !== null || assignment.class.archivedAt !== null) {
    throw new ConflictError(attemptMessages.notMember);
  }
}

/**
 * Whether the grade, correct answer and explanation of an answer may go to the learner:
 * null when they may (always for self-study quizzes), else when they will. `statusAfter` is
 * the attempt's status once this answer is stored ("finished" after the last question).
 */
export function getWithheldReveal(quiz: AttemptRulesRow, statusAfter: string, now: Date): RevealWithheld | null {
  if (!quiz.assignment) return null;
  const decision = decideReveal(revealPolicyOf(quiz.assignment.revealPolicy), { status: statusAfter as AttemptStatus }, quiz.assignment.dueAt, now);
  return decision.isRevealed ? null : { revealsAt: decision.revealsAt as "submit" | Date };
}

/**
 * `result` marked with what its reveal policy withholds (see `toAnswerReply`, which strips it
 * before it leaves the server); unchanged for self-study quizzes and revealed answers.
 */
export function withRevealPolicy<R extends object>(result: R, quiz: AttemptRulesRow, statusAfter: string, now: Date): R & { withheld?: RevealWithheld } {
  const withheld = getWithheldReveal(quiz, statusAfter, now);
  return withheld ? { ...result, withheld } : result;
}

/** What an attempt read needs to know about the assignment behind it. */
export interface AttemptContext {
  assignmentId: string;
  title: string;
  /** The attempt's effective deadline (time limit or due date); null when untimed. */
  deadlineAt: Date | null;
  /** Whether the attempt has a time limit of its own (the quiz shows a countdown then). */
  isTimed: boolean;
  /** Time left before the effective deadline at the moment of reading, for timed attempts; else null. */
  remainingMs: number | null;
  status: string;
  reveal: RevealDecision;
}

/**
 * For every read of an attempt (the quiz, its summary): finishes it first if its deadline
 * has passed, then says how it stands. Null for a self-study quiz, or a quiz not the user's.
 */
export async function settleAttemptForRead(userId: string, quizId: string, now: Date): Promise<AttemptContext | null> {
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, userId, assignmentId: { not: null } },
    select: {
      status: true,
      deadlineAt: true,
      assignment: { select: { id: true, title: true, dueAt: true, acceptLate: true, revealPolicy: true } },
    },
  });
  if (!quiz?.assignment) return null;
  const { assignment } = quiz;
  const deadline = getEffectiveDeadline(quiz, assignment);
  let status = quiz.status;
  if (status === "in_progress" && deadline && isPastDeadline(deadline, now)) {
    await finishAttemptAt(quizId, deadline);
    status = (await db.quiz.findUnique({ where: { id: quizId }, select: { status: true } }))?.status ?? "finished";
  }
  return {
    assignmentId: assignment.id,
    title: assignment.title,
    deadlineAt: deadline,
    isTimed: quiz.deadlineAt !== null,
    remainingMs: quiz.deadlineAt !== null && status === "in_progress" ? getRemainingMs(deadline, now) : null,
    status,
    reveal: decideReveal(revealPolicyOf(assignment.revealPolicy), { status: status as AttemptStatus }, assignment.dueAt, now),
  };
}

/**
 * Finishes every attempt in `where` (e.g. one assignment's, one learner's) whose deadline
 * has passed, each at its own deadline. Called by every list and report before it reads
 * attempts, so a closed browser never leaves an attempt open past its time. Returns how
 * many were finished.
 */
export async function settleExpiredAttempts(where: Prisma.QuizWhereInput, now: Date, client: Tx | typeof db = db): Promise<number> {
  const candidates = await client.quiz.findMany({
    where: {
      AND: [
        where,
        { assignmentId: { not: null }, status: "in_progress" },
        { OR: [{ deadlineAt: { lte: now } }, { assignment: { acceptLate: false, dueAt: { lte: now } } }] },
      ],
    },
    select: { id: true, deadlineAt: true, assignment: { select: { dueAt: true, acceptLate: true } } },
  });
  let finished = 0;
  for (const quiz of candidates) {
    if (!quiz.assignment) continue;
    const deadline = getEffectiveDeadline(quiz, quiz.assignment);
    if (!deadline || !isPastDeadline(deadline, now)) continue;
    await finishAttemptAt(quiz.id, deadline, client);
    finished += 1;
  }
  return finished;
}

/**
 * The answer route's reply: the grade as recordAnswer returns it or, when the reveal policy
 * withholds it, only that the answer was stored and where to go next. Nothing that tells
 * right from wrong leaves the server early.
 */
export function toAnswerReply<R extends { withheld?: RevealWithheld | null; finished: boolean; nextPosition: number | null; alreadyAnswered: boolean }>(
  result: R,
): R | { withheld: { revealsAt: string }; finished: boolean; nextPosition: number | null; alreadyAnswered: boolean } {
  if (!result.withheld) {
    const { withheld: _withheld, ...rest } = result;
    return rest as R;
  }
  const { revealsAt } = result.withheld;
  return {
    withheld: { revealsAt: revealsAt === "submit" ? "submit" : revealsAt.toISOString() },
    finished: result.finished,
    nextPosition: result.nextPosition,
    alreadyAnswered: result.alreadyAnswered,
  };
}
