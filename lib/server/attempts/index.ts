/**
 * Attempts: the one owner of the Quiz, QuizQuestion, Answer and AnswerFact tables (held by
 * ownership-scan.test.ts) and of what a learner may see of an attempt. One idea per file:
 *
 * - quizzes.ts: start, play and answer a quiz (grading, the per-fact evidence), the summary;
 * - assignment-rules.ts: an assignment attempt's deadline, settling and reveal decision;
 * - review.ts: reviewAttempt, the one review a learner reads (reveal policy applied once);
 * - export.ts: the learner's attempts for the account export, without the answer key;
 * - attempt-rows.ts: attempt rows for the assignment rules (start, status, scoring);
 * - learner-stats.ts: aggregates for the dashboard, history list and mastery;
 * - class-reports.ts: a teacher's gradebook and CSV answer reads;
 * - ownership.ts: moving and counting attempts for account merge and deletion.
 */
export { reviewAttempt } from "./review";
export { exportAttempts } from "./export";
export { countLearnerAttemptsInClassesOf, moveAttempts } from "./ownership";
