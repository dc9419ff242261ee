import { describe, expect, it } from "vitest";
import {
  applyReview,
  cardStates,
  defaultSchedulerParams,
  desiredRetentionRange,
  isDesiredRetentionAllowed,
  parseReviewLog,
  parseSchedule,
  previewIntervals,
  RetentionOutOfRangeError,
  reviewGrades,
  schedulerParams,
  serializeReviewLog,
  serializeSchedule,
  undoReview,
  type CardSchedule,
  type ReviewGrade,
  type SchedulerParams,
} from "./scheduler";

const day = 24 * 60 * 60 * 1000;
const start = new Date("2026-01-05T08:00:00Z");
const noFuzz = schedulerParams({ enableFuzz: false });
const paramSets: [string, SchedulerParams][] = [
  ["without fuzz", noFuzz],
  ["with fuzz", defaultSchedulerParams],
];

/** Reviews a new card with `grade` until it leaves the learning steps; returns state and clock. */
function graduate(params: SchedulerParams, now: Date): { state: CardSchedule; now: Date } {
  let state: CardSchedule | null = null;
  let clock = now;
  for (let step = 0; step < 10; step++) {
    state = applyReview(state, 3, clock, params).nextState;
    if (state.state === cardStates.review) return { state, now: clock };
    clock = state.due;
  }
  throw new Error("card never graduated");
}

describe("scheduling over simulated weeks", () => {
  it.each(paramSets)("grows the interval on every on-time Good (%s)", (_label, params) => {
    let { state, now } = graduate(params, start);
    const intervals: number[] = [state.scheduledDays];
    // Six on-time reviews take a card from days to years (the 10-year cap is reached after that).
    for (let review = 0; review < 6; review++) {
      now = state.due; // the learner comes back exactly when the card is due
      state = applyReview(state, 3, now, params).nextState;
      expect(state.state).toBe(cardStates.review);
      intervals.push(state.scheduledDays);
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!, `interval ${i}: ${intervals.join(", ")}`).toBeGreaterThan(intervals[i - 1]!);
    expect(intervals.at(-1)!).toBeGreaterThan(60);
  });

  it.each(paramSets)("shrinks the interval after Again, and counts the lapse (%s)", (_label, params) => {
    let { state, now } = graduate(params, start);
    for (let review = 0; review < 4; review++) {
      now = state.due;
      state = applyReview(state, 3, now, params).nextState;
    }
    const before = state;
    now = before.due;
    const forgotten = applyReview(before, 1, now, params).nextState;
    expect(forgotten.state).toBe(cardStates.relearning);
    expect(forgotten.lapses).toBe(before.lapses + 1);
    expect(forgotten.stability).toBeLessThan(before.stability);
    expect(forgotten.due.getTime() - now.getTime()).toBeLessThan(day); // back within the day
    // Relearnt: the new interval is far shorter than the one before the lapse.
    const relearnt = applyReview(forgotten, 3, forgotten.due, params).nextState;
    expect(relearnt.state).toBe(cardStates.review);
    expect(relearnt.scheduledDays).toBeLessThan(before.scheduledDays);
  });

  it("orders the four grades: Again < Hard < Good < Easy, for new and reviewed cards", () => {
    const fresh = previewIntervals(null, start, noFuzz);
    const reviewed = graduate(noFuzz, start).state;
    const later = previewIntervals(reviewed, reviewed.due, noFuzz);
    for (const preview of [fresh, later]) {
      expect(preview[1].intervalMs).toBeLessThan(preview[2].intervalMs);
      expect(preview[2].intervalMs).toBeLessThan(preview[3].intervalMs);
      expect(preview[3].intervalMs).toBeLessThan(preview[4].intervalMs);
    }
    // The learning steps a learner sees on a new card's buttons.
    expect(fresh[1].intervalMs).toBe(60_000);
    expect(fresh[3].intervalMs).toBe(10 * 60_000);
  });

  it.each(paramSets)("previews exactly what applying the grade does (%s)", (_label, params) => {
    let state: CardSchedule | null = null;
    let now = start;
    const grades: ReviewGrade[] = [3, 3, 2, 3, 1, 3, 4, 3, 3, 2];
    for (const grade of grades) {
      const preview = previewIntervals(state, now, params);
      for (const g of reviewGrades) expect(preview[g].due).toEqual(applyReview(state, g, now, params).nextState.due);
      state = applyReview(state, grade, now, params).nextState;
      now = new Date(state.due.getTime() + 3 * 60 * 60 * 1000);
    }
  });

  it("shortens intervals when the desired retention goes up", () => {
    const { state } = graduate(noFuzz, start);
    const due = state.due;
    const at = (desiredRetention: number) => applyReview(state, 3, due, schedulerParams({ enableFuzz: false, desiredRetention })).nextState.scheduledDays;
    expect(at(0.97)).toBeLessThan(at(0.9));
    expect(at(0.9)).toBeLessThan(at(0.7));
  });

  it("is deterministic: the same reviews at the same times give the same states, fuzz included", () => {
    const run = () => {
      let state: CardSchedule | null = null;
      let now = start;
      const states: CardSchedule[] = [];
      for (let i = 0; i < 30; i++) {
        const grade = ([3, 3, 4, 1, 2, 3] as const)[i % 6];
        state = applyReview(state, grade, now, defaultSchedulerParams).nextState;
        states.push(state);
        now = new Date(state.due.getTime() + (i % 3) * day);
      }
      return states;
    };
    expect(run()).toEqual(run());
  });
});

