import { startAssignmentAttempt } from "@/lib/server/assignments";
import { z } from "zod";
import { createRoute, idParam } from "@/lib/server/route";

/**
 * POST /api/assignments/<assignmentId>/attempts
 *
 * Starts the signed-in learner's next attempt at an assignment, or resumes the open one
 * (the same rules as the "Start" button, see `startAssignmentAttempt`). 201 `{ quizId }` for
 * a new attempt, 200 `{ quizId, resumed: true }` for an open one. Errors are JSON
 * `{ message }` in the learner's language: 401 not signed in, 403 sent from another origin,
 * 404 no such assignment in a class the learner is in (including one they were removed
 * from), 409 not open yet, closed, or no attempts left.
 */
export const POST = createRoute({ params: z.object({ assignmentId: idParam }), access: "account" }, async ({ user, params: { assignmentId } }) => {
  const { quizId, isResumed } = await startAssignmentAttempt(user.id, assignmentId);
  return Response.json(isResumed ? { quizId, resumed: true } : { quizId }, { status: isResumed ? 200 : 201, headers: { "cache-control": "no-store" } });
});
