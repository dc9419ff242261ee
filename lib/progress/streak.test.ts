import { describe, expect, it } from "vitest";
import { practiceStreak } from "./streak";

describe("practiceStreak", () => {
  const today = "2026-03-10";
  it("counts consecutive days ending today", () => {
    expect(practiceStreak(new Set(["2026-03-10", "2026-03-09", "2026-03-08", "2026-03-06"]), today)).toBe(3);
  });
  it("may end yesterday, before today's practice", () => {
    expect(practiceStreak(new Set(["2026-03-09", "2026-03-08"]), today)).toBe(2);
  });
  it("is 0 after a day without practice", () => {
    expect(practiceStreak(new Set(["2026-03-08", "2026-03-07"]), today)).toBe(0);
    expect(practiceStreak(new Set(), today)).toBe(0);
  });
  it("spans month ends", () => {
    expect(practiceStreak(new Set(["2026-03-01", "2026-02-28", "2026-02-27"]), "2026-03-01")).toBe(3);
  });
});
