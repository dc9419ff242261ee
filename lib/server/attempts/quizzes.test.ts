import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { QuestionSpec, QuestionType, Response } from "../../questions/types";
import { createTestDatabase } from "../test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("quizzes");
const { db } = await import("../db");
const { ConflictError, NotFoundError } = await import("../errors");
const { importFactSets } = await import("../fact-sets");
const { loadFactSets } = await import("../../facts/load-fact-sets");
const quizzes = await import("./quizzes");
const { createMistakesQuiz, createQuiz, getLatestOpenQuiz, getQuizForPlay, getQuizSummary, InvalidResponseError, maxAnswerDurationMs, recordAnswer } =
  quizzes;

const start = new Date("2026-03-01T10:00:00Z");
const seconds = (n: number) => new Date(start.getTime() + n * 1000);

beforeAll(async () => {
  await importFactSets([...loadFactSets().values()]);
});

async function createUser(): Promise<string> {
  return (await db.user.create({ data: {}, select: { id: true } })).id;
}

async function specAt(quizId: string, position: number): Promise<QuestionSpec> {
  const row = await db.quizQuestion.findUniqueOrThrow({ where: { quizId_position: { quizId, position } } });
  return JSON.parse(row.spec) as QuestionSpec;
}

/** The right response to a question, read from its stored spec (tests only: the app never does this outside grading). */
function correctResponse(spec: QuestionSpec): Response {
  switch (spec.kind) {
    case "single":
      return { kind: "single", value: spec.answer };
    case "multi":
      return { kind: "multi", values: spec.answer };
    case "order":
      return { kind: "order", values: spec.answer };
    case "match":
      return { kind: "match", pairs: spec.answer };
    case "text":
      return { kind: "text", text: spec.answer.value === "PL" ? "Polen" : spec.answer.value };
    case "map":
      return { kind: "map", value: spec.answer[0] ?? "" };
  }
}

function wrongResponse(spec: QuestionSpec): Response {
  if (spec.kind !== "single") throw new Error("wrongResponse handles single-choice questions");
  const wrong = spec.options.find((o) => o.value !== spec.answer);
  if (!wrong) throw new Error("no wrong option");
  return { kind: "single", value: wrong.value };
}

async function startSingleChoiceQuiz(userId: string, count = 3, types: QuestionType[] = ["accession-year"]) {
  return createQuiz(userId, { factSetId: "nato", types, count }, start);
}

