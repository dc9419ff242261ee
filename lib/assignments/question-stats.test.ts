import { describe, expect, it } from "vitest";
import { averageScore, findWeakestFacts, summariseQuestions, type QuestionObservation } from "./question-stats";
import { getAttemptSeed } from "./variant";

function observe(key: string, correct: boolean, wrongAnswer: string | null = null, factIds: string[] = [key], order = Number(key) || 0): QuestionObservation {
  return { key, label: `Q${key}`, order, factIds, correct, wrongAnswer: correct ? null : wrongAnswer };
}

describe("summariseQuestions", () => {
  it("gives the share correct and the most common wrong answer per question", () => {
    const stats = summariseQuestions([
      observe("1", true),
      observe("1", false, "1999"),
      observe("1", false, "2004"),
      observe("1", false, "1999"),
      observe("0", true),
      observe("0", true),
    ]);
    expect(stats.map((s) => s.key)).toEqual(["0", "1"]);
    expect(stats[0]).toMatchObject({ answered: 2, correct: 2, correctShare: 1, mostCommonWrong: null });
    expect(stats[1]).toMatchObject({ answered: 4, correct: 1, correctShare: 0.25, mostCommonWrong: { answer: "1999", count: 2 } });
  });

  it("counts no answer as a wrong answer of its own, and breaks ties alphabetically", () => {
    const stats = summariseQuestions([observe("2", false, ""), observe("2", false, "B"), observe("2", false, "A")]);
    expect(stats[0]?.mostCommonWrong).toEqual({ answer: "", count: 1 });
    expect(summariseQuestions([observe("2", false, "B"), observe("2", false, "A")])[0]?.mostCommonWrong).toEqual({ answer: "A", count: 1 });
  });
});

describe("findWeakestFacts", () => {
  it("lists facts got wrong, weakest first, at most the limit", () => {
    const weakest = findWeakestFacts(
      [
        observe("a", false, "x", ["PL", "HU"]),
        observe("b", true, null, ["PL"]),
        observe("c", false, "y", ["CZ"]),
        observe("d", true, null, ["DE"]),
        observe("e", false, "z", ["HU"]),
      ],
      2,
    );
    expect(weakest).toEqual([
      { factId: "HU", answered: 2, correct: 0, correctShare: 0 },
      { factId: "CZ", answered: 1, correct: 0, correctShare: 0 },
    ]);
    expect(findWeakestFacts([observe("d", true, null, ["DE"])])).toEqual([]);
  });
});

describe("averageScore", () => {
  it("averages the scores that exist", () => {
    expect(averageScore([0.5, null, 1])).toBe(0.75);
    expect(averageScore([null])).toBeNull();
  });
});

describe("getAttemptSeed", () => {
  it("is the assignment's for the same variant, and per learner for individual ones", () => {
    expect(getAttemptSeed("same", "s1", "u1")).toBe("s1");
    expect(getAttemptSeed("same", "s1", "u2")).toBe("s1");
    expect(getAttemptSeed("individual", "s1", "u1")).not.toBe(getAttemptSeed("individual", "s1", "u2"));
    expect(getAttemptSeed("individual", "s1", "u1")).toBe(getAttemptSeed("individual", "s1", "u1"));
  });
});
