import type { AssignmentVariant } from "./policies";

/**
 * The question seed of a learner's attempt. "same": the assignment's seed, so every learner
 * gets the same questions in the same order (and per-position statistics compare like with
 * like). "individual": derived from the assignment's seed and the learner's id, so each
 * learner gets their own variant, the same one again on every attempt and device.
 */
export function getAttemptSeed(variant: AssignmentVariant, assignmentSeed: string, userId: string): string {
  return variant === "same" ? assignmentSeed : `${assignmentSeed}:${userId}`;
}
