import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDayMonth, formatIsoDay, formatPercent } from "./format";

describe("one date and number style per locale", () => {
  it("writes dates day first, with the month in words, in both languages", () => {
    expect(formatIsoDay("1949-04-04", "de")).toBe("4. April 1949");
    expect(formatIsoDay("1949-04-04", "en")).toBe("4 April 1949");
    const instant = new Date("2026-12-01T13:05:00Z");
    expect(formatDate(instant, "de")).toBe("1. Dezember 2026");
    expect(formatDate(instant, "en")).toBe("1 December 2026");
    expect(formatDateTime(instant, "de")).toBe("1. Dezember 2026 um 14:05");
    expect(formatDateTime(instant, "en")).toBe("1 December 2026 at 14:05");
    expect(formatDayMonth(instant, "en", { short: true })).toBe("1 Dec");
  });

  it("counts days in Europe/Berlin: 23:30 UTC is already the next day", () => {
    expect(formatDate(new Date("2026-07-11T23:30:00Z"), "de")).toBe("12. Juli 2026");
  });

  it("writes percentages as Intl does per locale: a space in German, none in English", () => {
    expect(formatPercent(0.6, "de")).toBe("60\u00a0%");
    expect(formatPercent(0.6, "en")).toBe("60%");
    expect(formatPercent(0.996, "en")).toBe("100%");
    expect(formatPercent(2, "en")).toBe("100%");
  });
});