describe("createQuiz", () => {
  it("writes the quiz and all its questions, with the seed that reproduces them", async () => {
    const userId = await createUser();
    const { id, questionCount } = await createQuiz(userId, { factSetId: "nato", types: ["accession-year", "wave-members"], count: 7 }, start);
    expect(questionCount).toBe(7);
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id }, include: { questions: { orderBy: { position: "asc" } } } });
    expect(quiz).toMatchObject({ userId, factSetId: "nato", mode: "self", status: "in_progress", currentIndex: 0, questionCount: 7 });
    expect(quiz.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse(quiz.settings)).toEqual({ types: ["accession-year", "wave-members"], count: 7 });
    expect(quiz.questions.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const question of quiz.questions) {
      const spec = JSON.parse(question.spec) as QuestionSpec;
      expect(["accession-year", "wave-members"]).toContain(spec.type);
      expect(question.factIds).toBe(spec.factIds.join(","));
    }
  });

  it("gives two quizzes with the same settings different seeds", async () => {
    const userId = await createUser();
    const a = await startSingleChoiceQuiz(userId);
    const b = await startSingleChoiceQuiz(userId);
    const [seedA, seedB] = await Promise.all([a, b].map(async ({ id }) => (await db.quiz.findUniqueOrThrow({ where: { id } })).seed));
    expect(seedA).not.toBe(seedB);
  });

  it("rejects a length outside 1..50, no types, an unknown type, and an unknown fact set", async () => {
    const userId = await createUser();
    await expect(createQuiz(userId, { factSetId: "nato", types: ["accession-year"], count: 0 })).rejects.toBeInstanceOf(ZodError);
    await expect(createQuiz(userId, { factSetId: "nato", types: ["accession-year"], count: 51 })).rejects.toBeInstanceOf(ZodError);
    await expect(createQuiz(userId, { factSetId: "nato", types: [], count: 5 })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createQuiz(userId, { factSetId: "nato", types: ["capital-city" as QuestionType], count: 5 }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(createQuiz(userId, { factSetId: "no-such-set", types: ["accession-year"], count: 5 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.quiz.count({ where: { userId } })).toBe(0);
  });
});

describe("getQuizForPlay", () => {
  it("shows the current question without its answer, in the requested locale", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId);
    const de = await getQuizForPlay(userId, id, "de");
    const en = await getQuizForPlay(userId, id, "en");
    expect(de).toMatchObject({ position: 0, questionCount: 3, status: "in_progress", factSetTitle: "Geschichte der NATO" });
    expect(en.factSetTitle).toBe("History of NATO");
    expect(de.question?.id).toBe(en.question?.id);
    expect(de.question?.prompt).not.toBe(en.question?.prompt);
    const json = JSON.stringify(de);
    expect(json).not.toContain('"answer"');
    expect(json).not.toContain("explanation");
    expect(json).not.toContain("source");
  });

  it("treats another learner's quiz and an unknown id as not found", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { id } = await startSingleChoiceQuiz(owner);
    await expect(getQuizForPlay(other, id, "de")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getQuizForPlay(owner, "no-such-quiz", "de")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("recordAnswer", () => {
  it("grades on the server, stores the answer with one row per fact, and moves the quiz on", async () => {
    const userId = await createUser();
    const { id } = await createQuiz(userId, { factSetId: "nato", types: ["wave-members"], count: 2 }, start);
    const spec = await specAt(id, 0);
    const result = await recordAnswer(userId, id, 0, correctResponse(spec), seconds(42), "de");
    expect(result).toMatchObject({ correct: true, score: 1, finished: false, nextPosition: 1, correctCount: 1, alreadyAnswered: false });
    expect(result.reveal.correctAnswer).not.toBe("");
    expect(result.reveal.explanation).not.toBe("");
    expect(result.reveal.source).not.toBe("");

    const answer = await db.answer.findFirstOrThrow({ where: { quizId: id }, include: { facts: true } });
    expect(answer).toMatchObject({ userId, correct: true, score: 1, durationMs: 42_000, questionType: "wave-members", kind: "multi" });
    expect(answer.facts.map((f) => f.factId).sort()).toEqual([...spec.factIds].sort());
    for (const fact of answer.facts) expect(fact).toMatchObject({ userId, factSetId: "nato", correct: true, answeredAt: seconds(42) });
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id } });
    expect(quiz).toMatchObject({ currentIndex: 1, correctCount: 1, score: 0.5, status: "in_progress", finishedAt: null });
  });

  it("measures time from the previous answer and caps it", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId, 3);
    await recordAnswer(userId, id, 0, wrongResponse(await specAt(id, 0)), seconds(10));
    await recordAnswer(userId, id, 1, wrongResponse(await specAt(id, 1)), seconds(25));
    await recordAnswer(userId, id, 2, wrongResponse(await specAt(id, 2)), seconds(25 + 3 * 60 * 60));
    const durations = (await db.answer.findMany({ where: { quizId: id }, orderBy: { answeredAt: "asc" } })).map((a) => a.durationMs);
    expect(durations).toEqual([10_000, 15_000, maxAnswerDurationMs]);
  });

  it("counts a second answer to the same question once and returns the stored result", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId);
    const spec = await specAt(id, 0);
    const first = await recordAnswer(userId, id, 0, correctResponse(spec), seconds(5));
    const again = await recordAnswer(userId, id, 0, wrongResponse(spec), seconds(6));
    expect(first.alreadyAnswered).toBe(false);
    expect(again).toMatchObject({ correct: true, alreadyAnswered: true, nextPosition: 1, correctCount: 1 });
    expect(again.reveal).toEqual(first.reveal);
    expect(await db.answer.count({ where: { quizId: id } })).toBe(1);
    expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({ currentIndex: 1, correctCount: 1 });
  });

  it("settles two simultaneous submissions of the same question with one stored answer", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId);
    const response = correctResponse(await specAt(id, 0));
    const results = await Promise.all(Array.from({ length: 8 }, () => recordAnswer(userId, id, 0, response, seconds(5))));
    expect(results.filter((r) => !r.alreadyAnswered)).toHaveLength(1);
    expect(results.every((r) => r.correct && r.nextPosition === 1)).toBe(true);
    expect(await db.answer.count({ where: { quizId: id } })).toBe(1);
    expect(await db.answerFact.count({ where: { answer: { quizId: id } } })).toBe(1);
    expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({ currentIndex: 1, correctCount: 1 });
  });

  it("rejects tampered submissions and writes nothing", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { id } = await startSingleChoiceQuiz(owner);
    const spec = await specAt(id, 0);
    await expect(recordAnswer(owner, id, 0, { kind: "text", text: "1999" })).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(recordAnswer(owner, id, 0, { kind: "single", value: "1066" })).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(recordAnswer(owner, id, 7, correctResponse(spec))).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(recordAnswer(owner, id, 1, correctResponse(await specAt(id, 1)))).rejects.toBeInstanceOf(ConflictError);
    await expect(recordAnswer(other, id, 0, correctResponse(spec))).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordAnswer(owner, "no-such-quiz", 0, correctResponse(spec))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.answer.count({ where: { quizId: id } })).toBe(0);
    expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({ currentIndex: 0, correctCount: 0, score: 0 });
  });

  it("finishes the quiz with its last answer", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId, 2);
    await recordAnswer(userId, id, 0, correctResponse(await specAt(id, 0)), seconds(10));
    const last = await recordAnswer(userId, id, 1, wrongResponse(await specAt(id, 1)), seconds(30));
    expect(last).toMatchObject({ correct: false, score: 0, finished: true, nextPosition: null, correctCount: 1 });
    expect(await db.quiz.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "finished",
      currentIndex: 2,
      correctCount: 1,
      score: 0.5,
      finishedAt: seconds(30),
    });
    expect((await getQuizForPlay(userId, id, "de")).question).toBeNull();
    expect(await recordAnswer(userId, id, 1, correctResponse(await specAt(id, 1)))).toMatchObject({ alreadyAnswered: true, finished: true });
  });
});

