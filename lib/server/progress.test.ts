import { beforeAll, describe, expect, it } from "vitest";
import type { QuestionSpec, Response } from "../questions/types";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("progress");
const { db } = await import("./db");
const { ConflictError, NotFoundError } = await import("./errors");
const { importFactSets } = await import("./fact-sets");
const { loadFactSets } = await import("../facts/load-fact-sets");
const { createQuiz, recordAnswer } = await import("./attempts/quizzes");
const progress = await import("./progress");
const { reviewAttempt } = await import("./attempts");
const { createWeakSpotsQuiz, getDashboard, getPersonalBests, listAttempts, parseAttemptFilters, listAttemptFilterOptions } = progress;

/** A summer Sunday, 14:00 in Berlin (UTC+2). */
const now = new Date("2026-07-12T12:00:00Z");
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const daysAgo = (days: number, from = now) => new Date(from.getTime() - days * dayMs);

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

function response(spec: QuestionSpec, correct: boolean): Response {
  if (spec.kind !== "single") throw new Error("tests answer single-choice questions");
  const value = correct ? spec.answer : spec.options.find((o) => o.value !== spec.answer)!.value;
  return { kind: "single", value };
}

/**
 * Plays a whole "accession-year" quiz starting at `startedAt`, one answer every 20 seconds,
 * right or wrong as `pattern` says. Returns the quiz id and the fact ids answered wrongly.
 */
async function playQuiz(userId: string, pattern: boolean[], startedAt: Date, mode: "self" | "mistakes" = "self") {
  const quiz = await createQuiz(userId, { factSetId: "nato", types: ["accession-year"], count: pattern.length, mode }, startedAt);
  const wrongFacts: string[] = [];
  const rightFacts: string[] = [];
  for (const [position, correct] of pattern.entries()) {
    const spec = await specAt(quiz.id, position);
    (correct ? rightFacts : wrongFacts).push(...spec.factIds);
    await recordAnswer(userId, quiz.id, position, response(spec, correct), new Date(startedAt.getTime() + (position + 1) * 20_000));
  }
  return { id: quiz.id, wrongFacts, rightFacts };
}

async function addReview(userId: string, factIds: string[], grade: number, reviewedAt: Date) {
  await db.reviewLog.create({
    data: { userId, cardId: `card-${factIds.join("-")}`, factSetId: "nato", factIds: factIds.join(","), grade, reviewedAt, log: "{}" },
  });
}