describe("undo", () => {
  it("restores the previous state exactly, through the stored JSON, after every review of a long history", () => {
    let state: CardSchedule | null = null;
    let now = start;
    for (let i = 0; i < 40; i++) {
      const grade = ([3, 1, 3, 3, 2, 4, 3, 1] as const)[i % 8];
      const stored = state === null ? null : serializeSchedule(state);
      const { nextState } = applyReview(state, grade, now, defaultSchedulerParams);
      // Undo: the row's previousState is parsed back and replaces the card state.
      const restored = undoReview(stored === null ? null : parseSchedule(stored));
      expect(restored).toStrictEqual(state);
      state = nextState;
      now = new Date(state.due.getTime() + (i % 4) * 7 * 60 * 60 * 1000);
    }
  });

  it("undoing a new card's first review leaves no state (the card is new again)", () => {
    expect(undoReview(null)).toBeNull();
  });

  it("stores the review log losslessly", () => {
    const { log } = applyReview(graduate(noFuzz, start).state, 2, new Date(start.getTime() + 9 * day), noFuzz);
    expect(parseReviewLog(serializeReviewLog(log))).toStrictEqual(log);
    expect(log.state).toBe(cardStates.review);
    expect(log.grade).toBe(2);
  });
});

describe("desired retention", () => {
  it(`accepts ${desiredRetentionRange.min}–${desiredRetentionRange.max} and refuses anything else`, () => {
    for (const ok of [0.7, 0.8, 0.9, 0.95, 0.97]) {
      expect(isDesiredRetentionAllowed(ok)).toBe(true);
      expect(schedulerParams({ desiredRetention: ok }).desiredRetention).toBe(ok);
    }
    for (const bad of [0, 0.5, 0.69, 0.971, 0.99, 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isDesiredRetentionAllowed(bad)).toBe(false);
      expect(() => schedulerParams({ desiredRetention: bad })).toThrow(RetentionOutOfRangeError);
      expect(() => applyReview(null, 3, start, { ...defaultSchedulerParams, desiredRetention: bad })).toThrow(RetentionOutOfRangeError);
    }
  });

  it("defaults to 0.9", () => {
    expect(schedulerParams().desiredRetention).toBe(0.9);
  });
});
