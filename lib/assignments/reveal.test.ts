import { describe, expect, it } from "vitest";
import type { AttemptStatus } from "./policies";
import { decideReveal } from "./reveal";

const dueAt = new Date("2026-03-05T20:00:00Z");
const before = new Date(dueAt.getTime() - 1);
const after = new Date(dueAt.getTime() + 60_000);
const statuses: AttemptStatus[] = ["in_progress", "finished", "expired"];

describe("decideReveal", () => {
  it("immediate: always revealed", () => {
    for (const status of statuses) for (const now of [before, dueAt, after]) {
      expect(decideReveal("immediate", { status }, dueAt, now)).toEqual({ isRevealed: true, revealsAt: null });
    }
  });

  it("after_submit: only once the attempt is finished, whatever the date", () => {
    for (const now of [before, after]) {
      expect(decideReveal("after_submit", { status: "in_progress" }, dueAt, now)).toEqual({ isRevealed: false, revealsAt: "submit" });
      expect(decideReveal("after_submit", { status: "finished" }, dueAt, now).isRevealed).toBe(true);
      expect(decideReveal("after_submit", { status: "expired" }, dueAt, now).isRevealed).toBe(true);
    }
  });

  it("after_due: only for a finished attempt, from the due date on", () => {
    expect(decideReveal("after_due", { status: "finished" }, dueAt, before)).toEqual({ isRevealed: false, revealsAt: dueAt });
    expect(decideReveal("after_due", { status: "finished" }, dueAt, dueAt)).toEqual({ isRevealed: true, revealsAt: null });
    expect(decideReveal("after_due", { status: "in_progress" }, dueAt, after)).toEqual({ isRevealed: false, revealsAt: dueAt });
  });

  it("moving the clock across the due date flips after_due exactly once", () => {
    const flips: boolean[] = [];
    for (let minute = -30; minute <= 30; minute++) {
      flips.push(decideReveal("after_due", { status: "finished" }, dueAt, new Date(dueAt.getTime() + minute * 60_000)).isRevealed);
    }
    expect(flips.indexOf(true)).toBe(30);
    expect(flips.slice(30).every(Boolean)).toBe(true);
    expect(flips.slice(0, 30).some(Boolean)).toBe(false);
  });
});
