import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { FactSet, Locale } from "../../facts/schema";
import { gradeResponse, InvalidResponseError } from "../../grading/grade-response";
import { generateQuestions } from "../../questions/generate-questions";
import { renderQuestion, revealQuestion } from "../../questions/render-question";
import {
  type PublicQuestion,
  type QuestionKind,
  type QuestionReveal,
  type QuestionSpec,
  type QuestionType,
  type Response,
  type SourceLink,
  type SourceQuote,
  questionTypes,
} from "../../questions/types";
import {
  type AttemptContext,
  type RevealWithheld,
  assertAttemptAcceptsAnswers,
  attemptRulesSelect,
  settleAttemptForRead,
  withRevealPolicy,
} from "./assignment-rules";
import { reviewAttempt } from "./review";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, isRecordNotFound, isUniqueViolation } from "../errors";
import { getFactSetVersion, getVisibleFactSet, splitStoredFactIds } from "../fact-sets";

/**
 * Quizzes: starting one, playing it question by question, and its summary. Part of the
 * attempts owner (lib/server/attempts/), the only code that touches the Quiz, QuizQuestion,
 * Answer and AnswerFact tables. Every function takes the
 * acting user's id and scopes its queries by it: another learner's quiz is "not found".
 *
 * Rules held here:
 * - A question's spec (with the answer) never leaves this module before it is answered:
 *   callers get a PublicQuestion to show, and the reveal only with the grade.
 * - Grading happens here, on the server, against the stored spec.
 * - Questions are answered in order, each exactly once: a second answer to the same question
 *   returns the stored result and changes nothing (Answer.quizQuestionId is unique).
 * - An answer, its per-fact evidence and the quiz's progress are written in one transaction.
 */

export { InvalidResponseError };

/** Longest self-study quiz a learner can ask for. */
export const maxQuizLength = 50;
/** Time on one question is capped: a learner who walks away does not take an hour to answer. */
export const maxAnswerDurationMs = 10 * 60 * 1000;

/** Modes of practice quizzes this module starts (assignment attempts are started elsewhere). */
export const quizModes = ["self", "mistakes", "weak-spots"] as const;
export type QuizMode = (typeof quizModes)[number];
export type QuizStatus = "in_progress" | "finished" | "expired";

/** A question type the generator knows, as submitted by a form or request. */
const questionTypeInput = z.enum(questionTypes);

/** What a learner chooses on the start screen. */
export const startQuizInput = z.object({
  factSetId: z.string().min(1).max(100),
  types: z
    .array(questionTypeInput)
    .min(1)
    .transform((types) => [...new Set(types)]),
  count: z.number().int().min(1).max(maxQuizLength),
});
export type StartQuizInput = z.input<typeof startQuizInput>;

/** Everything `createQuiz` accepts: the learner's choice plus what the app adds (mode, a fact filter). */
export const newQuizInput = startQuizInput.extend({
  mode: z.enum(quizModes).default("self"),
  factIds: z.array(z.string().min(1).max(100)).max(500).optional(),
  sourceQuizId: z.string().min(1).max(64).optional(),
});
export type NewQuizInput = z.input<typeof newQuizInput>;

/** Option values, fact ids and keys are short identifiers; anything longer is not an answer. */
const optionValue = z.string().max(100);

/** A learner's response, by kind. Whether the values are the question's options is checked in grading. */
export const responseInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("single"), value: optionValue }),
  z.object({ kind: z.literal("multi"), values: z.array(optionValue).max(20) }),
  z.object({ kind: z.literal("order"), values: z.array(optionValue).max(20) }),
  z.object({
    kind: z.literal("match"),
    pairs: z.record(optionValue, optionValue).refine((pairs) => Object.keys(pairs).length <= 20, "too many pairs"),
  }),
  z.object({ kind: z.literal("text"), text: z.string().max(200) }),
  z.object({ kind: z.literal("map"), value: optionValue }),
]);