describe("getDashboard", () => {
  it("is empty, with 30 zero days and every topic at 0, for a learner who has done nothing", async () => {
    const userId = await createUser();
    const dashboard = await getDashboard(userId, now, "de");
    expect(dashboard.hasActivity).toBe(false);
    expect(dashboard.today).toBe("2026-07-12");
    expect(dashboard.days).toHaveLength(30);
    expect(dashboard.days[0]!.day).toBe("2026-06-13");
    expect(dashboard.days.every((d) => d.answers === 0 && d.accuracy === null && d.reviews === 0)).toBe(true);
    expect(dashboard.topics).toHaveLength(1);
    expect(dashboard.topics[0]).toMatchObject({ factSetId: "nato", title: "Geschichte der NATO", mastery: 0, seen: 0, total: 47 });
    expect(dashboard.topics[0]!.waves.map((w) => w.year)).toEqual([1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024]);
    expect(dashboard.weakest).toEqual([]);
    expect(dashboard).toMatchObject({ streakDays: 0, practisedToday: false, timeSpentMs: 0 });
    expect(dashboard.counts).toEqual({ answers: 0, correctAnswers: 0, finishedQuizzes: 0, reviews: 0, factsSeen: 0 });
  });

  it("shows a played quiz: answers and accuracy today, time spent, mastery, weakest facts with labels", async () => {
    const userId = await createUser();
    const quiz = await playQuiz(userId, [true, false, true, false, true], new Date(now.getTime() - hourMs));
    const dashboard = await getDashboard(userId, now, "en");

    expect(dashboard.hasActivity).toBe(true);
    expect(dashboard.days.at(-1)).toEqual({ day: "2026-07-12", answers: 5, correct: 3, accuracy: 0.6, reviews: 0 });
    expect(dashboard.days.slice(0, -1).every((d) => d.answers === 0)).toBe(true);
    expect(dashboard.counts).toEqual({ answers: 5, correctAnswers: 3, finishedQuizzes: 1, reviews: 0, factsSeen: 5 });
    expect(dashboard.timeSpentMs).toBe(5 * 20_000);
    expect(dashboard).toMatchObject({ streakDays: 1, practisedToday: true });

    // The two wrong facts are the weakest (mastery 0); the three answered right are not weak at
    // all, though one right answer leaves their mastery at a third.
    expect(dashboard.weakest.map((f) => f.factId).sort()).toEqual([...quiz.wrongFacts].sort());
    expect(dashboard.weakest.every((f) => f.mastery === 0 && f.attempts === 1 && f.correct === 0)).toBe(true);
    const nato = (await import("../../data/nato.json", { with: { type: "json" } })).default as {
      accessions: { id: string; country: string; date: string }[];
      countries: { id: string; name: { en: string } }[];
    };
    for (const fact of dashboard.weakest) {
      const accession = nato.accessions.find((a) => a.id === fact.factId)!;
      expect(fact).toMatchObject({
        factSetId: "nato",
        kind: "accession",
        year: Number(accession.date.slice(0, 4)),
        name: nato.countries.find((c) => c.id === accession.country)!.name.en,
      });
    }

    const topic = dashboard.topics[0]!;
    expect(topic.seen).toBe(5);
    expect(topic.mastery).toBeGreaterThan(0);
    expect(topic.events).toEqual({ mastery: 0, seen: 0, total: 15 });
    const wavesWithRight = new Set(quiz.rightFacts.map((id) => Number(nato.accessions.find((a) => a.id === id)!.date.slice(0, 4))));
    for (const wave of topic.waves) {
      if (wavesWithRight.has(wave.year)) expect(wave.mastery).toBeGreaterThan(0);
      expect(wave.countries).toHaveLength(wave.total);
    }
  });

  it("counts days in Europe/Berlin: 00:30 local time is the new day", async () => {
    const userId = await createUser();
    // 2026-07-11T22:30Z is 00:30 on 12 July in Berlin, but still 11 July in UTC.
    await playQuiz(userId, [true], new Date("2026-07-11T22:29:00Z"));
    const dashboard = await getDashboard(userId, now);
    expect(dashboard.days.at(-1)).toMatchObject({ day: "2026-07-12", answers: 1, correct: 1 });
    expect(dashboard.days.at(-2)).toMatchObject({ day: "2026-07-11", answers: 0 });
  });

  it("counts reviews as practice and as evidence: a forgotten card makes its fact weak", async () => {
    const userId = await createUser();
    await addReview(userId, ["accession-pl", "accession-hu"], 1, daysAgo(0.1));
    await addReview(userId, ["accession-es"], 3, daysAgo(0.1));
    const dashboard = await getDashboard(userId, now, "de");
    expect(dashboard.hasActivity).toBe(true);
    expect(dashboard.days.at(-1)).toMatchObject({ answers: 0, reviews: 2, accuracy: null });
    expect(dashboard.counts).toMatchObject({ answers: 0, reviews: 2, factsSeen: 3 });
    // The card recalled (Spain) is seen, not weak.
    expect(dashboard.weakest.map((f) => f.factId).sort()).toEqual(["accession-hu", "accession-pl"]);
    expect(dashboard.weakest.find((f) => f.factId === "accession-pl")).toMatchObject({ name: "Polen", year: 1999 });
    expect(dashboard.streakDays).toBe(1);
  });

  it("counts the streak of practice days, ending today or yesterday, beyond the 30-day window", async () => {
    const userId = await createUser();
    // Every day from 44 days ago to yesterday (none today), and a lone day before the gap.
    for (let d = 1; d <= 44; d++) await addReview(userId, ["accession-pl"], 3, daysAgo(d));
    await addReview(userId, ["accession-pl"], 3, daysAgo(50));
    let dashboard = await getDashboard(userId, now);
    expect(dashboard).toMatchObject({ streakDays: 44, practisedToday: false });

    await addReview(userId, ["accession-pl"], 3, now);
    dashboard = await getDashboard(userId, now);
    expect(dashboard).toMatchObject({ streakDays: 45, practisedToday: true });

    // Two days later without practice, the streak is over.
    dashboard = await getDashboard(userId, new Date(now.getTime() + 2 * dayMs));
    expect(dashboard.streakDays).toBe(0);
  });

  it("recent mistakes outweigh old successes in the weakest list", async () => {
    const userId = await createUser();
    await addReview(userId, ["accession-pl"], 3, daysAgo(40));
    await addReview(userId, ["accession-pl"], 3, daysAgo(39));
    await addReview(userId, ["accession-pl"], 1, daysAgo(0));
    await addReview(userId, ["accession-es"], 1, daysAgo(40));
    await addReview(userId, ["accession-es"], 3, daysAgo(0));
    const dashboard = await getDashboard(userId, now);
    // Spain, forgotten long ago and recalled today, is mostly right now: not weak.
    expect(dashboard.weakest.map((f) => f.factId)).toEqual(["accession-pl"]);
  });

  it("lists no fact answered right among the weakest", async () => {
    const userId = await createUser();
    await playQuiz(userId, [true, true, true], new Date(now.getTime() - hourMs));
    const dashboard = await getDashboard(userId, now, "de");
    expect(dashboard.counts.factsSeen).toBe(3);
    expect(dashboard.weakest).toEqual([]);
  });

  it("never shows another learner's data", async () => {
    const owner = await createUser();
    const other = await createUser();
    await playQuiz(owner, [true, false], daysAgo(0.2));
    const dashboard = await getDashboard(other, now);
    expect(dashboard.hasActivity).toBe(false);
    expect(dashboard.counts.answers).toBe(0);
    expect(dashboard.weakest).toEqual([]);
  });
});

