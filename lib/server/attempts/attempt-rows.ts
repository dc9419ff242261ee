import type { Prisma } from "../../../generated/prisma/client";
import type { AttemptFacts, AttemptStatus } from "../../assignments/policies";
import { db, type Tx } from "../db";

/**
 * Assignment attempts as the assignment rules see them (lib/assignments: status, scoring,
 * starting another attempt): the Quiz columns those rules read, nothing of the questions.
 */

/** The columns of an attempt row; also for nested selects under Assignment.attempts. */
export const attemptRowSelect = {
  id: true,
  userId: true,
  attemptNumber: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  score: true,
  deadlineAt: true,
  currentIndex: true,
  questionCount: true,
} as const;

export type AttemptRow = AttemptFacts & { id: string; userId: string; currentIndex: number; questionCount: number };

/** Narrows a stored row's status to the vocabulary of lib/assignments/policies.ts. */
export function toAttemptRow<R extends { status: string }>(row: R): Omit<R, "status"> & { status: AttemptStatus } {
  return { ...row, status: row.status as AttemptStatus };
}

/** The attempts in `where` (one assignment's, one learner's), first attempt first. */
export async function listAttemptRows(where: { assignmentId: string; userId?: string }, client: Tx | typeof db = db): Promise<AttemptRow[]> {
  const query: Prisma.QuizWhereInput = { assignmentId: where.assignmentId, ...(where.userId ? { userId: where.userId } : {}) };
  const rows = await client.quiz.findMany({ where: query, orderBy: { attemptNumber: "asc" }, select: attemptRowSelect });
  return rows.map(toAttemptRow);
}
