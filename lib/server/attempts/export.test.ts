import { beforeAll, describe, expect, it } from "vitest";
import type { QuestionSpec, Response } from "../../questions/types";
import { createTestDatabase } from "../test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("attempts-export");
const { db } = await import("../db");
const { importFactSets } = await import("../fact-sets");
const { loadFactSets } = await import("../../facts/load-fact-sets");
const { createClass, joinClass } = await import("../classes");
const { createAssignment, startAssignmentAttempt } = await import("../assignments");
const { createQuiz, recordAnswer } = await import("./quizzes");
const { exportUserData } = await import("../users");

const t0 = new Date("2026-03-02T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const dueAt = minutes(48 * 60);

beforeAll(async () => {
  await importFactSets([...loadFactSets().values()]);
});

let counter = 0;
async function createUser(role: "learner" | "teacher", isGuest = false) {
  counter += 1;
  return db.user.create({ data: { role, isGuest, email: isGuest ? null : `${role}${counter}@example.test` }, select: { id: true, role: true } });
}

async function specsOf(quizId: string): Promise<QuestionSpec[]> {
  const rows = await db.quizQuestion.findMany({ where: { quizId }, orderBy: { position: "asc" } });
  return rows.map((row) => JSON.parse(row.spec) as QuestionSpec);
}

function single(spec: QuestionSpec, isCorrect: boolean): Response {
  if (spec.kind !== "single") throw new Error("these tests answer single-choice questions");
  return { kind: "single", value: isCorrect ? spec.answer : spec.options.find((o) => o.value !== spec.answer)!.value };
}

/** The parts of a spec that give the key away, as they would appear in the export's JSON. */
function keyOf(spec: QuestionSpec): string {
  return JSON.stringify({ answer: (spec as { answer: unknown }).answer }).slice(1, -1);
}

describe("exportAttempts (through exportUserData)", () => {
  for (const isGuest of [false, true]) {
    it(`exports the key of answered questions only, never the seed (${isGuest ? "guest" : "account"})`, async () => {
      const learner = await createUser("learner", isGuest);
      const quiz = await createQuiz(learner.id, { factSetId: "nato", types: ["accession-year"], count: 3 }, minutes(0));
      const specs = await specsOf(quiz.id);
      await recordAnswer(learner.id, quiz.id, 0, single(specs[0]!, false), minutes(1));
      const seed = (await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).seed;

      const data = await exportUserData(learner.id, minutes(2));
      const json = JSON.stringify(data);
      expect(json).not.toContain(seed);
      const [exported] = data.quizzes;
      expect(exported).not.toHaveProperty("seed");
      expect(exported!.questions[0]).toMatchObject({ position: 0, spec: { answer: (specs[0] as { answer: string }).answer }, answer: { correct: false } });
      expect(exported!.questions[1]).toMatchObject({ spec: null, answer: null });
      expect(exported!.questions[2]).toMatchObject({ spec: null, answer: null });
      expect(json).toContain(keyOf(specs[0]!));
    });
  }

  it("withholds keys and grades of an after_due assignment until the due date, also once submitted", async () => {
    const teacher = await createUser("teacher");
    const klass = await createClass(teacher.id, { name: "9b" });
    const learner = await createUser("learner");
    await joinClass(learner, klass.joinCode);
    const assignment = await createAssignment(
      teacher.id,
      {
        classId: klass.id,
        title: "Beitritte",
        factSetId: "nato",
        questionTypes: ["accession-year"],
        questionCount: "3",
        variant: "same",
        opensAt: t0.toISOString(),
        dueAt: dueAt.toISOString(),
        attemptsAllowed: "1",
        scoringPolicy: "best",
        timeLimitMinutes: "",
        revealPolicy: "after_due",
      },
      t0,
    );
    const { quizId } = await startAssignmentAttempt(learner.id, assignment.id, minutes(1));
    const specs = await specsOf(quizId);

    const started = await exportUserData(learner.id, minutes(2));
    for (const spec of specs) expect(JSON.stringify(started)).not.toContain(keyOf(spec));

    for (const [position, spec] of specs.entries()) await recordAnswer(learner.id, quizId, position, single(spec, position === 0), minutes(3 + position));
    const submitted = await exportUserData(learner.id, minutes(10));
    const json = JSON.stringify(submitted);
    for (const spec of specs) expect(json).not.toContain(keyOf(spec));
    const [attempt] = submitted.quizzes;
    expect(attempt).toMatchObject({ status: "finished", gradesWithheld: true, score: null, correctCount: null });
    expect(attempt!.questions.every((q) => q.spec === null && q.answer?.correct === null && q.answer?.score === null && q.answer?.response)).toBe(true);
    expect(submitted.answerFacts).toEqual([]);

    // The same scanner finds the key once the policy reveals it.
    const due = await exportUserData(learner.id, dueAt);
    for (const spec of specs) expect(JSON.stringify(due)).toContain(keyOf(spec));
    expect(due.quizzes[0]).toMatchObject({ gradesWithheld: false, correctCount: 1 });
    expect(due.answerFacts.length).toBeGreaterThan(0);
  });
});
