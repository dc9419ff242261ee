import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * One owner for attempts: lib/server/attempts/ is the only code that reads or writes the
 * Quiz, QuizQuestion, Answer and AnswerFact tables. This test fails on any other source file
 * in lib/, app/, components/ or scripts/ that queries them through a Prisma client or
 * transaction (`db.quiz.`, `tx.answer.`, …), reads them through a relation of another model
 * (`attempts: { select … }` under Assignment, `quizzes: true` under User, `_count` of them), or
 * names them in raw SQL (`"Quiz"`, …).
 */

const root = join(__dirname, "..", "..", "..");
const owner = join("lib", "server", "attempts") + sep;

/**
 * Exempt on purpose: the benchmark seeds millions of rows with multi-row INSERTs and measures
 * the app through it; going through the owner's one-row-at-a-time writes would make seeding
 * take hours, and it never runs in the app.
 */
const exempt = [join("scripts", "bench") + sep];

const clientAccess = /\b(?:db|tx|client|prisma|writer)\s*\.\s*(?:quiz|quizQuestion|answer|answerFact)\s*\./;
const rawSql = /"(?:Quiz|QuizQuestion|Answer|AnswerFact)"/;
/** The relations into those tables from other models (prisma/schema.prisma): User.quizzes, User.answers, User.answerFacts, Assignment.attempts. */
const relationRead = /\b(?:quizzes|answers|answerFacts|attempts)\s*:\s*(?:true\b|\{\s*(?:select|include|where|orderBy|take|skip|some|every|none)\b)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

function offenders(): string[] {
  return ["lib", "app", "components", "scripts"]
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .map((path) => relative(root, path))
    .filter((path) => !path.startsWith(owner) && !exempt.some((prefix) => path.startsWith(prefix)))
    .filter((path) => !path.endsWith(".test.ts") && !path.endsWith(".test.tsx"))
    .filter((path) => {
      const text = readFileSync(join(root, path), "utf8");
      return clientAccess.test(text) || rawSql.test(text) || relationRead.test(text);
    });
}

describe("attempt tables have one owner", () => {
  it("no source outside lib/server/attempts/ queries Quiz, QuizQuestion, Answer or AnswerFact", () => {
    expect(offenders()).toEqual([]);
  });

  it("the scanner recognises a query (so it can fail)", () => {
    expect(clientAccess.test("await db.quiz.findMany({})")).toBe(true);
    expect(clientAccess.test("tx.answerFact.updateMany(")).toBe(true);
    expect(rawSql.test('SELECT * FROM "Answer"')).toBe(true);
    expect(clientAccess.test("spec.answer.map((v) => v)")).toBe(false);
    expect(relationRead.test("select: { ...assignmentSettingsSelect, attempts: { where: { userId }, select: attemptSelect } }")).toBe(true);
    expect(relationRead.test("_count: { select: { quizzes: true } }")).toBe(true);
    expect(relationRead.test("attempts: GradebookAttempt[];")).toBe(false);
  });
});
