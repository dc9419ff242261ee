import { describe, expect, it } from "vitest";
import type { AttemptFacts } from "./policies";
import { computeDeadline, getEffectiveDeadline, getRemainingMs, isPastDeadline, needsSettling, settleAttempt } from "./time-limit";

const t0 = new Date("2026-03-02T08:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function attempt(overrides: Partial<AttemptFacts> = {}): AttemptFacts {
  return { attemptNumber: 1, status: "in_progress", startedAt: t0, finishedAt: null, score: 0.4, deadlineAt: null, ...overrides };
}

describe("computeDeadline", () => {
  it("is start + limit, and null without a limit", () => {
    expect(computeDeadline(t0, 600)).toEqual(at(600));
    expect(computeDeadline(t0, 60)).toEqual(at(60));
    expect(computeDeadline(t0, null)).toBeNull();
    expect(computeDeadline(t0, undefined)).toBeNull();
  });

  it("refuses a zero, negative or non-finite limit", () => {
    for (const limit of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => computeDeadline(t0, limit)).toThrow(RangeError);
  });
});

describe("getEffectiveDeadline", () => {
  const due = at(3600);
  it("is the attempt's own deadline when late work is accepted", () => {
    expect(getEffectiveDeadline({ deadlineAt: at(600) }, { dueAt: due, acceptLate: true })).toEqual(at(600));
    expect(getEffectiveDeadline({ deadlineAt: at(7200) }, { dueAt: due, acceptLate: true })).toEqual(at(7200));
    expect(getEffectiveDeadline({ deadlineAt: null }, { dueAt: due, acceptLate: true })).toBeNull();
  });

  it("is capped by the due date when late work is refused", () => {
    expect(getEffectiveDeadline({ deadlineAt: at(600) }, { dueAt: due, acceptLate: false })).toEqual(at(600));
    expect(getEffectiveDeadline({ deadlineAt: at(7200) }, { dueAt: due, acceptLate: false })).toEqual(due);
    expect(getEffectiveDeadline({ deadlineAt: null }, { dueAt: due, acceptLate: false })).toEqual(due);
  });
});

describe("isPastDeadline and getRemainingMs with a moving clock", () => {
  const deadline = at(60);
  it("counts down to zero and ends exactly at the deadline", () => {
    for (let second = 0; second <= 120; second += 5) {
      const now = at(second);
      expect(isPastDeadline(deadline, now), `at ${second}s`).toBe(second >= 60);
      expect(getRemainingMs(deadline, now)).toBe(Math.max(0, (60 - second) * 1000));
    }
    expect(isPastDeadline(deadline, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(true);
  });

  it("never ends without a deadline", () => {
    expect(isPastDeadline(null, at(10 ** 9))).toBe(false);
    expect(getRemainingMs(null, t0)).toBeNull();
  });
});

describe("settleAttempt", () => {
  const timing = { dueAt: at(3600), acceptLate: true };

  it("finishes a timed attempt at its deadline, not when it was looked at", () => {
    const timed = attempt({ deadlineAt: at(60) });
    expect(settleAttempt(timed, timing, at(59))).toBe(timed);
    const settled = settleAttempt(timed, timing, at(86_400));
    expect(settled).toMatchObject({ status: "finished", finishedAt: at(60), score: 0.4 });
    expect(timed.status).toBe("in_progress");
  });

  it("finishes an attempt at the due date when late work is refused", () => {
    const untimed = attempt();
    expect(settleAttempt(untimed, { dueAt: at(3600), acceptLate: false }, at(3599))).toBe(untimed);
    expect(settleAttempt(untimed, { dueAt: at(3600), acceptLate: false }, at(3600))).toMatchObject({ status: "finished", finishedAt: at(3600) });
    // Accepted late work: an untimed attempt stays open past the due date.
    expect(settleAttempt(untimed, timing, at(10_000))).toBe(untimed);
  });

  it("leaves finished attempts alone", () => {
    const done = attempt({ status: "finished", finishedAt: at(30), deadlineAt: at(60) });
    expect(settleAttempt(done, timing, at(1000))).toBe(done);
    expect(needsSettling(done, timing, at(1000))).toBe(false);
  });

  it("needsSettling matches settleAttempt over a moving clock", () => {
    const timed = attempt({ deadlineAt: at(90) });
    for (let second = 0; second < 200; second += 10) {
      expect(needsSettling(timed, timing, at(second))).toBe(second >= 90);
    }
  });
});