/** The body of an answer submission: which question (0-based position) and the response. */
export const answerInput = z.object({
  position: z.number().int().min(0).max(10_000),
  response: responseInput,
});
export type AnswerInput = z.infer<typeof answerInput>;

/** Settings stored with a quiz, so "practise my mistakes" can reuse its question types. */
const quizSettings = z.object({
  types: z.array(questionTypeInput),
  count: z.number().int(),
  factIds: z.array(z.string()).optional(),
});

/** The new quiz's id and how many questions it got (fewer than asked only when the facts run out). */
export interface CreatedQuiz {
  id: string;
  questionCount: number;
}

/**
 * What makes a quiz an assignment attempt (lib/server/assignments.ts decides all of it): the
 * assignment's seed (or the learner's variant), the attempt's number and server deadline, and
 * the caller's transaction, in which the attempt limit was checked.
 */
export interface AssignmentAttemptOptions {
  client: Tx;
  seed: string;
  assignmentId: string;
  attemptNumber: number;
  deadlineAt: Date | null;
}

/**
 * Starts a quiz: generates its questions from the stored fact set with a fresh random seed
 * (kept on the quiz, so the questions can be reproduced) and writes the quiz and all its
 * questions at once. NotFoundError for an unknown fact set; ConflictError when the settings
 * allow no question at all. With `attempt`, the quiz is an assignment attempt (mode
 * "assignment") with the given seed, written in the given transaction.
 */
export async function createQuiz(userId: string, input: NewQuizInput, now: Date = new Date(), attempt?: AssignmentAttemptOptions): Promise<CreatedQuiz> {
  const { factSetId, types, count, mode, factIds, sourceQuizId } = newQuizInput.parse(input);
  // Only a set the learner may see: an outsider starting a quiz on another person's import gets not-found.
  const factSet = await getVisibleFactSet(userId, factSetId);
  const seed = attempt?.seed ?? randomBytes(8).toString("hex");
  const specs = generateQuestions(factSet, { seed, count, types, factIds });
  if (specs.length === 0) throw new ConflictError("no questions can be generated with these settings");

  const quiz = await (attempt?.client ?? db).quiz.create({
    data: {
      userId,
      factSetId,
      factSetVersion: factSet.version,
      mode: attempt ? "assignment" : mode,
      settings: JSON.stringify({ types, count, ...(factIds ? { factIds } : {}) }),
      seed,
      questionCount: specs.length,
      startedAt: now,
      sourceQuizId,
      ...(attempt ? { assignmentId: attempt.assignmentId, attemptNumber: attempt.attemptNumber, deadlineAt: attempt.deadlineAt } : {}),
      // A nested write is one transaction: a quiz never exists without its questions.
      questions: {
        createMany: {
          data: specs.map((spec, position) => ({
            position,
            type: spec.type,
            kind: spec.kind,
            spec: JSON.stringify(spec),
            factIds: spec.factIds.join(","),
          })),
        },
      },
    },
    select: { id: true, questionCount: true },
  });
  return quiz;
}

/** A quiz as the play screen needs it: where the learner is, and the current question without its answer. */
export interface QuizForPlay {
  id: string;
  mode: string;
  status: QuizStatus;
  factSetId: string;
  factSetTitle: string;
  /** 0-based position of the current (next unanswered) question; equals questionCount when done. */
  position: number;
  questionCount: number;
  correctCount: number;
  /** The current question, safe to send to the browser; null once the quiz is over. */
  question: PublicQuestion | null;
  /** For an assignment attempt: its assignment, deadline and reveal policy (lib/server/attempts/assignment-rules.ts). */
  assignment: AttemptContext | null;
}

/**
 * The current state of a quiz and its next unanswered question, rendered in `locale`.
 * Reloading or coming back later lands on the same question, because the position is the
 * quiz's stored progress. NotFoundError for an unknown quiz or another user's.
 */