describe("history", () => {
  it("lists finished quizzes newest first, with scores, time spent and topic titles; unfinished ones are left out", async () => {
    const userId = await createUser();
    const first = await playQuiz(userId, [true, true, false, true], daysAgo(3));
    const second = await playQuiz(userId, [false, false], daysAgo(1));
    await createQuiz(userId, { factSetId: "nato", types: ["accession-year"], count: 3 }, daysAgo(0.5)); // in progress

    const page = await listAttempts(userId, {}, "en");
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(page.attempts.map((a) => a.id)).toEqual([second.id, first.id]);
    expect(page.attempts[1]).toMatchObject({
      factSetId: "nato",
      topicTitle: "History of NATO",
      mode: "self",
      questionCount: 4,
      correctCount: 3,
      score: 0.75,
      durationMs: 4 * 20_000,
    });
    expect(page.attempts[0]).toMatchObject({ correctCount: 0, score: 0 });
  });

  it("filters by topic, mode and Europe/Berlin finishing day, and pages", async () => {
    const userId = await createUser();
    // Finished 2026-07-01 at 00:10 Berlin time (30 June 22:10 UTC).
    const lateNight = await playQuiz(userId, [true], new Date("2026-06-30T22:09:40Z"));
    const mistakes = await playQuiz(userId, [true, false], new Date("2026-07-05T10:00:00Z"), "mistakes");
    for (let i = 0; i < 22; i++) await playQuiz(userId, [i % 2 === 0], new Date(Date.UTC(2026, 6, 8, 8, i)));

    expect((await listAttempts(userId, { mode: "mistakes" })).attempts.map((a) => a.id)).toEqual([mistakes.id]);
    expect((await listAttempts(userId, { topic: "other" })).total).toBe(0);
    expect((await listAttempts(userId, { topic: "nato" })).total).toBe(24);
    expect((await listAttempts(userId, { from: "2026-07-01", to: "2026-07-01" })).attempts.map((a) => a.id)).toEqual([lateNight.id]);
    expect((await listAttempts(userId, { to: "2026-06-30" })).total).toBe(0);
    expect((await listAttempts(userId, { from: "2026-07-02", to: "2026-07-07" })).attempts.map((a) => a.id)).toEqual([mistakes.id]);

    const page1 = await listAttempts(userId, { page: 1 });
    const page2 = await listAttempts(userId, { page: 2 });
    expect(page1).toMatchObject({ total: 24, pageCount: 2 });
    expect(page1.attempts).toHaveLength(20);
    expect(page2.attempts).toHaveLength(4);
    expect(new Set([...page1.attempts, ...page2.attempts].map((a) => a.id)).size).toBe(24);
    expect(page2.attempts.at(-1)!.id).toBe(lateNight.id);

    expect(await listAttemptFilterOptions(userId, "de")).toEqual({ topics: [{ id: "nato", title: "Geschichte der NATO" }], modes: ["mistakes", "self"] });
  });

  it("parses filters from a query string, dropping what is not valid", () => {
    expect(parseAttemptFilters({ topic: "nato", mode: "self", from: "2026-07-01", to: "2026-07-31", page: "2" })).toEqual({
      topic: "nato",
      mode: "self",
      from: "2026-07-01",
      to: "2026-07-31",
      page: 2,
    });
    expect(parseAttemptFilters({ topic: "", mode: "DROP TABLE", from: "2026-02-30", to: "yesterday", page: "-3" })).toEqual({ page: 1 });
    expect(parseAttemptFilters({ topic: ["nato", "x"] })).toEqual({ topic: "nato", page: 1 });
  });

  it("keeps the best score per topic and mode, and the first quiz that reached it", async () => {
    const userId = await createUser();
    await playQuiz(userId, [true, false], daysAgo(5));
    const best = await playQuiz(userId, [true, true, true, false], daysAgo(4));
    await playQuiz(userId, [true, true, true, false], daysAgo(3));
    const mistakes = await playQuiz(userId, [false, true], daysAgo(2), "mistakes");
    const bests = await getPersonalBests(userId, "de");
    expect(bests).toEqual([
      expect.objectContaining({ factSetId: "nato", topicTitle: "Geschichte der NATO", mode: "mistakes", score: 0.5, quizId: mistakes.id, attempts: 1 }),
      expect.objectContaining({ factSetId: "nato", mode: "self", score: 0.75, quizId: best.id, attempts: 3 }),
    ]);
    expect(await getPersonalBests(await createUser())).toEqual([]);
  });
});

