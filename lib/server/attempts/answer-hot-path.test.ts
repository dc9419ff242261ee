import { beforeAll, describe, expect, it } from "vitest";
import type { QuestionSpec, Response } from "../../questions/types";
import { questionTypes } from "../../questions/types";
import { createTestDatabase } from "../test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway database first.
createTestDatabase("answer-hot-path");
const { db } = await import("../db");
const { importFactSets, getVisibleFactSet } = await import("../fact-sets");
const { loadFactSets } = await import("../../facts/load-fact-sets");
const { createSession, deleteOtherSessions, deleteSessionToken, validateSessionToken } = await import("../session");
const { createQuiz, recordAnswer } = await import("./quizzes");
const { recordAnswerFast } = await import("./answer-hot-path");

const start = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

beforeAll(async () => {
  await importFactSets([...loadFactSets().values()]);
  await getVisibleFactSet(null, "nato"); // parsed once, as the first answer of a process does through recordAnswer
});

async function createUser(): Promise<string> {
  return (await db.user.create({ data: {}, select: { id: true } })).id;
}

/** Two quizzes with the same questions, for two learners: one answered the old way, one the new. */
async function twinQuizzes(count: number) {
  const [oldUser, newUser] = [await createUser(), await createUser()];
  const original = await createQuiz(oldUser, { factSetId: "nato", types: [...questionTypes], count }, start);
  const source = await db.quiz.findUniqueOrThrow({ where: { id: original.id }, include: { questions: { orderBy: { position: "asc" } } } });
  const twin = await db.quiz.create({
    data: {
      userId: newUser,
      factSetId: source.factSetId,
      factSetVersion: source.factSetVersion,
      mode: source.mode,
      settings: source.settings,
      seed: source.seed,
      questionCount: source.questionCount,
      startedAt: source.startedAt,
      questions: { createMany: { data: source.questions.map(({ position, type, kind, spec, factIds }) => ({ position, type, kind, spec, factIds })) } },
    },
  });
  const { token } = await createSession(newUser, start);
  const specs = source.questions.map((q) => JSON.parse(q.spec) as QuestionSpec);
  return { oldUser, newUser, oldQuizId: original.id, newQuizId: twin.id, token, specs };
}

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
      return { kind: "text", text: spec.answer.value };
    case "map":
      return { kind: "map", value: spec.answer[0] ?? "" };
  }
}

/** A wrong (or partly wrong) response that still fits the question. */
function wrongResponse(spec: QuestionSpec): Response {
  switch (spec.kind) {
    case "single":
      return { kind: "single", value: spec.options.find((o) => o.value !== spec.answer)!.value };
    case "multi":
      return { kind: "multi", values: spec.answer.slice(1) };
    case "order":
      return { kind: "order", values: [...spec.answer].reverse() };
    case "match": {
      const entries = Object.entries(spec.answer);
      const rights = entries.map(([, right]) => right).reverse();
      return { kind: "match", pairs: Object.fromEntries(entries.map(([left], i) => [left, rights[i]!])) };
    }
    case "text":
      return { kind: "text", text: "Atlantis" };
    case "map":
      return { kind: "map", value: spec.options.find((o) => !spec.answer.includes(o.value))?.value ?? "XX" };
  }
}

/** A reply or the error thrown, with the quiz's id (which differs between the twins) left out of messages. */
async function outcome(run: () => Promise<unknown>, quizId?: string): Promise<unknown> {
  try {
    return { result: await run() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message.replace(quizId ?? "\0", "<quiz>") };
  }
}

/** The rows an answer leaves, without ids and owners (which differ between the twins by construction). */
async function rowsOf(quizId: string) {
  const quiz = await db.quiz.findUniqueOrThrow({
    where: { id: quizId },
    select: { status: true, currentIndex: true, correctCount: true, score: true, finishedAt: true, questionCount: true },
  });
  const answers = await db.answer.findMany({
    where: { quizId },
    orderBy: { answeredAt: "asc" },
    select: {
      questionType: true,
      kind: true,
      response: true,
      correct: true,
      score: true,
      answeredAt: true,
      durationMs: true,
      quizQuestion: { select: { position: true } },
      facts: { orderBy: { factId: "asc" }, select: { factSetId: true, factId: true, correct: true, answeredAt: true } },
    },
  });
  // The quiz's score is a running sum of float increments (score / questionCount per answer),
  // which the two paths hand to the database differently (Prisma's `increment` vs a bound
  // parameter): the sums may differ in the last bits, so compare them to 12 places.
  return { quiz: { ...quiz, score: Number(quiz.score.toFixed(12)) }, answers };
}