export async function getQuizForPlay(userId: string, quizId: string, locale: Locale, now: Date = new Date()): Promise<QuizForPlay> {
  // An assignment attempt past its deadline is finished before it is read.
  const assignment = await settleAttemptForRead(userId, quizId, now);
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, userId },
    select: { id: true, mode: true, status: true, factSetId: true, factSetVersion: true, currentIndex: true, questionCount: true, correctCount: true },
  });
  if (!quiz) throw new NotFoundError(`quiz ${quizId}`);
  const factSet = await getFactSetVersion(quiz.factSetId, quiz.factSetVersion);
  const base = {
    id: quiz.id,
    mode: quiz.mode,
    status: quiz.status as QuizStatus,
    factSetId: quiz.factSetId,
    factSetTitle: factSet.title[locale],
    position: quiz.currentIndex,
    questionCount: quiz.questionCount,
    correctCount: quiz.correctCount,
    assignment,
  };
  if (quiz.status !== "in_progress" || quiz.currentIndex >= quiz.questionCount) return { ...base, question: null };

  const row = await db.quizQuestion.findUnique({
    where: { quizId_position: { quizId: quiz.id, position: quiz.currentIndex } },
    select: { spec: true },
  });
  if (!row) throw new NotFoundError(`question ${quiz.currentIndex} of quiz ${quizId}`);
  return { ...base, question: renderQuestion(parseSpec(row.spec), factSet, locale) };
}

/** The graded answer as the learner sees it right after answering. */
export interface AnswerResult {
  correct: boolean;
  /** Share of the answer that was right, 0..1. */
  score: number;
  reveal: QuestionReveal;
  /** Whether this answer was the last one. */
  finished: boolean;
  /** Position of the question to show next, or null when the quiz is over. */
  nextPosition: number | null;
  correctCount: number;
  /** True when the question had been answered before: the stored result, counted once. */
  alreadyAnswered: boolean;
  /** Set when the assignment's reveal policy withholds grade and reveal: the answer route sends neither (see toAnswerReply). */
  withheld?: RevealWithheld;
}

/**
 * Grades and stores the answer to the question at `position`.
 *
 * - The question must be the quiz's current one: an earlier, already answered question returns
 *   its stored result (`alreadyAnswered`, nothing written, even if the response differs); a
 *   later one, or any question of a finished quiz not yet answered, is a ConflictError.
 * - A position the quiz does not have, or a response that does not fit the question (another
 *   kind, values that are not its options), is an InvalidResponseError; nothing is written.
 * - The answer, one AnswerFact per fact it tested, and the quiz's progress (current position,
 *   correct count, score, and status/finishedAt after the last question) are written in one
 *   transaction. Two submissions racing for the same question are settled by the unique
 *   answer per question: the loser gets the winner's stored result.
 * - The time taken is measured on the server: from the previous answer (or the quiz start)
 *   to `now`, capped at `maxAnswerDurationMs`.
 *
 * NotFoundError for an unknown quiz or another user's.
 */
