import { describe, expect, it } from "vitest";
import type { AttemptFacts } from "./policies";
import { getTimeTakenMs, scoreAttempts } from "./scoring";

const t0 = new Date("2026-03-02T08:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

function finished(attemptNumber: number, score: number, startMinute = attemptNumber * 10, tookMinutes = 5): AttemptFacts {
  return { attemptNumber, status: "finished", startedAt: minutes(startMinute), finishedAt: minutes(startMinute + tookMinutes), score, deadlineAt: null };
}

describe("scoreAttempts", () => {
  const attempts = [finished(1, 0.5), finished(2, 0.9), finished(3, 0.7)];

  it("best: the highest score", () => {
    expect(scoreAttempts("best", attempts)).toMatchObject({ score: 0.9, attempt: { attemptNumber: 2 }, submittedCount: 3 });
  });

  it("last: the attempt with the highest number, whatever the order given", () => {
    expect(scoreAttempts("last", [...attempts].reverse())).toMatchObject({ score: 0.7, attempt: { attemptNumber: 3 } });
  });

  it("average: the mean of the finished attempts", () => {
    const result = scoreAttempts("average", attempts);
    expect(result.score).toBeCloseTo(0.7, 10);
    expect(result.attempt).toBeNull();
  });

  it("ignores attempts in progress and is null with nothing submitted", () => {
    const open: AttemptFacts = { ...finished(4, 1), status: "in_progress", finishedAt: null };
    expect(scoreAttempts("last", [...attempts, open])).toMatchObject({ score: 0.7, submittedCount: 3 });
    expect(scoreAttempts("average", [open])).toEqual({ score: null, attempt: null, submittedCount: 0 });
    for (const policy of ["best", "last", "average"] as const) expect(scoreAttempts(policy, []).score).toBeNull();
  });

  it("counts an attempt that ran out of time with the score it reached", () => {
    const expired: AttemptFacts = { ...finished(1, 0.2), status: "expired" };
    expect(scoreAttempts("best", [expired]).score).toBe(0.2);
  });

  it("best takes the earlier attempt on a tie", () => {
    expect(scoreAttempts("best", [finished(2, 0.8), finished(1, 0.8)]).attempt?.attemptNumber).toBe(1);
  });

  it("holds its properties for many random attempt sets", () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 6);
      const set = Array.from({ length: count }, (_, i) => finished(i + 1, Math.round(random() * 20) / 20));
      const scores = set.map((a) => a.score);
      const best = scoreAttempts("best", set).score!;
      const last = scoreAttempts("last", set).score!;
      const average = scoreAttempts("average", set).score!;
      expect(best).toBe(Math.max(...scores));
      expect(last).toBe(scores[scores.length - 1]);
      expect(average).toBeLessThanOrEqual(best + 1e-12);
      expect(average).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-12);
    }
  });
});

describe("getTimeTakenMs", () => {
  it("is the counted attempt's start-to-submission time, or the mean for average", () => {
    const attempts = [finished(1, 0.5, 0, 4), finished(2, 0.9, 10, 8)];
    expect(getTimeTakenMs("best", attempts)).toBe(8 * 60_000);
    expect(getTimeTakenMs("last", attempts)).toBe(8 * 60_000);
    expect(getTimeTakenMs("average", attempts)).toBe(6 * 60_000);
    expect(getTimeTakenMs("best", [])).toBeNull();
  });
});
