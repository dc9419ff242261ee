import { getRequestLocale } from "@/lib/i18n/request";
import { reviewAttempt } from "@/lib/server/attempts";
import { z } from "zod";
import { createRoute, idParam } from "@/lib/server/route";

/**
 * GET /api/progress/attempts/<quizId>: the review of one of the session user's quizzes as
 * JSON (what /history/<quizId> shows). Another learner's quiz, an unknown id and no session
 * are all the same 404, so the answer reveals nothing about whether the quiz exists.
 */
export const GET = createRoute({ params: z.object({ quizId: idParam }), access: "user", denyAs: "notFound" }, async ({ user, params: { quizId } }) => {
  const attempt = await reviewAttempt(user.id, quizId, await getRequestLocale());
  return Response.json(attempt, { headers: { "cache-control": "private, no-store" } });
});