export async function recordAnswer(
  userId: string,
  quizId: string,
  position: number,
  response: Response,
  now: Date = new Date(),
  locale: Locale = "de",
): Promise<AnswerResult> {
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, userId },
    select: {
      id: true,
      factSetId: true,
      factSetVersion: true,
      status: true,
      currentIndex: true,
      questionCount: true,
      correctCount: true,
      startedAt: true,
      // Assignment attempts: deadline, membership and reveal policy, in this same read.
      ...attemptRulesSelect(userId),
      questions: {
        where: { position: { in: position > 0 ? [position - 1, position] : [position] } },
        select: {
          id: true,
          position: true,
          type: true,
          kind: true,
          spec: true,
          factIds: true,
          answer: { select: { correct: true, score: true, answeredAt: true } },
        },
      },
    },
  });
  if (!quiz) throw new NotFoundError(`quiz ${quizId}`);
  // Assignment attempts: no answer after the deadline (409) or from a learner no longer in the class.
  await assertAttemptAcceptsAnswers(quiz, now);
  const question = quiz.questions.find((q) => q.position === position);
  if (!question) throw new InvalidResponseError(`quiz ${quizId} has no question at position ${position}`);

  const spec = parseSpec(question.spec);
  // Graded against the facts the question was generated from, even after a re-import.
  const factSet = await getFactSetVersion(quiz.factSetId, quiz.factSetVersion);
  if (question.answer) {
    // Read again, answer first: the read above is several statements, so a submission that won
    // a race between them can show here as a stored answer beside the quiz row from before it.
    const stored = await readStoredAnswer(question.id, userId);
    if (stored) return withRevealPolicy(storedResult(stored, stored.quiz, question.spec, spec, factSet, locale), quiz, stored.quiz.status, now);
  }
  if (quiz.status !== "in_progress") throw new ConflictError(`quiz ${quizId} is ${quiz.status.replace("_", " ")}`);
  if (position !== quiz.currentIndex) {
    throw new ConflictError(`question ${position + 1} cannot be answered yet: the current question is ${quiz.currentIndex + 1}`);
  }

  const grade = gradeResponse(spec, response, factSet);
  const previousAnswerAt = quiz.questions.find((q) => q.position === position - 1)?.answer?.answeredAt;
  const since = Math.max(previousAnswerAt?.getTime() ?? 0, quiz.startedAt.getTime());
  const durationMs = Math.min(Math.max(0, now.getTime() - since), maxAnswerDurationMs);
  const isLast = position + 1 >= quiz.questionCount;

  try {
    await db.$transaction([
      db.answer.create({
        data: {
          quizId: quiz.id,
          quizQuestionId: question.id,
          userId,
          questionType: question.type,
          kind: question.kind,
          response: JSON.stringify(response),
          correct: grade.correct,
          score: grade.score,
          answeredAt: now,
          durationMs: Math.round(durationMs),
          facts: {
            createMany: {
              data: splitStoredFactIds(question.factIds).map((factId) => ({
                userId,
                factSetId: quiz.factSetId,
                factId,
                correct: grade.correct,
                answeredAt: now,
              })),
            },
          },
        },
        select: { id: true },
      }),
      // Matching on currentIndex too: if the quiz moved on meanwhile, this throws and the
      // whole transaction (the answer included) is rolled back.
      db.quiz.update({
        where: { id: quiz.id, userId, currentIndex: position, status: "in_progress" },
        data: {
          currentIndex: position + 1,
          correctCount: { increment: grade.correct ? 1 : 0 },
          // The quiz's score is the share of the whole quiz answered right, with partial credit.
          score: { increment: grade.score / quiz.questionCount },
          ...(isLast ? { status: "finished", finishedAt: now } : {}),
        },
        select: { id: true },
      }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error) || isRecordNotFound(error)) {
      // Another submission for this question won the race: report what it stored.
      const stored = await readStoredAnswer(question.id, userId);
      if (stored) return withRevealPolicy(storedResult(stored, stored.quiz, question.spec, spec, factSet, locale), quiz, stored.quiz.status, now);
      throw new ConflictError(`quiz ${quizId} changed while answering; reload it`);
    }
    throw error;
  }

  const result: AnswerResult = {
    correct: grade.correct,
    score: grade.score,
    reveal: revealOnce(question.spec, spec, factSet, locale),
    finished: isLast,
    nextPosition: isLast ? null : position + 1,
    correctCount: quiz.correctCount + (grade.correct ? 1 : 0),
    alreadyAnswered: false,
  };
  return withRevealPolicy(result, quiz, isLast ? "finished" : "in_progress", now);
}

