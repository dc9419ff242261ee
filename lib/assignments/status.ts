import type { AssignmentStatus, AssignmentTiming, AttemptFacts } from "./policies";
import { settleAttempt } from "./time-limit";

/**
 * A learner's status on an assignment at `now`, from their attempts (timed-out attempts are
 * settled here first, so a closed browser does not leave an attempt "in progress"):
 * - "in_progress": an attempt is open (wins over anything submitted earlier: the learner can resume);
 * - "submitted": at least one attempt was finished by the due date;
 * - "late": attempts were finished, but all after the due date;
 * - "missed": nothing submitted and the due date has passed (late work may still be
 *   accepted, see `decideStart`);
 * - "not_started": nothing yet, and the due date is still ahead (whether or not it is open).
 */
export function getAssignmentStatus(attempts: readonly AttemptFacts[], timing: AssignmentTiming, now: Date): AssignmentStatus {
  const settled = attempts.map((a) => settleAttempt(a, timing, now));
  if (settled.some((a) => a.status === "in_progress")) return "in_progress";
  const finished = settled.filter((a) => a.finishedAt !== null);
  if (finished.length > 0) {
    return finished.some((a) => a.finishedAt!.getTime() <= timing.dueAt.getTime()) ? "submitted" : "late";
  }
  return now.getTime() >= timing.dueAt.getTime() ? "missed" : "not_started";
}

/** Whether a submission at `finishedAt` is late. */
export function isLateSubmission(finishedAt: Date, timing: Pick<AssignmentTiming, "dueAt">): boolean {
  return finishedAt.getTime() > timing.dueAt.getTime();
}
