import { randomBytes } from "node:crypto";
import type { Locale } from "../../facts/schema";
import { gradeResponse } from "../../grading/grade-response";
import type { QuestionSpec, Response } from "../../questions/types";
import { getCachedFactSet, splitStoredFactIds } from "../fact-sets";
import { hashSessionToken, judgeSession } from "../session";
import { type AttemptRulesRow, assertAttemptAcceptsAnswers, withRevealPolicy } from "./assignment-rules";
import { type AnswerContextRow, type AnswerStore, getAnswerStore } from "./answer-sql";
import { type AnswerResult, InvalidResponseError, maxAnswerDurationMs, revealOnce } from "./quizzes";
import { ConflictError } from "../errors";

/**
 * The answer route's hot path: `recordAnswer` with one read and one write instead of about
 * fourteen Prisma statements (docs/benchmarks.md). The same rules, held by the same code
 * where they are decisions (the grader, the assignment rules, the reveal policy):
 *
 * - one read (answer-sql.ts): the session by its token's hash, the quiz of that session's
 *   user, the current and previous question with their answers, the assignment rules and the
 *   fact set's checksum;
 * - cheap refusals right after it, before grading: a position the quiz does not have (400),
 *   finished (409), out of turn (409), an assignment past its deadline or a learner no longer
 *   in the class (409);
 * - grading in memory against the cached parse of the fact set;
 * - one write: the answer, its facts and the quiz's progress, guarded by the quiz still being
 *   at this position.
 *
 * Everything off the common path returns null, and the caller answers through the Prisma path
 * (session.ts's validation, then `recordAnswer`), which decides it exactly as before: no or an
 * expired session, a session due for its daily refresh, an unknown quiz, a question answered
 * before (its stored result), a race lost to another submission, a fact set not parsed yet, a
 * busy SQLite database.
 */
export async function recordAnswerFast(
  sessionToken: string,
  quizId: string,
  position: number,
  response: Response,
  now: Date = new Date(),
  locale: Locale = "de",
  store: AnswerStore = getAnswerStore(),
): Promise<AnswerResult | null> {
  const rows = await store.readContext(hashSessionToken(sessionToken), quizId, position);
  const first = rows[0];
  if (!first) return null;
  // The session policy is session.ts's (judgeSession, as validateSessionToken decides). Only a
  // "valid" session answers here: an expired one (deleted on sight) and one due for its daily
  // extension (a write) go to validateSessionToken through the Prisma path.
  if (judgeSession({ expiresAt: first.sessionExpiresAt, lastSeenAt: first.sessionLastSeenAt }, now) !== "valid") return null;

  const question = rows.find((row) => row.questionId !== null && row.position === position);
  const quiz = toAttemptRules(first);
  // Deadline (finishing the attempt) and membership, as recordAnswer applies them first.
  await assertAttemptAcceptsAnswers(quiz, now);
  if (!question) throw new InvalidResponseError(`quiz ${quizId} has no question at position ${position}`);
  if (question.answerCorrect !== null) return null; // answered before: its stored result, from recordAnswer
  if (first.status !== "in_progress") throw new ConflictError(`quiz ${quizId} is ${first.status.replace("_", " ")}`);
  if (position !== first.currentIndex) {
    throw new ConflictError(`question ${position + 1} cannot be answered yet: the current question is ${first.currentIndex + 1}`);
  }

  const factSet = first.checksum ? getCachedFactSet(first.checksum) : undefined;
  if (!factSet) return null;
  const spec = JSON.parse(question.spec!) as QuestionSpec;
  const grade = gradeResponse(spec, response, factSet);
  const previousAnswerAt = rows.find((row) => row.position === position - 1)?.answerAnsweredAt ?? null;
  const since = Math.max(previousAnswerAt?.getTime() ?? 0, first.startedAt.getTime());
  const durationMs = Math.min(Math.max(0, now.getTime() - since), maxAnswerDurationMs);
  const isLast = position + 1 >= first.questionCount;
  const answerId = newId();

  let outcome: "written" | "moved";
  try {
    outcome = await store.write({
      answerId,
      quizId: first.quizId,
      questionId: question.questionId!,
      userId: first.userId,
      factSetId: first.factSetId,
      questionType: question.type!,
      kind: question.kind!,
      response: JSON.stringify(response),
      correct: grade.correct,
      score: grade.score,
      scoreIncrement: grade.score / first.questionCount,
      answeredAt: now,
      durationMs: Math.round(durationMs),
      position,
      isLast,
      facts: splitStoredFactIds(question.factIds ?? "").map((factId) => ({ id: newId(), factId })),
    });
  } catch {
    // A unique violation (answered meanwhile) or a busy database: recordAnswer settles it.
    return null;
  }
  if (outcome === "moved") return null;

  const result: AnswerResult = {
    correct: grade.correct,
    score: grade.score,
    reveal: revealOnce(question.spec!, spec, factSet, locale),
    finished: isLast,
    nextPosition: isLast ? null : position + 1,
    correctCount: first.correctCount + (grade.correct ? 1 : 0),
    alreadyAnswered: false,
  };
  return withRevealPolicy(result, quiz, isLast ? "finished" : "in_progress", now);
}

function toAttemptRules(row: AnswerContextRow): AttemptRulesRow {
  return {
    id: row.quizId,
    status: row.status,
    deadlineAt: row.deadlineAt,
    assignment:
      row.assignmentId && row.dueAt
        ? {
            dueAt: row.dueAt,
            acceptLate: Boolean(row.acceptLate),
            revealPolicy: row.revealPolicy ?? "after_due",
            class: { archivedAt: row.archivedAt, members: row.memberUserId ? [{ removedAt: row.removedAt }] : [] },
          }
        : null,
  };
}

/** A collision-resistant id in the shape of Prisma's cuid() (25 characters, "c" first): time, then 80 random bits. */
function newId(): string {
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`).toString(36).padStart(16, "0");
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`.slice(0, 25);
}