describe("reviewAttempt", () => {
  it("shows every question with the given and the correct answer, in the requested locale", async () => {
    const userId = await createUser();
    const quiz = await playQuiz(userId, [true, false, true], daysAgo(1));
    const detail = await reviewAttempt(userId, quiz.id, "de");
    expect(detail).toMatchObject({ id: quiz.id, status: "finished", questionCount: 3, correctCount: 2, topicTitle: "Geschichte der NATO", durationMs: 60_000 });
    expect(detail.questions.map((q) => q.correct)).toEqual([true, false, true]);
    for (const [position, question] of detail.questions.entries()) {
      const spec = await specAt(quiz.id, position);
      if (spec.kind !== "single") throw new Error("single expected");
      expect(question.prompt).toMatch(/NATO/);
      expect(question.correctAnswer).toBe(spec.answer);
      expect(question.givenAnswer).toBe(response(spec, question.correct!).kind === "single" ? (response(spec, question.correct!) as { value: string }).value : "");
      expect(question.explanation).toBeTruthy();
    }
    const english = await reviewAttempt(userId, quiz.id, "en");
    expect(english.topicTitle).toBe("History of NATO");
    expect(english.questions[0]!.prompt).not.toBe(detail.questions[0]!.prompt);
  });

  it("withholds the answers of questions not yet answered in a quiz in progress", async () => {
    const userId = await createUser();
    const quiz = await createQuiz(userId, { factSetId: "nato", types: ["accession-year"], count: 3 }, daysAgo(1));
    const spec = await specAt(quiz.id, 0);
    await recordAnswer(userId, quiz.id, 0, response(spec, false), daysAgo(1));
    const detail = await reviewAttempt(userId, quiz.id, "de");
    expect(detail.status).toBe("in_progress");
    expect(detail.questions[0]).toMatchObject({ correct: false });
    expect(detail.questions[0]!.correctAnswer).toBeTruthy();
    expect(detail.questions.slice(1).every((q) => q.correctAnswer === null && q.givenAnswer === null && q.explanation === null)).toBe(true);
  });

  it("is not found for another learner's quiz or an unknown id", async () => {
    const owner = await createUser();
    const other = await createUser();
    const quiz = await playQuiz(owner, [true], daysAgo(1));
    await expect(reviewAttempt(other, quiz.id, "de")).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewAttempt(owner, "no-such-quiz", "de")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAttempts(other)).total).toBe(0);
  });
});