describe("the answer hot path writes what recordAnswer writes", () => {
  it("answers a whole quiz of every question type, right and wrong, to the same rows and replies", async () => {
    const twins = await twinQuizzes(questionTypes.length);
    for (const [position, spec] of twins.specs.entries()) {
      const now = at(7 * (position + 1));
      const locale = position % 2 ? "en" : "de";
      // A response that does not fit (the crude wrong one, for some questions) must be refused alike; then the right one.
      for (const response of position % 3 === 1 ? [wrongResponse(spec), correctResponse(spec)] : [correctResponse(spec)]) {
        const before = await outcome(() => recordAnswer(twins.oldUser, twins.oldQuizId, position, response, now, locale), twins.oldQuizId);
        const after = await outcome(() => recordAnswerFast(twins.token, twins.newQuizId, position, response, now, locale), twins.newQuizId);
        expect(after).toEqual(before);
        if ((after as { error?: string }).error === "InvalidResponseError") continue;
        expect(after).toHaveProperty("result.alreadyAnswered", false);
        break;
      }
    }
    const [oldRows, newRows] = [await rowsOf(twins.oldQuizId), await rowsOf(twins.newQuizId)];
    expect(newRows).toEqual(oldRows);
    expect(newRows.quiz.status).toBe("finished");
    expect(newRows.answers.length).toBe(questionTypes.length);
    expect(newRows.answers.some((a) => !a.correct) && newRows.answers.some((a) => a.correct)).toBe(true);
    expect(newRows.answers.every((a) => a.facts.length > 0)).toBe(true);
    const ids = await db.answer.findMany({ where: { quizId: twins.newQuizId }, select: { id: true, facts: { select: { id: true } } } });
    for (const id of ids.flatMap((a) => [a.id, ...a.facts.map((f) => f.id)])) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("refuses out of turn and a position the quiz lacks as recordAnswer does, writing nothing", async () => {
    const twins = await twinQuizzes(2);
    const response = correctResponse(twins.specs[1]!);
    for (const position of [1, 5]) {
      const before = await outcome(() => recordAnswer(twins.oldUser, twins.oldQuizId, position, response, at(5)), twins.oldQuizId);
      const after = await outcome(() => recordAnswerFast(twins.token, twins.newQuizId, position, response, at(5)), twins.newQuizId);
      expect(after).toEqual(before);
      expect(after).toHaveProperty("error");
    }
    for (const position of [0, 1]) {
      await recordAnswer(twins.oldUser, twins.oldQuizId, position, correctResponse(twins.specs[position]!), at(10 + position));
      await recordAnswerFast(twins.token, twins.newQuizId, position, correctResponse(twins.specs[position]!), at(10 + position));
    }
    expect(await rowsOf(twins.newQuizId)).toEqual(await rowsOf(twins.oldQuizId));
    // An answered question goes back to recordAnswer for its stored result (null: not decided here).
    expect(await recordAnswerFast(twins.token, twins.newQuizId, 1, response, at(20))).toBeNull();
  });

  it("leaves every session decision to session.ts: unknown, expired and due-for-refresh sessions get null", async () => {
    const twins = await twinQuizzes(1);
    const response = correctResponse(twins.specs[0]!);
    expect(await recordAnswerFast("not-a-token", twins.newQuizId, 0, response, at(1))).toBeNull();
    expect(await recordAnswerFast(twins.token, twins.newQuizId, 0, response, new Date(start.getTime() + 2 * 24 * 60 * 60 * 1000))).toBeNull();
    expect(await recordAnswerFast(twins.token, twins.newQuizId, 0, response, new Date(start.getTime() + 400 * 24 * 60 * 60 * 1000))).toBeNull();
    // Another learner's quiz is not this session's: null, and recordAnswer's 404 follows.
    expect(await recordAnswerFast(twins.token, twins.oldQuizId, 0, response, at(1))).toBeNull();
    expect((await rowsOf(twins.newQuizId)).answers).toEqual([]);
    expect((await rowsOf(twins.oldQuizId)).answers).toEqual([]);
  });

  it("refuses an expired session that was seen a minute ago, and a revoked one: session.ts's policy, not a bypass", async () => {
    const response = (twins: { specs: QuestionSpec[] }) => correctResponse(twins.specs[0]!);
    // Control: the same setup with a valid session is answered here, so the refusals below are the policy's.
    const control = await twinQuizzes(1);
    expect(await recordAnswerFast(control.token, control.newQuizId, 0, response(control), at(60))).toHaveProperty("alreadyAnswered", false);

    // Expired (past expiresAt) while lastSeenAt is recent, so no "due for refresh" fallback hides a skipped expiry check.
    const expired = await twinQuizzes(1);
    await db.session.updateMany({ where: { userId: expired.newUser }, data: { lastSeenAt: at(50), expiresAt: at(55) } });
    expect(await recordAnswerFast(expired.token, expired.newQuizId, 0, response(expired), at(60))).toBeNull();
    expect((await rowsOf(expired.newQuizId)).answers).toEqual([]);
    // …and the fallback the route takes refuses it too (and deletes the row).
    expect(await validateSessionToken(expired.token, at(60))).toBeNull();
    expect(await db.session.count({ where: { userId: expired.newUser } })).toBe(0);

    // Revoked: signed out in this browser, or ended from another device.
    const signedOut = await twinQuizzes(1);
    await deleteSessionToken(signedOut.token);
    expect(await recordAnswerFast(signedOut.token, signedOut.newQuizId, 0, response(signedOut), at(60))).toBeNull();
    const endedElsewhere = await twinQuizzes(1);
    const other = await createSession(endedElsewhere.newUser, at(30));
    expect(await deleteOtherSessions(endedElsewhere.newUser, other.token)).toBe(1);
    expect(await recordAnswerFast(endedElsewhere.token, endedElsewhere.newQuizId, 0, response(endedElsewhere), at(60))).toBeNull();
    for (const twins of [signedOut, endedElsewhere]) expect((await rowsOf(twins.newQuizId)).answers).toEqual([]);
    // The device that ended the others still answers.
    expect(await recordAnswerFast(other.token, endedElsewhere.newQuizId, 0, response(endedElsewhere), at(61))).toHaveProperty("alreadyAnswered", false);
  });

  it("a race lost to another submission of the same question writes nothing and goes back to recordAnswer", async () => {
    const twins = await twinQuizzes(2);
    const response = correctResponse(twins.specs[0]!);
    const results = await Promise.all([0, 1, 2].map(() => recordAnswerFast(twins.token, twins.newQuizId, 0, response, at(3))));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const rows = await rowsOf(twins.newQuizId);
    expect(rows.answers).toHaveLength(1);
    expect(rows.quiz.currentIndex).toBe(1);
  });
});
