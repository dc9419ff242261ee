import { getRequestLocale } from "@/lib/i18n/request";
import { NotFoundError } from "@/lib/server/errors";
import { reviewAttempt } from "@/lib/server/attempts";
import { getSessionUser } from "@/lib/server/session";

/**
 * GET /api/progress/attempts/<quizId>: the review of one of the session user's quizzes as
 * JSON (what /history/<quizId> shows). Another learner's quiz, an unknown id and no session
 * are all the same 404, so the answer reveals nothing about whether the quiz exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ quizId: string }> }): Promise<Response> {
  const { quizId } = await params;
  const notFound = () => Response.json({ error: "quiz not found" }, { status: 404, headers: { "cache-control": "no-store" } });
  const user = await getSessionUser();
  if (!user) return notFound();
  try {
    const attempt = await reviewAttempt(user.id, quizId, await getRequestLocale());
    return Response.json(attempt, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
