import { describe, expect, it } from "vitest";
import { countAttemptsLeft, decideStart } from "./attempt-rules";
import type { AttemptFacts } from "./policies";

const opensAt = new Date("2026-03-02T08:00:00Z");
const hours = (n: number) => new Date(opensAt.getTime() + n * 3_600_000);
const assignment = (overrides: Partial<{ acceptLate: boolean; attemptsAllowed: number }> = {}) => ({
  opensAt,
  dueAt: hours(24),
  acceptLate: false,
  attemptsAllowed: 2,
  ...overrides,
});

function attempt(attemptNumber: number, overrides: Partial<AttemptFacts> = {}): AttemptFacts {
  return { attemptNumber, status: "finished", startedAt: hours(1), finishedAt: hours(2), score: 0.5, deadlineAt: null, ...overrides };
}

describe("decideStart", () => {
  it("refuses before opening and starts attempt 1 once open", () => {
    expect(decideStart([], assignment(), hours(-0.01))).toEqual({ kind: "refused", reason: "not_open" });
    expect(decideStart([], assignment(), opensAt)).toEqual({ kind: "start", attemptNumber: 1, isLate: false });
  });

  it("refuses after the due date unless late work is accepted, which is marked", () => {
    expect(decideStart([], assignment(), hours(24))).toEqual({ kind: "refused", reason: "closed" });
    expect(decideStart([], assignment({ acceptLate: true }), hours(30))).toEqual({ kind: "start", attemptNumber: 1, isLate: true });
  });

  it("counts every attempt against the limit", () => {
    expect(decideStart([attempt(1)], assignment(), hours(3))).toEqual({ kind: "start", attemptNumber: 2, isLate: false });
    expect(decideStart([attempt(1), attempt(2)], assignment(), hours(3))).toEqual({ kind: "refused", reason: "no_attempts_left" });
    expect(decideStart([attempt(1, { status: "expired" })], assignment({ attemptsAllowed: 1 }), hours(3))).toEqual({
      kind: "refused",
      reason: "no_attempts_left",
    });
  });

  it("resumes an open attempt instead of starting another, until its time runs out", () => {
    const open = attempt(1, { status: "in_progress", finishedAt: null, deadlineAt: hours(1.5) });
    expect(decideStart([open], assignment(), hours(1.2))).toEqual({ kind: "resume", attemptNumber: 1 });
    expect(decideStart([open], assignment(), hours(1.5))).toEqual({ kind: "start", attemptNumber: 2, isLate: false });
    expect(decideStart([open], assignment({ attemptsAllowed: 1 }), hours(1.5))).toEqual({ kind: "refused", reason: "no_attempts_left" });
  });

  it("resumes an open untimed attempt after the due date only when late work is accepted", () => {
    const open = attempt(1, { status: "in_progress", finishedAt: null });
    expect(decideStart([open], assignment({ acceptLate: true }), hours(30))).toEqual({ kind: "resume", attemptNumber: 1 });
    expect(decideStart([open], assignment({ acceptLate: false }), hours(30))).toEqual({ kind: "refused", reason: "closed" });
  });

  it("never allows more attempts than allowed, whatever the clock", () => {
    for (let allowed = 1; allowed <= 4; allowed++) {
      const attempts: AttemptFacts[] = [];
      for (let h = 0; h < 24; h += 0.5) {
        const decision = decideStart(attempts, assignment({ attemptsAllowed: allowed }), hours(h));
        if (decision.kind === "start") attempts.push(attempt(decision.attemptNumber, { startedAt: hours(h), finishedAt: hours(h) }));
      }
      expect(attempts.map((a) => a.attemptNumber)).toEqual(Array.from({ length: allowed }, (_, i) => i + 1));
      expect(countAttemptsLeft(attempts, allowed)).toBe(0);
    }
  });
});