describe("getQuizSummary", () => {
  it("gives the score, the time spent answering and a review of every mistake", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId, 3);
    const specs = await Promise.all([0, 1, 2].map((p) => specAt(id, p)));
    await recordAnswer(userId, id, 0, wrongResponse(specs[0]!), seconds(8));
    await recordAnswer(userId, id, 1, correctResponse(specs[1]!), seconds(20));
    await recordAnswer(userId, id, 2, wrongResponse(specs[2]!), seconds(31));

    const summary = await getQuizSummary(userId, id, "de");
    expect(summary).toMatchObject({ status: "finished", questionCount: 3, answeredCount: 3, correctCount: 1, durationMs: 31_000 });
    expect(summary.score).toBeCloseTo(1 / 3);
    expect(summary.mistakes.map((m) => m.position)).toEqual([0, 2]);
    const [first] = summary.mistakes;
    const wrong = wrongResponse(specs[0]!);
    expect(first?.yourAnswer).toBe(wrong.kind === "single" ? wrong.value : "");
    expect(first?.correctAnswer).toBe(specs[0]?.kind === "single" ? specs[0].answer : "");
    expect(first?.explanation).not.toBe("");
    expect(first?.prompt).toMatch(/\?$/);
    await expect(getQuizSummary(await createUser(), id, "de")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("createMistakesQuiz", () => {
  it("practises the facts of the mistakes again, one question per mistake", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId, 4);
    const specs = await Promise.all([0, 1, 2, 3].map((p) => specAt(id, p)));
    await recordAnswer(userId, id, 0, wrongResponse(specs[0]!), seconds(5));
    await recordAnswer(userId, id, 1, correctResponse(specs[1]!), seconds(6));
    await recordAnswer(userId, id, 2, wrongResponse(specs[2]!), seconds(7));
    await recordAnswer(userId, id, 3, correctResponse(specs[3]!), seconds(8));

    const practice = await createMistakesQuiz(userId, id, seconds(60));
    expect(practice.questionCount).toBe(2);
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: practice.id }, include: { questions: true } });
    expect(quiz).toMatchObject({ mode: "mistakes", sourceQuizId: id, userId });
    const mistakeFacts = new Set([...specs[0]!.factIds, ...specs[2]!.factIds]);
    for (const question of quiz.questions) {
      for (const factId of question.factIds.split(",")) expect(mistakeFacts).toContain(factId);
    }
  });

  it("refuses a quiz without mistakes and another learner's quiz", async () => {
    const userId = await createUser();
    const { id } = await startSingleChoiceQuiz(userId, 1);
    await recordAnswer(userId, id, 0, correctResponse(await specAt(id, 0)), seconds(5));
    await expect(createMistakesQuiz(userId, id)).rejects.toBeInstanceOf(ConflictError);
    await expect(createMistakesQuiz(await createUser(), id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getLatestOpenQuiz", () => {
  it("offers the most recent unfinished quiz of this learner only", async () => {
    const userId = await createUser();
    expect(await getLatestOpenQuiz(userId)).toBeNull();
    const { id } = await startSingleChoiceQuiz(userId, 2);
    await recordAnswer(userId, id, 0, correctResponse(await specAt(id, 0)), seconds(5));
    expect(await getLatestOpenQuiz(userId)).toMatchObject({ id, position: 1, questionCount: 2 });
    expect(await getLatestOpenQuiz(await createUser())).toBeNull();
  });
});