describe("createWeakSpotsQuiz", () => {
  it("asks about the learner's weakest facts", async () => {
    const userId = await createUser();
    const played = await playQuiz(userId, [false, true, false, true, true, true, true, true, true, true, true, true], daysAgo(0.5));
    const created = await createWeakSpotsQuiz(userId, "nato", now);
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: created.id }, include: { questions: true } });
    expect(quiz).toMatchObject({ userId, mode: "weak-spots", factSetId: "nato", status: "in_progress" });
    const weak = await progress.listWeakFacts(userId, "nato", now);
    expect(weak.slice(0, 2).map((f) => f.factId).sort()).toEqual([...played.wrongFacts].sort());
    const allowed = new Set(weak.map((f) => f.factId));
    const asked = quiz.questions.flatMap((q) => q.factIds.split(","));
    expect(asked.every((id) => allowed.has(id))).toBe(true);
    // The facts answered wrongly are among those asked.
    expect(played.wrongFacts.some((id) => asked.includes(id))).toBe(true);
  });

  it("is a conflict for a learner with no evidence, and never uses another learner's", async () => {
    const owner = await createUser();
    const other = await createUser();
    await playQuiz(owner, [false, false], daysAgo(0.5));
    await expect(createWeakSpotsQuiz(other, "nato", now)).rejects.toBeInstanceOf(ConflictError);
    await expect(createWeakSpotsQuiz(owner, "no-such-set", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getFactMasteries", () => {
  it("holds the facts the learner answered, right ones above wrong ones, and nothing of another learner", async () => {
    const userId = await createUser();
    const other = await createUser();
    const played = await playQuiz(userId, [false, true, true], daysAgo(0.5));
    await playQuiz(other, [true, true, true, true], daysAgo(0.5));
    const masteries = await progress.getFactMasteries(userId, "nato", now);
    expect(Object.keys(masteries).sort()).toEqual([...new Set([...played.wrongFacts, ...played.rightFacts])].sort());
    for (const right of played.rightFacts) {
      for (const wrong of played.wrongFacts) expect(masteries[right]!).toBeGreaterThan(masteries[wrong]!);
    }
    expect(await progress.getFactMasteries(await createUser(), "nato", now)).toEqual({});
    await expect(progress.getFactMasteries(userId, "no-such-set", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("createFactPracticeQuiz", () => {
  it("asks only about the one fact, with several question types", async () => {
    const userId = await createUser();
    const created = await progress.createFactPracticeQuiz(userId, "nato", "accession-lu", now);
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: created.id }, include: { questions: true } });
    expect(quiz).toMatchObject({ userId, mode: "self", factSetId: "nato", status: "in_progress" });
    expect(quiz.questions.length).toBeGreaterThanOrEqual(3);
    expect(quiz.questions.every((q) => q.factIds.split(",").includes("accession-lu"))).toBe(true);
    expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThan(1);
  });

  it("is not found for an unknown fact or fact set", async () => {
    const userId = await createUser();
    await expect(progress.createFactPracticeQuiz(userId, "nato", "accession-xx", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(progress.createFactPracticeQuiz(userId, "no-such-set", "accession-lu", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
