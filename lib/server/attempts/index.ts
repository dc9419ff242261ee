/**
 * Attempts: the owner of what a learner may see of a quiz attempt. Readers import from here.
 */
export { reviewAttempt } from "./review";
