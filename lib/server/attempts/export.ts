import { settleAttemptForRead, settleExpiredAttempts } from "./assignment-rules";
import { db } from "../db";
import { splitStoredFactIds } from "../fact-sets";

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * A learner's attempts for the account export: the learner's own data, not the answer key.
 * Each quiz with its settings and timestamps; each question with its type and facts, and,
 * when answered, the learner's response, time and timestamp. The rule (the review's, see
 * ./review.ts, made stricter for a file that leaves the app):
 * - the quiz seed is never exported (it regenerates every question with its answer);
 * - a question's spec (correct answer and distractor truth) only for a question the learner
 *   answered, and only once the reveal policy reveals it;
 * - grades (per question, per fact and the quiz's score) only once the policy reveals them.
 * Guests export the same way. Attempts past their deadline are settled first.
 */
export async function exportAttempts(userId: string, now: Date) {
  await settleExpiredAttempts({ userId }, now);
  const [quizzes, answerFacts] = await Promise.all([
    db.quiz.findMany({
      where: { userId },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        factSetId: true,
        factSetVersion: true,
        mode: true,
        settings: true,
        status: true,
        questionCount: true,
        correctCount: true,
        score: true,
        startedAt: true,
        finishedAt: true,
        deadlineAt: true,
        assignmentId: true,
        attemptNumber: true,
        sourceQuizId: true,
        questions: {
          orderBy: { position: "asc" },
          select: {
            position: true,
            type: true,
            kind: true,
            spec: true,
            factIds: true,
            answer: { select: { id: true, response: true, correct: true, score: true, answeredAt: true, durationMs: true } },
          },
        },
      },
    }),
    db.answerFact.findMany({
      where: { userId },
      orderBy: { answeredAt: "asc" },
      select: { id: true, answerId: true, factSetId: true, factId: true, correct: true, answeredAt: true, answer: { select: { quizId: true } } },
    }),
  ]);

  const withheldQuizIds = new Set<string>();
  for (const quiz of quizzes) {
    if (!quiz.assignmentId) continue;
    const context = await settleAttemptForRead(userId, quiz.id, now);
    if (context && !context.reveal.isRevealed) withheldQuizIds.add(quiz.id);
  }

  return {
    quizzes: quizzes.map(({ settings, questions, correctCount, score, ...quiz }) => {
      const isWithheld = withheldQuizIds.has(quiz.id);
      return {
        ...quiz,
        settings: parseJson(settings),
        gradesWithheld: isWithheld,
        correctCount: isWithheld ? null : correctCount,
        score: isWithheld ? null : score,
        questions: questions.map(({ spec, factIds, answer, ...question }) => ({
          ...question,
          factIds: splitStoredFactIds(factIds),
          spec: answer && !isWithheld ? parseJson(spec) : null,
          answer: answer && {
            id: answer.id,
            response: parseJson(answer.response),
            answeredAt: answer.answeredAt,
            durationMs: answer.durationMs,
            correct: isWithheld ? null : answer.correct,
            score: isWithheld ? null : answer.score,
          },
        })),
      };
    }),
    answerFacts: answerFacts
      .filter((fact) => !withheldQuizIds.has(fact.answer.quizId))
      .map(({ answer: _answer, ...fact }) => fact),
  };
}
