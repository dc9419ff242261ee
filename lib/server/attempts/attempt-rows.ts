import type { Prisma } from "../../../generated/prisma/client";
import type { AttemptFacts, AttemptStatus } from "../../assignments/policies";
import { db, type Tx } from "../db";

/**
 * Assignment attempts as the assignment rules see them (lib/assignments: status, scoring,
 * starting another attempt): the Quiz columns those rules read, nothing of the questions.
 */

/** The columns of an attempt row. */
const attemptRowSelect = {
  id: true,
  assignmentId: true,
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

export type AttemptRow = AttemptFacts & { id: string; assignmentId: string | null; userId: string; currentIndex: number; questionCount: number };

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

/**
 * The attempts at each of `assignmentIds` (all learners', or one learner's), first attempt
 * first; an assignment nobody attempted maps to an empty list. Lists of assignments (a class
 * report, a learner's assignments) read their attempts here, not through a nested select, so
 * this module stays the only reader of the Quiz table.
 */
export async function listAttemptRowsByAssignment(
  where: { assignmentIds: readonly string[]; userId?: string },
  client: Tx | typeof db = db,
): Promise<Map<string, AttemptRow[]>> {
  const byAssignment = new Map<string, AttemptRow[]>(where.assignmentIds.map((id) => [id, []]));
  if (where.assignmentIds.length === 0) return byAssignment;
  const query: Prisma.QuizWhereInput = { assignmentId: { in: [...where.assignmentIds] }, ...(where.userId ? { userId: where.userId } : {}) };
  const rows = await client.quiz.findMany({ where: query, orderBy: { attemptNumber: "asc" }, select: attemptRowSelect });
  for (const row of rows) byAssignment.get(row.assignmentId!)?.push(toAttemptRow(row));
  return byAssignment;
}
