import type { AttemptFacts, ScoringPolicy } from "./policies";

/** The score that counts for a learner, and the attempt it comes from. */
export interface CountedScore {
  /** 0..1; null when no attempt has been submitted. */
  score: number | null;
  /** The attempt whose score counts (best/last); null for "average" or when nothing counts. */
  attempt: AttemptFacts | null;
  /** How many submitted (finished) attempts went into the score. */
  submittedCount: number;
}

/**
 * The score of a learner on an assignment under its scoring policy. Only finished attempts
 * count (an attempt in progress has no score yet; settle timed-out attempts first):
 * - "best": the highest score; on a tie, the earlier attempt;
 * - "last": the attempt with the highest attempt number;
 * - "average": the mean of all finished attempts.
 */
export function scoreAttempts(policy: ScoringPolicy, attempts: readonly AttemptFacts[]): CountedScore {
  const finished = attempts.filter((a) => a.status !== "in_progress").sort((a, b) => a.attemptNumber - b.attemptNumber);
  if (finished.length === 0) return { score: null, attempt: null, submittedCount: 0 };
  switch (policy) {
    case "best": {
      const best = finished.reduce((top, a) => (a.score > top.score ? a : top));
      return { score: best.score, attempt: best, submittedCount: finished.length };
    }
    case "last": {
      const last = finished[finished.length - 1]!;
      return { score: last.score, attempt: last, submittedCount: finished.length };
    }
    case "average": {
      const sum = finished.reduce((total, a) => total + a.score, 0);
      return { score: sum / finished.length, attempt: null, submittedCount: finished.length };
    }
  }
}

/**
 * Time taken on the counted attempt (start to submission); for "average", the mean over the
 * finished attempts. Null when nothing is submitted.
 */
export function getTimeTakenMs(policy: ScoringPolicy, attempts: readonly AttemptFacts[]): number | null {
  const counted = scoreAttempts(policy, attempts);
  const duration = (a: AttemptFacts) => Math.max(0, (a.finishedAt ?? a.startedAt).getTime() - a.startedAt.getTime());
  if (counted.attempt) return duration(counted.attempt);
  const finished = attempts.filter((a) => a.status !== "in_progress");
  if (finished.length === 0) return null;
  return finished.reduce((sum, a) => sum + duration(a), 0) / finished.length;
}
