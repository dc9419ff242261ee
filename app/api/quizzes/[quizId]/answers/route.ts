import { getRequestLocale } from "@/lib/i18n/request";
import { recordAnswerFast } from "@/lib/server/attempts/answer-hot-path";
import { toAnswerReply } from "@/lib/server/attempts/assignment-rules";
import { answerInput, InvalidResponseError, recordAnswer } from "@/lib/server/attempts/quizzes";
import { z } from "zod";
import { NotFoundError } from "@/lib/server/errors";
import { createRoute, idParam, RouteError } from "@/lib/server/route";
import { getCurrentSessionToken, getSessionUser } from "@/lib/server/session";

/**
 * POST /api/quizzes/<quizId>/answers  { position, response }
 *
 * Grades and stores one answer (see `recordAnswer`). 200 with the grade and the reveal;
 * the same question answered again is 200 with the stored result and `alreadyAnswered`.
 * Errors are JSON `{ message }` in the learner's language (see `createRoute`): 400 malformed
 * or not fitting the question, 403 sent from another origin, 404 unknown or another
 * learner's quiz (no session too: no quiz of this learner), 409 out of turn or finished (or,
 * for an assignment attempt, after its deadline or from a learner no longer in the class),
 * 413 too large, 415 not JSON. While an assignment's reveal policy withholds answers, 200 is
 * only `{ withheld, finished, nextPosition, alreadyAnswered }`.
 * Also the load benchmark's target. The session is read with the quiz (`access: "none"` here:
 * recordAnswerFast's one read checks it), so the cheap refusals (origin 403, 415, 413, 400)
 * come before any database read; whatever is off the common path goes through the session
 * check and `recordAnswer` as before (see answer-hot-path.ts).
 */

/** A real answer is a few hundred bytes; anything near this is not one. */
const maxBodyBytes = 8 * 1024;

export const POST = createRoute(
  { params: z.object({ quizId: idParam }), access: "none", input: answerInput, maxBodyBytes },
  async ({ input, params: { quizId } }) => {
    try {
      const now = new Date();
      const locale = await getRequestLocale();
      const token = await getCurrentSessionToken();
      let result = token ? await recordAnswerFast(token, quizId, input.position, input.response, now, locale) : null;
      if (!result) {
        // No session is "no quiz of this learner", as for any other learner's quiz.
        const user = await getSessionUser();
        if (!user) throw new NotFoundError(`quiz ${quizId}`);
        result = await recordAnswer(user.id, quizId, input.position, input.response, now, locale);
      }
      // Assignment attempts: grade and reveal stay on the server while the reveal policy withholds them.
      return Response.json(toAnswerReply(result), { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof InvalidResponseError) throw new RouteError(400, "actions.badRequest");
      throw error;
    }
  },
);
