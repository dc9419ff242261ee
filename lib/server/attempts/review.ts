import type { AttemptReview, ReviewedQuestion } from "../../definitions/attempts";
import type { Locale } from "../../facts/schema";
import { describeResponse } from "../../progress/describe-response";
import { renderQuestion, revealQuestion } from "../../questions/render-question";
import type { QuestionSpec, Response } from "../../questions/types";
import { type AttemptContext, settleAttemptForRead } from "./assignment-rules";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { getFactSetVersion } from "../fact-sets";

/**
 * The one review of an attempt: every reader that shows a learner an attempt (summary page,
 * history page, attempt API, export) goes through this, so the reveal rule is decided once.
 *
 * The rule, question by question:
 * - an assignment attempt whose reveal policy withholds (lib/assignments/reveal.ts, after
 *   settling its deadline): prompt and the learner's own response only; no grade, correct
 *   answer, explanation or source, for any question;
 * - otherwise an answered question shows its grade, correct answer, explanation and source;
 * - an unanswered question shows them only once the quiz is no longer in progress.
 *
 * NotFoundError for an unknown quiz or another user's.
 */
export async function reviewAttempt(
  userId: string,
  quizId: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<AttemptReview & { assignment: AttemptContext | null }> {
  // An assignment attempt past its deadline is finished before it is read.
  const assignment = await settleAttemptForRead(userId, quizId, now);
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, userId },
    select: {
      id: true,
      factSetId: true,
      factSetVersion: true,
      mode: true,
      status: true,
      questionCount: true,
      correctCount: true,
      score: true,
      startedAt: true,
      finishedAt: true,
      questions: {
        orderBy: { position: "asc" },
        select: { position: true, spec: true, answer: { select: { response: true, correct: true, score: true, durationMs: true } } },
      },
    },
  });
  if (!quiz) throw new NotFoundError(`quiz ${quizId}`);
  const factSet = await getFactSetVersion(quiz.factSetId, quiz.factSetVersion);
  const withheld = assignment && !assignment.reveal.isRevealed ? { revealsAt: assignment.reveal.revealsAt ?? "submit" } : null;
  const isOpen = quiz.status === "in_progress";

  const questions = quiz.questions.map((row): ReviewedQuestion => {
    const spec = JSON.parse(row.spec) as QuestionSpec;
    const answer = row.answer;
    const mayReveal = !withheld && (answer !== null || !isOpen);
    const reveal = mayReveal ? revealQuestion(spec, factSet, locale) : null;
    return {
      position: row.position,
      type: spec.type,
      kind: spec.kind,
      prompt: renderQuestion(spec, factSet, locale).prompt,
      givenAnswer: answer ? describeResponse(spec, JSON.parse(answer.response) as Response, factSet, locale) : null,
      correctAnswer: reveal?.correctAnswer ?? null,
      explanation: reveal?.explanation ?? null,
      source: reveal?.source ?? null,
      quote: reveal?.quote ?? null,
      references: reveal?.references ?? [],
      correct: answer && !withheld ? answer.correct : null,
      score: answer && !withheld ? answer.score : null,
      durationMs: answer ? answer.durationMs : null,
    };
  });

  return {
    id: quiz.id,
    factSetId: quiz.factSetId,
    topicTitle: factSet.title[locale],
    mode: quiz.mode,
    status: quiz.status,
    questionCount: quiz.questionCount,
    answeredCount: quiz.questions.filter((q) => q.answer).length,
    correctCount: withheld ? null : quiz.correctCount,
    score: withheld ? null : quiz.score,
    startedAt: quiz.startedAt,
    finishedAt: quiz.finishedAt,
    durationMs: questions.reduce((sum, q) => sum + (q.durationMs ?? 0), 0),
    withheld,
    questions,
    assignment,
  };
}
