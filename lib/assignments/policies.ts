/**
 * The vocabulary of assignments, as stored in the Assignment table's string columns (the
 * schema has no enums, see prisma/schema.prisma) and validated with these lists on input.
 */

/** Whether every learner gets the same questions (one seed) or their own variant. */
export const assignmentVariants = ["same", "individual"] as const;
export type AssignmentVariant = (typeof assignmentVariants)[number];

/** Which attempt counts when several are allowed. */
export const scoringPolicies = ["best", "last", "average"] as const;
export type ScoringPolicy = (typeof scoringPolicies)[number];

/** When answers and explanations are shown to the learner. */
export const revealPolicies = ["immediate", "after_submit", "after_due"] as const;
export type RevealPolicy = (typeof revealPolicies)[number];

/** A learner's standing on one assignment. */
export const assignmentStatuses = ["not_started", "in_progress", "submitted", "late", "missed"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** Quiz.status as the quiz module stores it. */
export type AttemptStatus = "in_progress" | "finished" | "expired";

/** The parts of one attempt (an assignment Quiz row) the rules look at. */
export interface AttemptFacts {
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: Date;
  finishedAt: Date | null;
  /** Share of the whole attempt answered right, 0..1 (unanswered questions count as wrong). */
  score: number;
  /** Start + time limit; null for an untimed attempt. */
  deadlineAt: Date | null;
}

/** The parts of an assignment that decide when it can be worked on. */
export interface AssignmentTiming {
  opensAt: Date;
  dueAt: Date;
  /** Whether work after `dueAt` is accepted (and marked late) or refused. */
  acceptLate: boolean;
}

export const maxAttemptsAllowed = 10;
export const maxTimeLimitMinutes = 240;
export const maxAssignmentQuestions = 50;

export function isScoringPolicy(value: unknown): value is ScoringPolicy {
  return typeof value === "string" && (scoringPolicies as readonly string[]).includes(value);
}

export function isRevealPolicy(value: unknown): value is RevealPolicy {
  return typeof value === "string" && (revealPolicies as readonly string[]).includes(value);
}

export function isAssignmentVariant(value: unknown): value is AssignmentVariant {
  return typeof value === "string" && (assignmentVariants as readonly string[]).includes(value);
}