/** Reveals rendered so far, per parsed fact set (one object per checksum, see fact-sets.ts), locale and stored spec. */
const revealsByFactSet = new WeakMap<FactSet, Map<string, QuestionReveal>>();
/** Bounds the memory of one fact set's reveals (a few hundred bytes each); past it the map starts again. */
const maxRevealsPerFactSet = 20_000;

/**
 * The reveal (correct answer, explanation, sources) of a question: the same for every learner
 * who answers the same question of the same fact set, so rendered once per fact-set checksum,
 * locale and question (`specJson`, the spec as stored) instead of once per answer.
 * The returned object is shared: callers must not change it.
 */
export function revealOnce(specJson: string, spec: QuestionSpec, factSet: FactSet, locale: Locale): QuestionReveal {
  let reveals = revealsByFactSet.get(factSet);
  if (!reveals) revealsByFactSet.set(factSet, (reveals = new Map()));
  const key = `${locale}\n${specJson}`;
  let reveal = reveals.get(key);
  if (!reveal) {
    if (reveals.size >= maxRevealsPerFactSet) reveals.clear();
    reveal = revealQuestion(spec, factSet, locale);
    reveals.set(key, reveal);
  }
  return reveal;
}

/**
 * A question's stored answer with the quiz's progress as it stands after it. The answer is read
 * before the quiz row, and both were written in one transaction, so the progress is never older
 * than the answer.
 */
function readStoredAnswer(quizQuestionId: string, userId: string) {
  return db.answer.findFirst({
    where: { quizQuestionId, userId },
    select: { correct: true, score: true, answeredAt: true, quiz: { select: { status: true, currentIndex: true, correctCount: true } } },
  });
}

function storedResult(
  answer: { correct: boolean; score: number },
  quiz: { status: string; currentIndex: number; correctCount: number },
  specJson: string,
  spec: QuestionSpec,
  factSet: FactSet,
  locale: Locale,
): AnswerResult {
  const finished = quiz.status !== "in_progress";
  return {
    correct: answer.correct,
    score: answer.score,
    reveal: revealOnce(specJson, spec, factSet, locale),
    finished,
    nextPosition: finished ? null : quiz.currentIndex,
    correctCount: quiz.correctCount,
    alreadyAnswered: true,
  };
}

/** One question the learner got wrong, for the summary's review. */
export interface ReviewedMistake {
  position: number;
  type: QuestionType;
  kind: QuestionKind;
  prompt: string;
  /** The learner's response in words ("Polen, Ungarn", "Belgien → 1952", or the typed text). */
  yourAnswer: string;
  /** Share of the answer that was right, 0..1 (partial credit for multi, order, match). */
  score: number;
  correctAnswer: string;
  explanation: string;
  /** The source text's quote and the other references, for components/quiz/source-references.tsx. */
  quote: SourceQuote | null;
  references: SourceLink[];
}

export interface QuizSummary {
  id: string;
  mode: string;
  status: QuizStatus;
  factSetId: string;
  factSetTitle: string;
  questionCount: number;
  answeredCount: number;
  /** null while an assignment's reveal policy withholds grades (see `AttemptReview`). */
  correctCount: number | null;
  /** Share of the quiz answered right, 0..1, with partial credit; null while withheld. */
  score: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** Time spent answering: the sum of the (capped) time on each question. */
  durationMs: number;
  /** Empty while an assignment's reveal policy withholds answers (see `assignment.reveal`). */
  mistakes: ReviewedMistake[];
  /** For an assignment attempt: its assignment, deadline and reveal policy (lib/server/attempts/assignment-rules.ts). */
  assignment: AttemptContext | null;
}

/**
 * The result of a quiz: score, time taken and a review of every wrong answer, rendered in
 * `locale`. Also callable on an unfinished quiz (the caller decides to send the learner
 * back to it). NotFoundError for an unknown quiz or another user's.
 */
