import { startAssignmentAttempt } from "@/lib/server/assignments";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { getSessionUser, isAccountUser } from "@/lib/server/session";

/**
 * POST /api/assignments/<assignmentId>/attempts
 *
 * Starts the signed-in learner's next attempt at an assignment, or resumes the open one
 * (the same rules as the "Start" button, see `startAssignmentAttempt`). 201 `{ quizId }` for
 * a new attempt, 200 `{ quizId, resumed: true }` for an open one. Errors are JSON
 * `{ error }`: 401 not signed in, 404 no such assignment in a class the learner is in
 * (including one they were removed from), 409 not open yet, closed, or no attempts left.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }): Promise<Response> {
  const { assignmentId } = await params;
  const user = await getSessionUser();
  if (!isAccountUser(user)) return failure(401, "sign in first");
  try {
    const { quizId, isResumed } = await startAssignmentAttempt(user.id, assignmentId);
    return Response.json(isResumed ? { quizId, resumed: true } : { quizId }, { status: isResumed ? 200 : 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return failure(404, "assignment not found");
    if (error instanceof ConflictError) return failure(409, error.message);
    throw error;
  }
}

function failure(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}
