import { describe, expect, it } from "vitest";
import type { AssignmentTiming, AttemptFacts } from "./policies";
import { getAssignmentStatus, isLateSubmission } from "./status";

const opensAt = new Date("2026-03-02T08:00:00Z");
const hours = (n: number) => new Date(opensAt.getTime() + n * 3_600_000);
const dueAt = hours(48);

function timing(acceptLate = false): AssignmentTiming {
  return { opensAt, dueAt, acceptLate };
}

function attempt(overrides: Partial<AttemptFacts>): AttemptFacts {
  return { attemptNumber: 1, status: "finished", startedAt: hours(1), finishedAt: hours(2), score: 0.5, deadlineAt: null, ...overrides };
}

describe("getAssignmentStatus", () => {
  it("not started before and after opening, missed once due with nothing submitted", () => {
    for (const acceptLate of [false, true]) {
      expect(getAssignmentStatus([], timing(acceptLate), hours(-5))).toBe("not_started");
      expect(getAssignmentStatus([], timing(acceptLate), hours(47))).toBe("not_started");
      expect(getAssignmentStatus([], timing(acceptLate), hours(48))).toBe("missed");
      expect(getAssignmentStatus([], timing(acceptLate), hours(500))).toBe("missed");
    }
  });

  it("submitted when finished by the due date, late when only after it", () => {
    expect(getAssignmentStatus([attempt({})], timing(), hours(100))).toBe("submitted");
    expect(getAssignmentStatus([attempt({ finishedAt: dueAt })], timing(), hours(100))).toBe("submitted");
    expect(getAssignmentStatus([attempt({ startedAt: hours(49), finishedAt: hours(50) })], timing(true), hours(100))).toBe("late");
    // One attempt on time is enough.
    const both = [attempt({}), attempt({ attemptNumber: 2, startedAt: hours(49), finishedAt: hours(50) })];
    expect(getAssignmentStatus(both, timing(true), hours(100))).toBe("submitted");
  });

  it("in progress wins while an attempt is open, and ends by itself when its time runs out", () => {
    const open = attempt({ status: "in_progress", finishedAt: null, startedAt: hours(10), deadlineAt: hours(11) });
    expect(getAssignmentStatus([open], timing(), hours(10.5))).toBe("in_progress");
    expect(getAssignmentStatus([attempt({}), open], timing(), hours(10.5))).toBe("in_progress");
    // Nobody looked until the next day: submitted at the deadline, on time.
    expect(getAssignmentStatus([open], timing(), hours(30))).toBe("submitted");
  });

  it("an open untimed attempt is closed at the due date when late work is refused", () => {
    const open = attempt({ status: "in_progress", finishedAt: null, startedAt: hours(40) });
    expect(getAssignmentStatus([open], timing(false), hours(47))).toBe("in_progress");
    expect(getAssignmentStatus([open], timing(false), hours(49))).toBe("submitted");
    expect(getAssignmentStatus([open], timing(true), hours(49))).toBe("in_progress");
  });

  it("a timed attempt running past the due date with late work accepted is late", () => {
    const open = attempt({ status: "in_progress", finishedAt: null, startedAt: hours(47.9), deadlineAt: hours(48.4) });
    expect(getAssignmentStatus([open], timing(true), hours(48.2))).toBe("in_progress");
    expect(getAssignmentStatus([open], timing(true), hours(49))).toBe("late");
    // Refused: the due date ends it first, on time.
    expect(getAssignmentStatus([open], timing(false), hours(49))).toBe("submitted");
  });

  it("walks through every status as the clock moves", () => {
    const start = hours(47.5);
    const timed = attempt({ status: "in_progress", finishedAt: null, startedAt: start, deadlineAt: hours(48.5) });
    const seen = new Set<string>();
    for (let h = -1; h <= 50; h += 0.25) {
      const now = hours(h);
      const attempts = now >= start ? [timed] : [];
      seen.add(getAssignmentStatus(attempts, timing(true), now));
    }
    expect([...seen]).toEqual(["not_started", "in_progress", "late"]);
  });
});

describe("isLateSubmission", () => {
  it("is strictly after the due date", () => {
    expect(isLateSubmission(dueAt, { dueAt })).toBe(false);
    expect(isLateSubmission(new Date(dueAt.getTime() + 1), { dueAt })).toBe(true);
  });
});
