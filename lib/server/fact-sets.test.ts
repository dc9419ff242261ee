import { beforeAll, describe, expect, it } from "vitest";
import { buildFactSetFromTable, type TableImportDescription } from "../facts/import-table";
import type { QuestionSpec } from "../questions/types";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway database first.
createTestDatabase("fact-sets");
const { db } = await import("./db");
const { NotFoundError } = await import("./errors");
const fs = await import("./fact-sets");
const { loadFactSets } = await import("../facts/load-fact-sets");
const { createClass, joinClass, removeLearner } = await import("./classes");
const { createAssignment } = await import("./assignments");
const { createQuiz, recordAnswer, getQuizForPlay } = await import("./attempts/quizzes");
const { recordAnswerFast } = await import("./attempts/answer-hot-path");
const { createSession } = await import("./session");
const { listDecks, getDeck } = await import("./flashcards");

const t0 = new Date("2026-03-02T08:00:00Z");
const asOf = "2026-03-01";

beforeAll(async () => {
  await fs.importFactSets([...loadFactSets().values()]);
});

let counter = 0;
async function createUser(role: "learner" | "teacher" = "learner") {
  counter += 1;
  return db.user.create({ data: { role, isGuest: false, email: `fs-${role}${counter}@example.test` }, select: { id: true, role: true } });
}

const description: TableImportDescription = {
  title: { de: "Nordbund", en: "North League" },
  organization: { nominativeDe: "der Nordbund", dativeDe: "dem Nordbund", nameEn: "the North League" },
};

/** Seven members with distinct exact days, so every date question can be built; `names` gives the German names. */
function table(names: string[] = ["Kalmar", "Tarnow", "Ulmen", "Wismar", "Zerbst", "Görlitz", "Husum"]): string {
  const en = ["Northland", "Southland", "Eastland", "Westland", "Midland", "Highland", "Lakeland"];
  // The two founders joined together; everyone else on a day of their own.
  const rows = names.map((de, i) => `${de},${en[i]},${i < 2 ? "1950-01-10" : `${1950 + i * 7}-0${i + 1}-1${i}`},${i < 2 ? "ja" : "nein"}`);
  return ["name_de,name_en,joined,founding", ...rows].join("\n");
}

function assignmentInput(classId: string, factSetId: string) {
  return {
    classId,
    title: "Nordbund",
    factSetId,
    questionTypes: ["accession-year"],
    questionCount: "3",
    variant: "same",
    opensAt: t0.toISOString(),
    dueAt: new Date(t0.getTime() + 2 * 86_400_000).toISOString(),
    attemptsAllowed: "1",
    scoringPolicy: "best",
    revealPolicy: "immediate",
  };
}

async function importTable(ownerId: string, csv = table(), existingId?: string) {
  return fs.saveImportedFactSet(ownerId, existingId, (target) => {
    const built = buildFactSetFromTable(csv, description, { ...target, asOf });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    return built.factSet;
  });
}