export async function getQuizSummary(userId: string, quizId: string, locale: Locale, now: Date = new Date()): Promise<QuizSummary> {
  // The one review applies the reveal policy; while it withholds, there are no mistakes to show.
  const review = await reviewAttempt(userId, quizId, locale, now);
  const mistakes = review.questions.flatMap((q): ReviewedMistake[] =>
    q.givenAnswer !== null && q.correct === false
      ? [
          {
            position: q.position,
            type: q.type,
            kind: q.kind,
            prompt: q.prompt,
            yourAnswer: q.givenAnswer,
            score: q.score ?? 0,
            correctAnswer: q.correctAnswer ?? "",
            explanation: q.explanation ?? "",
            quote: q.quote,
            references: q.references,
          },
        ]
      : [],
  );
  return {
    id: review.id,
    mode: review.mode,
    status: review.status as QuizStatus,
    factSetId: review.factSetId,
    factSetTitle: review.topicTitle,
    questionCount: review.questionCount,
    answeredCount: review.answeredCount,
    correctCount: review.correctCount,
    score: review.score,
    startedAt: review.startedAt,
    finishedAt: review.finishedAt,
    durationMs: review.durationMs,
    mistakes,
    assignment: review.assignment,
  };
}

/**
 * "Practise my mistakes again": a new quiz over the facts the learner got wrong in `quizId`,
 * one question per mistake, of the same question types where those facts allow (any type
 * otherwise). ConflictError when the quiz has no mistakes; NotFoundError for an unknown quiz
 * or another user's.
 */
export async function createMistakesQuiz(userId: string, quizId: string, now: Date = new Date()): Promise<CreatedQuiz> {
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, userId },
    select: {
      factSetId: true,
      settings: true,
      answers: { where: { correct: false, userId }, select: { quizQuestion: { select: { factIds: true } } } },
    },
  });
  if (!quiz) throw new NotFoundError(`quiz ${quizId}`);
  if (quiz.answers.length === 0) throw new ConflictError(`quiz ${quizId} has no mistakes to practise`);
  // Practising an assignment's mistakes would show the answers its reveal policy still withholds.
  const assignment = await settleAttemptForRead(userId, quizId, now);
  if (assignment && !assignment.reveal.isRevealed) throw new ConflictError(`quiz ${quizId} has no mistakes to practise yet`);

  const factIds = [...new Set(quiz.answers.flatMap((a) => splitStoredFactIds(a.quizQuestion.factIds)))];
  const settings = quizSettings.safeParse(JSON.parse(quiz.settings));
  const types = settings.success && settings.data.types.length ? settings.data.types : [...questionTypes];
  const count = Math.min(quiz.answers.length, maxQuizLength);
  const base = { factSetId: quiz.factSetId, count, mode: "mistakes" as const, factIds, sourceQuizId: quizId };
  try {
    return await createQuiz(userId, { ...base, types }, now);
  } catch (error) {
    // The mistakes' facts may not support the original types (e.g. too few for an order question).
    if (error instanceof ConflictError && types.length < questionTypes.length) {
      return createQuiz(userId, { ...base, types: [...questionTypes] }, now);
    }
    throw error;
  }
}

/** The learner's most recent unfinished quiz, to offer "continue where you left off". */
export async function getLatestOpenQuiz(
  userId: string,
): Promise<{ id: string; factSetId: string; position: number; questionCount: number; startedAt: Date } | null> {
  const quiz = await db.quiz.findFirst({
    where: { userId, status: "in_progress", mode: { in: [...quizModes] } },
    orderBy: { startedAt: "desc" },
    select: { id: true, factSetId: true, currentIndex: true, questionCount: true, startedAt: true },
  });
  return quiz && { id: quiz.id, factSetId: quiz.factSetId, position: quiz.currentIndex, questionCount: quiz.questionCount, startedAt: quiz.startedAt };
}

function parseSpec(json: string): QuestionSpec {
  return JSON.parse(json) as QuestionSpec;
}

