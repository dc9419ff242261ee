import type { AssignmentTiming, AttemptFacts } from "./policies";
import { settleAttempt } from "./time-limit";

export type StartRefusal =
  /** before opensAt */
  | "not_open"
  /** past dueAt and the teacher refuses late work */
  | "closed"
  /** every allowed attempt has been used */
  | "no_attempts_left";

export type StartDecision =
  | { kind: "resume"; attemptNumber: number }
  | { kind: "start"; attemptNumber: number; isLate: boolean }
  | { kind: "refused"; reason: StartRefusal };

/**
 * What happens when a learner asks to work on an assignment at `now`:
 * - an attempt still open (after settling timed-out ones) is resumed, on any device;
 * - otherwise a new attempt starts, numbered one past the last, if the assignment is open
 *   (`opensAt` ≤ now), not closed (before `dueAt`, or late work is accepted) and fewer than
 *   `attemptsAllowed` attempts exist (every attempt counts, also one that ran out of time);
 * - anything else is refused, with the reason.
 * Membership is not a rule here: the data layer checks it (and hides the assignment).
 */
export function decideStart(
  attempts: readonly AttemptFacts[],
  assignment: AssignmentTiming & { attemptsAllowed: number },
  now: Date,
): StartDecision {
  const settled = attempts.map((a) => settleAttempt(a, assignment, now));
  const open = settled.find((a) => a.status === "in_progress");
  if (open) return { kind: "resume", attemptNumber: open.attemptNumber };
  if (now.getTime() < assignment.opensAt.getTime()) return { kind: "refused", reason: "not_open" };
  const isLate = now.getTime() >= assignment.dueAt.getTime();
  if (isLate && !assignment.acceptLate) return { kind: "refused", reason: "closed" };
  if (attempts.length >= assignment.attemptsAllowed) return { kind: "refused", reason: "no_attempts_left" };
  const lastNumber = attempts.reduce((max, a) => Math.max(max, a.attemptNumber), 0);
  return { kind: "start", attemptNumber: lastNumber + 1, isLate };
}

/** How many attempts are left (never negative). */
export function countAttemptsLeft(attempts: readonly AttemptFacts[], attemptsAllowed: number): number {
  return Math.max(0, attemptsAllowed - attempts.length);
}
