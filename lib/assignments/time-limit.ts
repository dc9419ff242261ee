import type { AssignmentTiming, AttemptFacts } from "./policies";

/**
 * Time rules of assignment attempts. Stateless on purpose: an attempt ends when the server's
 * clock passes its deadline, whether or not anyone is looking, so every reader (the quiz,
 * the learner's list, the gradebook) applies `settleAttempt` with its own `now`, and no
 * in-process timer is needed (several app instances may run).
 */

/**
 * The server's deadline of an attempt started at `startedAt`: start + time limit, capped by
 * nothing else (the due date is applied separately, see `getEffectiveDeadline`). Null for
 * an untimed assignment.
 */
export function computeDeadline(startedAt: Date, timeLimitSeconds: number | null | undefined): Date | null {
  if (timeLimitSeconds === null || timeLimitSeconds === undefined) return null;
  if (!Number.isFinite(timeLimitSeconds) || timeLimitSeconds <= 0) throw new RangeError(`time limit must be positive, got ${timeLimitSeconds}`);
  return new Date(startedAt.getTime() + timeLimitSeconds * 1000);
}

/**
 * The moment an attempt stops accepting answers: its own deadline (time limit) or, when the
 * teacher refuses late work, the due date, whichever comes first. Null when nothing ends it
 * (untimed, late work accepted).
 */
export function getEffectiveDeadline(attempt: Pick<AttemptFacts, "deadlineAt">, timing: Pick<AssignmentTiming, "dueAt" | "acceptLate">): Date | null {
  const candidates = [attempt.deadlineAt, timing.acceptLate ? null : timing.dueAt].filter((d): d is Date => d !== null);
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** A deadline is the instant the attempt ends: at and after it, no answer is accepted. */
export function isPastDeadline(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() >= deadline.getTime();
}

/** Milliseconds left before `deadline` (never negative); null when there is no deadline. */
export function getRemainingMs(deadline: Date | null, now: Date): number | null {
  return deadline === null ? null : Math.max(0, deadline.getTime() - now.getTime());
}

/**
 * The attempt as it stands at `now`: an attempt still in progress past its effective deadline
 * is finished, at the deadline (not at `now`: it was submitted when time ran out, even if
 * nobody looked until later). Unanswered questions stay unanswered and count as wrong (the
 * stored score is already the share of the whole attempt). Anything else is returned as it is.
 */
export function settleAttempt<A extends AttemptFacts>(attempt: A, timing: Pick<AssignmentTiming, "dueAt" | "acceptLate">, now: Date): A {
  if (attempt.status !== "in_progress") return attempt;
  const deadline = getEffectiveDeadline(attempt, timing);
  if (!isPastDeadline(deadline, now)) return attempt;
  return { ...attempt, status: "finished", finishedAt: deadline };
}

/** Whether `settleAttempt` would finish this attempt: the data layer writes only those. */
export function needsSettling(attempt: AttemptFacts, timing: Pick<AssignmentTiming, "dueAt" | "acceptLate">, now: Date): boolean {
  return settleAttempt(attempt, timing, now) !== attempt;
}
