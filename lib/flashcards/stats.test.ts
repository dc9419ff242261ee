import { describe, expect, it } from "vitest";
import { cardStates } from "./scheduler";
import { describeInterval, dueForecast, reviewsPerDay, trueRetention } from "./stats";

const now = new Date("2026-04-10T10:00:00Z"); // 12:00 in Berlin

describe("reviews per day", () => {
  it("counts reviews on the learner's day, with empty days, oldest first and today last", () => {
    const days = reviewsPerDay(
      [
        { reviewedAt: new Date("2026-04-10T08:00:00Z"), grade: 3 },
        { reviewedAt: new Date("2026-04-09T22:30:00Z"), grade: 1 }, // 00:30 on the 10th in Berlin
        { reviewedAt: new Date("2026-04-09T21:30:00Z"), grade: 3 }, // 23:30 on the 9th
        { reviewedAt: new Date("2026-03-01T10:00:00Z"), grade: 3 }, // outside the window
      ],
      now,
    );
    expect(days).toHaveLength(30);
    expect(days[0]!.day).toBe("2026-03-12");
    expect(days.at(-1)).toEqual({ day: "2026-04-10", count: 2, again: 1 });
    expect(days.at(-2)).toEqual({ day: "2026-04-09", count: 1, again: 0 });
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(3);
  });
});

describe("due forecast", () => {
  it("counts overdue cards on today and ignores new cards and cards beyond the window", () => {
    const forecast = dueForecast(
      [
        { due: new Date("2026-04-01T10:00:00Z"), state: cardStates.review },
        { due: new Date("2026-04-10T20:00:00Z"), state: cardStates.review },
        { due: new Date("2026-04-11T08:00:00Z"), state: cardStates.learning },
        { due: new Date("2026-04-24T08:00:00Z"), state: cardStates.review }, // day 15: outside
        { due: new Date("2026-04-11T08:00:00Z"), state: cardStates.new },
      ],
      now,
    );
    expect(forecast).toHaveLength(14);
    expect(forecast[0]).toEqual({ day: "2026-04-10", count: 2 });
    expect(forecast[1]).toEqual({ day: "2026-04-11", count: 1 });
    expect(forecast.at(-1)!.day).toBe("2026-04-23");
    expect(forecast.reduce((sum, day) => sum + day.count, 0)).toBe(3);
  });
});

describe("true retention", () => {
  it("is the share of reviews of Review-state cards graded Hard or better", () => {
    const result = trueRetention([
      { stateBefore: cardStates.review, grade: 3 },
      { stateBefore: cardStates.review, grade: 2 },
      { stateBefore: cardStates.review, grade: 1 },
      { stateBefore: cardStates.review, grade: 4 },
      { stateBefore: cardStates.learning, grade: 1 }, // learning steps do not count
      { stateBefore: cardStates.new, grade: 1 },
    ]);
    expect(result).toEqual({ reviews: 4, passed: 3, rate: 0.75 });
  });

  it("is null without reviews of Review-state cards", () => {
    expect(trueRetention([{ stateBefore: cardStates.learning, grade: 3 }]).rate).toBeNull();
  });
});

describe("interval labels", () => {
  it("picks the unit a grade button shows", () => {
    expect(describeInterval(20_000)).toEqual({ unit: "minute", count: 1 });
    expect(describeInterval(10 * 60_000)).toEqual({ unit: "minute", count: 10 });
    expect(describeInterval(5 * 3_600_000)).toEqual({ unit: "hour", count: 5 });
    expect(describeInterval(3 * 86_400_000)).toEqual({ unit: "day", count: 3 });
    expect(describeInterval(45 * 86_400_000)).toEqual({ unit: "month", count: 1.5 });
    expect(describeInterval(800 * 86_400_000)).toEqual({ unit: "year", count: 2.2 });
  });
});
