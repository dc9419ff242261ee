import { getTranslations } from "next-intl/server";
import { getRequestLocale } from "@/lib/i18n/request";
import { attemptMessages, toAnswerReply } from "@/lib/server/attempts/assignment-rules";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { answerInput, InvalidResponseError, recordAnswer } from "@/lib/server/attempts/quizzes";
import { getSessionUser } from "@/lib/server/session";

/**
 * POST /api/quizzes/<quizId>/answers  { position, response }
 *
 * Grades and stores one answer (see `recordAnswer`). 200 with the grade and the reveal;
 * the same question answered again is 200 with the stored result and `alreadyAnswered`.
 * Errors are JSON `{ error }`: 400 malformed or not fitting the question, 404 unknown or
 * another learner's quiz, 409 out of turn or finished (or, for an assignment attempt, after its
 * deadline or from a learner no longer in the class), 413 too large, 415 not JSON. Those two
 * assignment refusals also carry `message`, in the learner's language: the learner must
 * understand them, where the others are a client's or a tamperer's mistakes. While an
 * assignment's reveal policy withholds answers, 200 is only `{ withheld, finished, nextPosition, alreadyAnswered }`.
 * Also the load benchmark's target: the session, the quiz read, the fact set's checksum and one
 * transaction (docs/benchmarks.md counts its statements).
 */

/** A real answer is a few hundred bytes; anything near this is not one. */
const maxBodyBytes = 8 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ quizId: string }> }): Promise<Response> {
  const { quizId } = await params;
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return failure(415, "send the answer as application/json");
  }
  const body = await readBody(request, maxBodyBytes);
  if (body === null) return failure(413, `the request body is larger than ${maxBodyBytes} bytes`);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure(400, "the request body is not valid JSON");
  }
  const input = answerInput.safeParse(json);
  if (!input.success) {
    const issue = input.error.issues[0];
    return failure(400, `invalid answer: ${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unexpected shape"}`);
  }

  // No session means no quiz of this learner: the same 404 as another learner's quiz.
  const user = await getSessionUser();
  if (!user) return failure(404, "quiz not found");

  try {
    const result = await recordAnswer(user.id, quizId, input.data.position, input.data.response, new Date(), await getRequestLocale());
    // Assignment attempts: grade and reveal stay on the server while the reveal policy withholds them.
    return Response.json(toAnswerReply(result), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return failure(404, "quiz not found");
    if (error instanceof InvalidResponseError) return failure(400, error.message);
    if (error instanceof ConflictError) return failure(409, error.message, await learnerMessage(error.message));
    throw error;
  }
}

function failure(status: number, error: string, message?: string): Response {
  return Response.json(message ? { error, message } : { error }, { status, headers: { "cache-control": "no-store" } });
}

/** The catalog text of an assignment attempt's refusal (its message is a catalog key), else nothing. */
async function learnerMessage(key: string): Promise<string | undefined> {
  if (!(Object.values(attemptMessages) as string[]).includes(key)) return undefined;
  const t = await getTranslations({ locale: await getRequestLocale(), namespace: "classes.errors" });
  return t(key.replace(/^classes\.errors\./, "") as "timeUp");
}

/** The body as text, or null once it exceeds `limit` bytes (the rest is not read). */
async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
