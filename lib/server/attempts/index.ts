/**
 * Attempts: the owner of what a learner may see of a quiz attempt. Readers import from here:
 * - reviewAttempt: the one review (pages, attempt API, quiz summary), reveal policy applied;
 * - exportAttempts: the learner's attempts for the account export, without the answer key.
 */
export { exportAttempts } from "./export";
export { reviewAttempt } from "./review";
