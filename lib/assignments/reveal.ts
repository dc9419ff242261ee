import type { AttemptStatus, RevealPolicy } from "./policies";

export interface RevealDecision {
  /** Whether correctness, the right answer and the explanation may be shown now. */
  isRevealed: boolean;
  /**
   * When they will be shown, for the learner's notice: "submit" (once the attempt is
   * submitted), the due date, or null when already shown.
   */
  revealsAt: "submit" | Date | null;
}

/**
 * Whether an attempt's answers and explanations may be shown at `now` (decided on the server;
 * the browser only ever gets what this allows):
 * - "immediate": always, question by question;
 * - "after_submit": once the attempt is finished (submitted or timed out);
 * - "after_due": once the attempt is finished AND the due date has passed (an attempt still
 *   open after the due date, late work being accepted, sees nothing until it is finished).
 * Pass the attempt's status after settling its deadline.
 */
export function decideReveal(policy: RevealPolicy, attempt: { status: AttemptStatus }, dueAt: Date, now: Date): RevealDecision {
  if (policy === "immediate") return { isRevealed: true, revealsAt: null };
  const isFinished = attempt.status !== "in_progress";
  if (policy === "after_submit") return isFinished ? { isRevealed: true, revealsAt: null } : { isRevealed: false, revealsAt: "submit" };
  const isDue = now.getTime() >= dueAt.getTime();
  if (isFinished && isDue) return { isRevealed: true, revealsAt: null };
  return { isRevealed: false, revealsAt: dueAt };
}
