import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { QuestionSpec, Response } from "../questions/types";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("assignments");
const { db } = await import("./db");
const { ConflictError, NotFoundError } = await import("./errors");
const { importFactSets } = await import("./fact-sets");
const { loadFactSets } = await import("../facts/load-fact-sets");
const { createClass, joinClass, removeLearner, setClassArchived } = await import("./classes");
const { createAssignment, getLearnerAssignment, listLearnerAssignments, startAssignmentAttempt, deleteAssignment } = await import("./assignments");
const { getClassReport, getGradebook, listAnswersForExport } = await import("./gradebook");
const { getQuizForPlay, getQuizSummary, recordAnswer, createMistakesQuiz } = await import("./attempts/quizzes");
const { toAnswerReply } = await import("./attempts/assignment-rules");
const { reviewAttempt } = await import("./attempts");
const { toCsv } = await import("../assignments/csv");

/** The test's clock: a Monday morning; assignments open now and are due in two days unless a test says otherwise. */
const t0 = new Date("2026-03-02T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const hours = (n: number) => minutes(n * 60);

beforeAll(async () => {
  await importFactSets([...loadFactSets().values()]);
});

let counter = 0;
async function createUser(role: "learner" | "teacher", displayName?: string) {
  counter += 1;
  return db.user.create({
    data: { role, isGuest: false, email: `${role}${counter}@example.test`, displayName: displayName ?? null },
    select: { id: true, role: true },
  });
}

type Settings = Record<string, unknown>;

/** A class with a teacher and `learnerCount` learners who joined, and one assignment. */
async function setUp(settings: Settings = {}, learnerCount = 2) {
  const teacher = await createUser("teacher");
  const klass = await createClass(teacher.id, { name: "9b" });
  const learners = [];
  for (let i = 0; i < learnerCount; i++) {
    const learner = await createUser("learner", `Learner ${counter}`);
    await joinClass(learner, klass.joinCode);
    learners.push(learner);
  }
  const assignment = await createAssignment(teacher.id, assignmentInput(klass.id, settings), t0);
  return { teacher, klass, learners, assignmentId: assignment.id };
}

function assignmentInput(classId: string, settings: Settings = {}) {
  return {
    classId,
    title: "Beitritte",
    factSetId: "nato",
    questionTypes: ["accession-year"],
    questionCount: "3",
    variant: "same",
    opensAt: t0.toISOString(),
    dueAt: hours(48).toISOString(),
    attemptsAllowed: "1",
    scoringPolicy: "best",
    timeLimitMinutes: "",
    revealPolicy: "immediate",
    ...settings,
  };
}

async function specAt(quizId: string, position: number): Promise<QuestionSpec> {
  const row = await db.quizQuestion.findUniqueOrThrow({ where: { quizId_position: { quizId, position } } });
  return JSON.parse(row.spec) as QuestionSpec;
}

function singleResponse(spec: QuestionSpec, isCorrect: boolean): Response {
  if (spec.kind !== "single") throw new Error("these tests answer single-choice questions");
  return { kind: "single", value: isCorrect ? spec.answer : spec.options.find((o) => o.value !== spec.answer)!.value };
}

/** Answers every question of an attempt, right or wrong as `pattern` says, one minute apart from `start`. */
async function answerAll(userId: string, quizId: string, pattern: boolean[], start: Date) {
  for (const [position, isCorrect] of pattern.entries()) {
    await recordAnswer(userId, quizId, position, singleResponse(await specAt(quizId, position), isCorrect), new Date(start.getTime() + (position + 1) * 60_000));
  }
}

describe("createAssignment", () => {
  it("stores the settings with a seed, for the class's teacher only", async () => {
    const { teacher, klass, assignmentId } = await setUp({ timeLimitMinutes: "15", acceptLate: "on", variant: "individual" }, 0);
    const row = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(row).toMatchObject({ classId: klass.id, questionCount: 3, variant: "individual", timeLimitSeconds: 900, acceptLate: true, attemptsAllowed: 1 });
    expect(row.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.parse(row.questionTypes)).toEqual(["accession-year"]);

    const stranger = await createUser("teacher");
    await expect(createAssignment(stranger.id, assignmentInput(klass.id), t0)).rejects.toBeInstanceOf(NotFoundError);
    await setClassArchived(teacher.id, klass.id, true);
    await expect(createAssignment(teacher.id, assignmentInput(klass.id), t0)).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses bad settings with a message per field", async () => {
    const teacher = await createUser("teacher");
    const klass = await createClass(teacher.id, { name: "x" });
    const fieldOf = async (settings: Settings) => {
      try {
        await createAssignment(teacher.id, assignmentInput(klass.id, settings), t0);
        return null;
      } catch (error) {
        return (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.map((i) => `${i.path.join(".")}:${i.message}`);
      }
    };
    expect(await fieldOf({ dueAt: minutes(-1).toISOString(), opensAt: minutes(-60).toISOString() })).toEqual(["dueAt:classes.errors.dueInPast"]);
    expect(await fieldOf({ dueAt: t0.toISOString() })).toEqual(["dueAt:classes.errors.dueBeforeOpen"]);
    expect(await fieldOf({ questionTypes: [] })).toEqual(["questionTypes:classes.errors.typesRequired"]);
    expect(await fieldOf({ questionCount: "0" })).toEqual(["questionCount:classes.errors.countRange"]);
    expect(await fieldOf({ timeLimitMinutes: "0" })).toEqual(["timeLimitMinutes:classes.errors.timeLimitRange"]);
    expect(await fieldOf({ attemptsAllowed: "11" })).toEqual(["attemptsAllowed:classes.errors.attemptsRange"]);
    expect(await fieldOf({ scoringPolicy: "median" })).toEqual(["scoringPolicy:classes.errors.invalidChoice"]);
    expect(await fieldOf({ dueAt: "tomorrow" })).toEqual(["dueAt:classes.errors.dueAtRequired"]);
    expect(await fieldOf({ questionTypes: ["no-such-type"] })).toEqual(["questionTypes.0:classes.errors.typesRequired"]);
  });
});

describe("startAssignmentAttempt", () => {
  it("creates an assignment attempt with the assignment's seed and the server's deadline", async () => {
    const { learners, assignmentId } = await setUp({ timeLimitMinutes: "10" });
    const [a, b] = learners;
    const first = await startAssignmentAttempt(a!.id, assignmentId, minutes(5));
    const second = await startAssignmentAttempt(b!.id, assignmentId, minutes(6));
    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: first.quizId } });
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(quiz).toMatchObject({ mode: "assignment", assignmentId, attemptNumber: 1, userId: a!.id, seed: assignment.seed, deadlineAt: minutes(15), questionCount: 3 });
    // "same": both learners get the same questions.
    for (const position of [0, 1, 2]) expect(await specAt(second.quizId, position)).toEqual(await specAt(first.quizId, position));
  });

  it("gives each learner their own variant when the assignment says so, the same again on every attempt", async () => {
    const { learners, assignmentId } = await setUp({ variant: "individual", questionCount: "5", attemptsAllowed: "2" });
    const a = await startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(1));
    const b = await startAssignmentAttempt(learners[1]!.id, assignmentId, minutes(1));
    const seeds = await db.quiz.findMany({ where: { id: { in: [a.quizId, b.quizId] } }, select: { seed: true } });
    expect(seeds[0]!.seed).not.toBe(seeds[1]!.seed);
    await answerAll(learners[0]!.id, a.quizId, [true, true, true, true, true], minutes(1));
    const again = await startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(20));
    const firstSeed = (await db.quiz.findUniqueOrThrow({ where: { id: a.quizId } })).seed;
    expect((await db.quiz.findUniqueOrThrow({ where: { id: again.quizId } })).seed).toBe(firstSeed);
  });

  it("resumes the open attempt instead of starting another, also when asked many times at once", async () => {
    const { learners, assignmentId } = await setUp();
    const results = await Promise.all(Array.from({ length: 6 }, () => startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(1))));
    expect(new Set(results.map((r) => r.quizId)).size).toBe(1);
    expect(results.filter((r) => !r.isResumed)).toHaveLength(1);
    expect(await db.quiz.count({ where: { assignmentId, userId: learners[0]!.id } })).toBe(1);
  });

  it("refuses non-members, removed learners, teachers and archived classes as not found", async () => {
    const { teacher, klass, learners, assignmentId } = await setUp();
    const outsider = await createUser("learner");
    await expect(startAssignmentAttempt(outsider.id, assignmentId, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(startAssignmentAttempt(teacher.id, assignmentId, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getLearnerAssignment(outsider.id, assignmentId, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
    expect(await listLearnerAssignments(outsider.id, minutes(1))).toEqual([]);

    await removeLearner(teacher.id, klass.id, learners[0]!.id);
    await expect(startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
    expect(await listLearnerAssignments(learners[0]!.id, minutes(1))).toEqual([]);

    await setClassArchived(teacher.id, klass.id, true);
    await expect(startAssignmentAttempt(learners[1]!.id, assignmentId, minutes(1))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.quiz.count({ where: { assignmentId } })).toBe(0);
  });

  it("refuses before the opening time and after the due date unless late work is accepted", async () => {
    const { learners, assignmentId } = await setUp({ opensAt: hours(1).toISOString() });
    await expect(startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(59))).rejects.toThrow("classes.errors.notOpenYet");
    expect((await getLearnerAssignment(learners[0]!.id, assignmentId, minutes(59))).action).toEqual({ kind: "refused", reason: "not_open" });
    await expect(startAssignmentAttempt(learners[0]!.id, assignmentId, hours(48))).rejects.toThrow("classes.errors.closed");
    expect((await getLearnerAssignment(learners[0]!.id, assignmentId, hours(49))).status).toBe("missed");

    const late = await setUp({ acceptLate: "on" }, 1);
    const started = await startAssignmentAttempt(late.learners[0]!.id, late.assignmentId, hours(50));
    await answerAll(late.learners[0]!.id, started.quizId, [true, false, true], hours(50));
    const seen = await getLearnerAssignment(late.learners[0]!.id, late.assignmentId, hours(51));
    expect(seen.status).toBe("late");
    expect(seen.score).toBeCloseTo(2 / 3);
  });

  it("never allows more attempts than allowed, and counts the one the policy says", async () => {
    const { learners, assignmentId } = await setUp({ attemptsAllowed: "2", scoringPolicy: "last" }, 1);
    const learner = learners[0]!;
    const first = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
    await answerAll(learner.id, first.quizId, [true, true, true], minutes(1));
    const second = await startAssignmentAttempt(learner.id, assignmentId, minutes(10));
    expect((await db.quiz.findUniqueOrThrow({ where: { id: second.quizId } })).attemptNumber).toBe(2);
    await answerAll(learner.id, second.quizId, [false, true, false], minutes(10));
    await expect(startAssignmentAttempt(learner.id, assignmentId, minutes(20))).rejects.toThrow("classes.errors.noAttemptsLeft");

    const seen = await getLearnerAssignment(learner.id, assignmentId, minutes(20));
    expect(seen).toMatchObject({ status: "submitted", attemptsUsed: 2, attemptsLeft: 0, action: { kind: "refused", reason: "no_attempts_left" } });
    expect(seen.score).toBeCloseTo(1 / 3);
  });
});

describe("time limits on the server's clock", () => {
  it("refuses an answer after the deadline with a conflict and finishes the attempt at the deadline", async () => {
    const { learners, assignmentId } = await setUp({ timeLimitMinutes: "1" }, 1);
    const learner = learners[0]!;
    const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, t0);
    await recordAnswer(learner.id, quizId, 0, singleResponse(await specAt(quizId, 0), true), new Date(t0.getTime() + 30_000));
    await expect(recordAnswer(learner.id, quizId, 1, singleResponse(await specAt(quizId, 1), true), minutes(1))).rejects.toThrow("classes.errors.timeUp");

    const quiz = await db.quiz.findUniqueOrThrow({ where: { id: quizId } });
    expect(quiz).toMatchObject({ status: "finished", finishedAt: minutes(1), correctCount: 1 });
    expect(quiz.score).toBeCloseTo(1 / 3);
    // Nothing more goes in, and the play screen has no question left.
    await expect(recordAnswer(learner.id, quizId, 1, singleResponse(await specAt(quizId, 1), true), minutes(2))).rejects.toBeInstanceOf(ConflictError);
    expect((await getQuizForPlay(learner.id, quizId, "de", minutes(2))).question).toBeNull();
  });

  it("finishes an abandoned attempt on any later read: the list, the quiz, the gradebook", async () => {
    const { teacher, learners, assignmentId } = await setUp({ timeLimitMinutes: "5" }, 3);
    const [a, b, c] = learners;
    const attempts = [];
    for (const learner of [a!, b!, c!]) attempts.push((await startAssignmentAttempt(learner.id, assignmentId, t0)).quizId);

    expect((await getLearnerAssignment(a!.id, assignmentId, minutes(4))).status).toBe("in_progress");
    expect((await getLearnerAssignment(a!.id, assignmentId, minutes(4))).action).toMatchObject({ kind: "resume", remainingMs: 60_000 });
    // Browser closed; a day later each reader finishes what it reads.
    expect((await listLearnerAssignments(a!.id, hours(24)))[0]?.status).toBe("submitted");
    expect((await getQuizForPlay(b!.id, attempts[1]!, "de", hours(24))).status).toBe("finished");
    const gradebook = await getGradebook(teacher.id, assignmentId, "de", hours(24));
    expect(gradebook.rows.map((r) => r.status)).toEqual(["submitted", "submitted", "submitted"]);
    const rows = await db.quiz.findMany({ where: { assignmentId }, select: { status: true, finishedAt: true } });
    expect(rows.every((r) => r.status === "finished" && r.finishedAt?.getTime() === minutes(5).getTime())).toBe(true);
    // Unanswered questions count as wrong.
    expect(gradebook.rows.every((r) => r.score === 0)).toBe(true);
    expect(gradebook.questions.map((q) => q.mostCommonWrong)).toEqual([
      { answer: "", count: 3 },
      { answer: "", count: 3 },
      { answer: "", count: 3 },
    ]);
  });

  it("ends an untimed attempt at the due date when late work is refused", async () => {
    const { learners, assignmentId } = await setUp({}, 1);
    const { quizId } = await startAssignmentAttempt(learners[0]!.id, assignmentId, hours(47));
    await expect(recordAnswer(learners[0]!.id, quizId, 0, singleResponse(await specAt(quizId, 0), true), hours(48))).rejects.toThrow("classes.errors.timeUp");
    expect((await db.quiz.findUniqueOrThrow({ where: { id: quizId } })).finishedAt).toEqual(hours(48));
  });

  it("refuses answers from a learner removed while their attempt was open", async () => {
    const { teacher, klass, learners, assignmentId } = await setUp({}, 1);
    const { quizId } = await startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(1));
    await removeLearner(teacher.id, klass.id, learners[0]!.id);
    await expect(recordAnswer(learners[0]!.id, quizId, 0, singleResponse(await specAt(quizId, 0), true), minutes(2))).rejects.toThrow("classes.errors.notMember");
  });
});

describe("reveal policies", () => {
  it("after_due: no grade or answer before the due date, in the reply or the summary", async () => {
    const { learners, assignmentId } = await setUp({ revealPolicy: "after_due" }, 1);
    const learner = learners[0]!;
    const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
    const result = await recordAnswer(learner.id, quizId, 0, singleResponse(await specAt(quizId, 0), false), minutes(2));
    expect(result.withheld).toEqual({ revealsAt: hours(48) });
    const reply = toAnswerReply(result);
    expect(reply).toEqual({ withheld: { revealsAt: hours(48).toISOString() }, finished: false, nextPosition: 1, alreadyAnswered: false });
    expect(JSON.stringify(reply)).not.toMatch(/"correct|"reveal"|explanation|"score/);
    // Asking again for the same question gives nothing away either.
    expect(toAnswerReply(await recordAnswer(learner.id, quizId, 0, singleResponse(await specAt(quizId, 0), true), minutes(3)))).not.toHaveProperty("reveal");

    // The attempt review (history page, attempt API) withholds as the reply does: after a wrong answer …
    const whileOpen = await reviewAttempt(learner.id, quizId, "de", minutes(3));
    expect(whileOpen.withheld).toEqual({ revealsAt: hours(48) });
    expect(whileOpen.questions[0]).toMatchObject({ correct: null, score: null, correctAnswer: null, explanation: null, source: null });
    expect(whileOpen.questions[0]!.givenAnswer).toBeTruthy();
    expect(whileOpen.questions.every((q) => q.correctAnswer === null && q.explanation === null && q.correct === null)).toBe(true);
    // Nor does the total: after one answer, "0 of 3 right" would say that answer was wrong.
    expect(whileOpen).toMatchObject({ correctCount: null, score: null });

    await recordAnswer(learner.id, quizId, 1, singleResponse(await specAt(quizId, 1), false), minutes(4));
    await recordAnswer(learner.id, quizId, 2, singleResponse(await specAt(quizId, 2), true), minutes(5));
    // … and after submission, still before the due date.
    const submitted = await reviewAttempt(learner.id, quizId, "de", minutes(10));
    expect(submitted.status).toBe("finished");
    expect(submitted.questions.every((q) => q.correctAnswer === null && q.explanation === null && q.correct === null)).toBe(true);
    const spec0 = await specAt(quizId, 0);
    if (spec0.kind !== "single") throw new Error("single expected");
    expect(JSON.stringify(submitted.questions.map(({ givenAnswer: _given, ...q }) => q))).not.toContain(`"${spec0.answer}"`);
    const due = await reviewAttempt(learner.id, quizId, "de", hours(48));
    expect(due.withheld).toBeNull();
    expect(due.questions.map((q) => q.correct)).toEqual([false, false, true]);
    expect(due.questions.every((q) => q.correctAnswer && q.explanation)).toBe(true);

    expect(submitted).toMatchObject({ correctCount: null, score: null });
    expect(due).toMatchObject({ correctCount: 1, score: 1 / 3 });
    // The assignment's counted score, on the learner's list, appears with the answers.
    expect((await getLearnerAssignment(learner.id, assignmentId, minutes(10))).score).toBeNull();
    expect((await getLearnerAssignment(learner.id, assignmentId, hours(48))).score).toBeCloseTo(1 / 3);

    const before = await getQuizSummary(learner.id, quizId, "de", minutes(10));
    expect(before.status).toBe("finished");
    expect(before).toMatchObject({ correctCount: null, score: null });
    expect(before.mistakes).toEqual([]);
    expect(before.assignment?.reveal).toEqual({ isRevealed: false, revealsAt: hours(48) });
    await expect(createMistakesQuiz(learner.id, quizId, minutes(10))).rejects.toBeInstanceOf(ConflictError);

    const after = await getQuizSummary(learner.id, quizId, "de", hours(48));
    expect(after.mistakes.map((m) => m.position)).toEqual([0, 1]);
    expect(after.mistakes[0]?.correctAnswer).toBeTruthy();
  });

  it("after_submit: withheld while answering, shown once submitted; immediate: always", async () => {
    const { learners, assignmentId } = await setUp({ revealPolicy: "after_submit" }, 1);
    const learner = learners[0]!;
    const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
    const first = await recordAnswer(learner.id, quizId, 0, singleResponse(await specAt(quizId, 0), false), minutes(2));
    expect(first.withheld).toEqual({ revealsAt: "submit" });
    await recordAnswer(learner.id, quizId, 1, singleResponse(await specAt(quizId, 1), true), minutes(3));
    const last = await recordAnswer(learner.id, quizId, 2, singleResponse(await specAt(quizId, 2), true), minutes(4));
    expect(last.withheld).toBeUndefined();
    expect(last.reveal.correctAnswer).toBeTruthy();
    expect((await getQuizSummary(learner.id, quizId, "de", minutes(5))).mistakes).toHaveLength(1);

    const open = await setUp({ revealPolicy: "immediate" }, 1);
    const attempt = await startAssignmentAttempt(open.learners[0]!.id, open.assignmentId, minutes(1));
    const answer = await recordAnswer(open.learners[0]!.id, attempt.quizId, 0, singleResponse(await specAt(attempt.quizId, 0), true), minutes(2));
    expect(toAnswerReply(answer)).toMatchObject({ correct: true, reveal: { correctAnswer: expect.any(String) } });
    expect(toAnswerReply(answer)).not.toHaveProperty("withheld");
  });
});

describe("gradebook and reports", () => {
  it("shows each learner's status, score, time and attempts, and per-question statistics", async () => {
    const { teacher, learners, assignmentId } = await setUp({ attemptsAllowed: "2", scoringPolicy: "best" }, 3);
    const [a, b, c] = learners;
    const qa = await startAssignmentAttempt(a!.id, assignmentId, minutes(0));
    await answerAll(a!.id, qa.quizId, [true, true, true], minutes(0));
    const qb = await startAssignmentAttempt(b!.id, assignmentId, minutes(0));
    await answerAll(b!.id, qb.quizId, [false, true, false], minutes(0));
    await startAssignmentAttempt(c!.id, assignmentId, minutes(10));

    const gradebook = await getGradebook(teacher.id, assignmentId, "de", minutes(20));
    const byId = new Map(gradebook.rows.map((r) => [r.userId, r]));
    expect(byId.get(a!.id)).toMatchObject({ status: "submitted", score: 1, attemptsUsed: 1, timeTakenMs: 3 * 60_000 });
    expect(byId.get(b!.id)?.score).toBeCloseTo(1 / 3);
    expect(byId.get(c!.id)).toMatchObject({ status: "in_progress", score: null, attemptsUsed: 1 });
    expect(gradebook.summary).toMatchObject({ learnerCount: 3, submittedCount: 2, inProgressCount: 1 });
    expect(gradebook.summary.averageScore).toBeCloseTo(2 / 3);

    expect(gradebook.groupedBy).toBe("position");
    expect(gradebook.questions.map((q) => [q.correct, q.answered])).toEqual([
      [1, 2],
      [2, 2],
      [1, 2],
    ]);
    const spec0 = await specAt(qb.quizId, 0);
    expect(gradebook.questions[0]?.mostCommonWrong?.answer).toBe(spec0.kind === "single" ? spec0.options.find((o) => o.value !== spec0.answer)!.value : "");
    expect(gradebook.questions[1]?.mostCommonWrong).toBeNull();
    expect(gradebook.weakestFacts.map((f) => f.factId).sort()).toEqual([...spec0.factIds, ...(await specAt(qb.quizId, 2)).factIds].sort());
    expect(gradebook.weakestFacts[0]?.label).toMatch(/\(\d{4}\)$/);

    const stranger = await createUser("teacher");
    await expect(getGradebook(stranger.id, assignmentId, "de", minutes(20))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGradebook(a!.id, assignmentId, "de", minutes(20))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("groups individual variants by question type and fact", async () => {
    const { teacher, learners, assignmentId } = await setUp({ variant: "individual" }, 2);
    for (const learner of learners) {
      const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
      await answerAll(learner.id, quizId, [true, false, true], minutes(1));
    }
    const gradebook = await getGradebook(teacher.id, assignmentId, "de", minutes(30));
    expect(gradebook.groupedBy).toBe("question");
    expect(gradebook.questions.every((q) => q.key.startsWith("accession-year|") && q.type === "accession-year")).toBe(true);
    expect(gradebook.questions.reduce((sum, q) => sum + q.answered, 0)).toBe(6);
  });

  it("reports scores across assignments and exports them with removed learners' work kept", async () => {
    const { teacher, klass, learners, assignmentId } = await setUp({}, 2);
    const second = await createAssignment(teacher.id, assignmentInput(klass.id, { title: "=Zweite", dueAt: hours(96).toISOString() }), t0);
    const [a, b] = learners;
    await db.user.update({ where: { id: b!.id }, data: { displayName: "=HYPERLINK(\"http://x\")" } });
    for (const [learner, pattern] of [
      [a!, [true, true, true]],
      [b!, [true, false, false]],
    ] as const) {
      const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
      await answerAll(learner.id, quizId, [...pattern], minutes(1));
    }
    const { quizId } = await startAssignmentAttempt(a!.id, second.id, minutes(30));
    await answerAll(a!.id, quizId, [true, false, true], minutes(30));
    await removeLearner(teacher.id, klass.id, b!.id);

    const report = await getClassReport(teacher.id, klass.id, hours(1));
    expect(report.assignments.map((x) => x.title)).toEqual(["Beitritte", "=Zweite"]);
    expect(report.assignments[0]?.averageScore).toBeCloseTo(2 / 3);
    expect(report.learnerCount).toBe(1);
    const removed = report.learners.find((l) => l.userId === b!.id);
    expect(removed).toMatchObject({ isRemoved: true, cells: { [second.id]: { status: "not_started", score: null } } });
    await expect(getClassReport(a!.id, klass.id, hours(1))).rejects.toBeInstanceOf(NotFoundError);

    const answers = await listAnswersForExport(teacher.id, klass.id, "de", {}, hours(1));
    expect(answers).toHaveLength(9);
    expect(answers.filter((x) => x.assignmentTitle === "Beitritte").map((x) => x.questionNumber)).toEqual([1, 2, 3, 1, 2, 3]);
    expect((await listAnswersForExport(teacher.id, klass.id, "de", { assignmentId: second.id }, hours(1))).length).toBe(3);
    await expect(listAnswersForExport(teacher.id, klass.id, "de", { assignmentId: "nope" }, hours(1))).rejects.toBeInstanceOf(NotFoundError);

    // The rows as the export writes them: formula-looking names and titles are defused.
    const csv = toCsv([["Name", "Aufgabe"], ...answers.map((x) => [x.learnerName, x.assignmentTitle])], { delimiter: ";" });
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
    expect(parsed.some((row) => row[0] === "'=HYPERLINK(\"http://x\")")).toBe(true);
    expect(parsed.some((row) => row[1] === "'=Zweite")).toBe(true);
    expect(parsed.every((row) => !row.some((cell) => /^[=+\-@]/.test(cell)))).toBe(true);
  });

  it("deletes an assignment with its attempts, for its teacher only", async () => {
    const { teacher, learners, assignmentId } = await setUp({}, 1);
    await startAssignmentAttempt(learners[0]!.id, assignmentId, minutes(1));
    const stranger = await createUser("teacher");
    await expect(deleteAssignment(stranger.id, assignmentId)).rejects.toBeInstanceOf(NotFoundError);
    await deleteAssignment(teacher.id, assignmentId);
    expect(await db.quiz.count({ where: { assignmentId } })).toBe(0);
  });
});

describe("a learner's own statistics while the reveal policy withholds grades", () => {
  const progressModule = import("./progress");

  it("count an after_due attempt only from the due date on, and an after_submit one once submitted", async () => {
    const { getDashboard, listAttempts, getPersonalBests } = await progressModule;
    for (const revealPolicy of ["after_due", "after_submit"] as const) {
      const { learners, assignmentId } = await setUp({ revealPolicy, questionCount: "3" }, 1);
      const learner = learners[0]!;
      const { quizId } = await startAssignmentAttempt(learner.id, assignmentId, minutes(1));
      await answerAll(learner.id, quizId, [true, false], minutes(1));

      // In progress: nothing of its grades anywhere (both policies withhold).
      const during = await getDashboard(learner.id, minutes(5), "de");
      expect(during.counts, revealPolicy).toMatchObject({ answers: 0, correctAnswers: 0 });
      expect(during.weakest, revealPolicy).toEqual([]);
      expect(during.days.reduce((sum, day) => sum + day.answers, 0)).toBe(0);

      await answerAll(learner.id, quizId, [true, false, true], minutes(1)); // the third answer submits it
      const submitted = await getDashboard(learner.id, minutes(10), "de");
      const history = await listAttempts(learner.id, {}, "de", minutes(10));
      const bests = await getPersonalBests(learner.id, "de", minutes(10));
      if (revealPolicy === "after_submit") {
        expect(submitted.counts).toMatchObject({ answers: 3, correctAnswers: 2 });
        expect(history.attempts.map((a) => a.id)).toEqual([quizId]);
        expect(bests).toHaveLength(1);
      } else {
        // Submitted, but due in two days: the review withholds its grades, and so does every figure.
        expect((await reviewAttempt(learner.id, quizId, "de", minutes(10))).withheld).toBeTruthy();
        expect(submitted.counts).toMatchObject({ answers: 0, correctAnswers: 0 });
        expect(submitted.weakest).toEqual([]);
        expect(submitted.topics[0]!.seen).toBe(0);
        expect(history.attempts).toEqual([]);
        expect(bests).toEqual([]);
        const afterDue = await getDashboard(learner.id, hours(49), "de");
        expect(afterDue.counts).toMatchObject({ answers: 3, correctAnswers: 2 });
        expect(afterDue.topics[0]!.seen).toBeGreaterThan(0);
      }
    }
  });
});