describe("imported fact sets: visibility", () => {
  it("are visible to their author and to nobody else, who gets not-found everywhere", async () => {
    const author = await createUser("teacher");
    const outsider = await createUser();
    const { id } = await importTable(author.id);

    expect((await fs.getVisibleFactSet(author.id, id)).title.en).toBe("North League");
    expect((await fs.listVisibleFactSets(author.id)).map((f) => f.id)).toContain(id);
    expect((await fs.listVisibleFactSets(author.id))[0]!.id).toBe("nato"); // shipped sets first

    await expect(fs.getVisibleFactSet(outsider.id, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(fs.getVisibleFactSet(null, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await fs.listVisibleFactSets(outsider.id)).map((f) => f.id)).toEqual(["nato"]);
    expect((await fs.listVisibleFactSets(null)).map((f) => f.id)).toEqual(["nato"]);
    // The readers behind the quiz start, the flashcards and the assignment form apply the same policy.
    await expect(createQuiz(outsider.id, { factSetId: id, types: ["accession-year"], count: 3 }, t0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDeck(outsider.id, id, t0)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listDecks(outsider.id, t0)).some((deck) => deck.ref.startsWith(id))).toBe(false);
    expect((await listDecks(author.id, t0)).some((deck) => deck.ref.startsWith(id))).toBe(true);
    const otherTeacher = await createUser("teacher");
    await expect(fs.getAssignableFactSet(otherTeacher.id, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await fs.listAssignableFactSets(otherTeacher.id)).map((f) => f.id)).toEqual(["nato"]);
    expect((await fs.listAssignableFactSets(author.id)).map((f) => f.id)).toEqual(["nato", id]);
  });

  it("are visible to the learners of the classes they are shared with, while they are in the class", async () => {
    const teacher = await createUser("teacher");
    const sharedClass = await createClass(teacher.id, { name: "9a" });
    const otherClass = await createClass(teacher.id, { name: "9b" });
    const inside = await createUser();
    const elsewhere = await createUser();
    await joinClass(inside, sharedClass.joinCode);
    await joinClass(elsewhere, otherClass.joinCode);
    const { id } = await importTable(teacher.id);

    await fs.setFactSetShares(teacher.id, id, [sharedClass.id]);
    expect((await fs.getVisibleFactSet(inside.id, id)).id).toBe(id);
    expect((await fs.listVisibleFactSets(inside.id)).map((f) => f.id)).toEqual(["nato", id]);
    await expect(fs.getVisibleFactSet(elsewhere.id, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await fs.listOwnFactSets(teacher.id)).find((f) => f.id === id)?.sharedClassIds).toEqual([sharedClass.id]);

    await removeLearner(teacher.id, sharedClass.id, inside.id);
    await expect(fs.getVisibleFactSet(inside.id, id)).rejects.toBeInstanceOf(NotFoundError);

    // Unsharing: the choice replaces the previous one.
    await fs.setFactSetShares(teacher.id, id, [otherClass.id]);
    expect((await fs.getVisibleFactSet(elsewhere.id, id)).id).toBe(id);
    await fs.setFactSetShares(teacher.id, id, []);
    await expect(fs.getVisibleFactSet(elsewhere.id, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot be shared with another teacher's class, nor by anyone but the author", async () => {
    const teacher = await createUser("teacher");
    const other = await createUser("teacher");
    const foreignClass = await createClass(other.id, { name: "10c" });
    const ownClass = await createClass(other.id, { name: "10d" });
    const { id } = await importTable(teacher.id);
    await expect(fs.setFactSetShares(teacher.id, id, [foreignClass.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(fs.setFactSetShares(other.id, id, [ownClass.id])).rejects.toBeInstanceOf(NotFoundError);
    await expect(fs.setFactSetShares(teacher.id, "nato", [])).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.factSetShare.count({ where: { factSetId: id } })).toBe(0);
  });

  it("are visible to the learners of a class with an assignment on them", async () => {
    const teacher = await createUser("teacher");
    const klass = await createClass(teacher.id, { name: "8a" });
    const learner = await createUser();
    await joinClass(learner, klass.joinCode);
    const { id } = await importTable(teacher.id);
    await expect(fs.getVisibleFactSet(learner.id, id)).rejects.toBeInstanceOf(NotFoundError);
    await createAssignment(teacher.id, assignmentInput(klass.id, id), t0);
    expect((await fs.getVisibleFactSet(learner.id, id)).id).toBe(id);
    expect((await fs.listVisibleFactSets(learner.id)).map((f) => f.id)).toContain(id);
    // Another teacher still cannot assign it.
    const other = await createUser("teacher");
    const otherClass = await createClass(other.id, { name: "8b" });
    await expect(createAssignment(other.id, assignmentInput(otherClass.id, id), t0)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot be re-imported by anyone but the author, and shipped sets not at all", async () => {
    const author = await createUser();
    const other = await createUser();
    const { id } = await importTable(author.id);
    await expect(importTable(other.id, table(), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(importTable(other.id, table(), "nato")).rejects.toBeInstanceOf(NotFoundError);
    await expect(fs.deleteOwnFactSet(other.id, id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await fs.getVisibleFactSet(author.id, id)).version).toBe(1);
  });
});

describe("imported fact sets: versions", () => {
  it("re-importing makes a new version, and an old attempt grades against the version it was made with", async () => {
    const author = await createUser();
    const { id, version } = await importTable(author.id);
    expect(version).toBe(1);
    const quiz = await createQuiz(author.id, { factSetId: id, types: ["typed-country"], count: 2 }, t0);
    const specs = (await db.quizQuestion.findMany({ where: { quizId: quiz.id }, orderBy: { position: "asc" } })).map(
      (row) => JSON.parse(row.spec) as QuestionSpec,
    );
    const v1 = await fs.getVisibleFactSet(author.id, id);

    // Version 2 renames every member in German (same English names, so the same member ids).
    const renamed = ["Nordreich", "Südreich", "Ostreich", "Westreich", "Mittelreich", "Bergreich", "Seereich"];
    const second = await importTable(author.id, table(renamed), id);
    expect(second).toEqual({ id, version: 2 });
    const v2 = await fs.getVisibleFactSet(author.id, id);
    expect(v2.version).toBe(2);
    expect(v2.countries[0]!.name.de).toBe("Nordreich");
    expect(await db.factSetVersion.count({ where: { factSetId: id } })).toBe(2);
    expect((await fs.listOwnFactSets(author.id)).find((f) => f.id === id)?.version).toBe(2);

    // The old name, typed into the old quiz, is right: the question was asked with version 1.
    const oldName = (spec: QuestionSpec) => v1.countries.find((c) => c.id === (spec.kind === "text" ? spec.answer.value : ""))!.name.de;
    const play = await getQuizForPlay(author.id, quiz.id, "de", t0);
    expect(play.factSetTitle).toBe("Nordbund");
    const first = await recordAnswer(author.id, quiz.id, 0, { kind: "text", text: oldName(specs[0]!) }, t0, "de");
    expect(first.correct).toBe(true);
    expect(first.reveal.correctAnswer).toContain(oldName(specs[0]!));

    // The answer route's one-read path takes the quiz's version too.
    const { token } = await createSession(author.id, t0);
    await fs.getFactSetVersion(id, 1); // the fast path grades only against cached parses
    const fast = await recordAnswerFast(token, quiz.id, 1, { kind: "text", text: oldName(specs[1]!) }, t0, "de");
    expect(fast?.correct).toBe(true);

    // A new quiz is made with version 2, where the old name is no answer.
    const newQuiz = await createQuiz(author.id, { factSetId: id, types: ["typed-country"], count: 1 }, t0);
    expect((await db.quiz.findUniqueOrThrow({ where: { id: newQuiz.id } })).factSetVersion).toBe(2);
    const newSpec = JSON.parse((await db.quizQuestion.findFirstOrThrow({ where: { quizId: newQuiz.id } })).spec) as QuestionSpec;
    const wrong = await recordAnswer(author.id, newQuiz.id, 0, { kind: "text", text: oldName(newSpec) }, t0, "de");
    expect(wrong.correct).toBe(false);
  });

  it("shipped sets keep their version rows, and seeding twice changes nothing", async () => {
    expect(await db.factSetVersion.count({ where: { factSetId: "nato" } })).toBe(1);
    expect(await fs.importFactSets([...loadFactSets().values()])).toEqual([{ id: "nato", changed: false }]);
  });

  it("deleting the author's account deletes their sets with their versions and shares", async () => {
    const author = await createUser("teacher");
    const { id } = await importTable(author.id);
    await db.user.delete({ where: { id: author.id } });
    expect(await db.factSet.count({ where: { id } })).toBe(0);
    expect(await db.factSetVersion.count({ where: { factSetId: id } })).toBe(0);
  });
});
