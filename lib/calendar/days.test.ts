import { describe, expect, it } from "vitest";
import { addDays, dayKey, daysEndingWith, startOfDayKey } from "./days";

describe("Europe/Berlin days", () => {
  it("puts a summer night's 00:30 on the new day (UTC+2) and a winter one's on UTC+1", () => {
    expect(dayKey(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
    expect(dayKey(new Date("2026-07-14T21:30:00Z"))).toBe("2026-07-14");
    expect(dayKey(new Date("2026-01-14T23:30:00Z"))).toBe("2026-01-15");
    expect(dayKey(new Date("2026-01-14T22:30:00Z"))).toBe("2026-01-14");
  });

  it("finds local midnight, also on the days the clocks change", () => {
    expect(startOfDayKey("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(startOfDayKey("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayKey("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z"); // spring forward at 02:00
    expect(startOfDayKey("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayKey("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z"); // fall back at 03:00
    expect(startOfDayKey("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    for (let i = 0; i < 400; i++) {
      const day = addDays("2026-01-01", i);
      expect(dayKey(startOfDayKey(day))).toBe(day);
      expect(dayKey(new Date(startOfDayKey(day).getTime() - 1))).toBe(addDays(day, -1));
    }
  });

  it("does calendar arithmetic across months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysEndingWith("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  });
});
