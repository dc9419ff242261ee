import { addDays, dayKey, learnerTimeZone } from "../calendar/days";
import { cardStates, type CardStateValue } from "./scheduler";

/**
 * Review statistics, computed from the review log and the stored card states. Pure: the data
 * layer fetches the rows, these functions count them per learner day.
 */

export interface DayCount {
  /** `YYYY-MM-DD` in the learner's time zone. */
  day: string;
  count: number;
}

export interface ReviewsOnDay extends DayCount {
  /** Reviews graded Again (1) that day. */
  again: number;
}

/**
 * Reviews per day for the `days` days ending today (oldest first, today last), with days
 * without reviews as zeros so a chart shows the gaps.
 */
export function reviewsPerDay(
  reviews: readonly { reviewedAt: Date; grade: number }[],
  now: Date,
  days = 30,
  timeZone: string = learnerTimeZone,
): ReviewsOnDay[] {
  const today = dayKey(now, timeZone);
  const result = Array.from({ length: days }, (_, index) => ({ day: addDays(today, index - days + 1), count: 0, again: 0 }));
  const byDay = new Map(result.map((entry) => [entry.day, entry]));
  for (const review of reviews) {
    const entry = byDay.get(dayKey(review.reviewedAt, timeZone));
    if (!entry) continue;
    entry.count += 1;
    if (review.grade === 1) entry.again += 1;
  }
  return result;
}

/**
 * Cards falling due on each of the next `days` days, today first. Overdue cards count on today:
 * that is when the learner meets them. New (never reviewed) cards are not forecast.
 */
export function dueForecast(
  states: readonly { due: Date; state: CardStateValue }[],
  now: Date,
  days = 14,
  timeZone: string = learnerTimeZone,
): DayCount[] {
  const today = dayKey(now, timeZone);
  const result = Array.from({ length: days }, (_, index) => ({ day: addDays(today, index), count: 0 }));
  const byDay = new Map(result.map((entry) => [entry.day, entry]));
  for (const state of states) {
    if (state.state === cardStates.new) continue;
    const key = dayKey(state.due, timeZone);
    const entry = key < today ? result[0] : byDay.get(key);
    if (entry) entry.count += 1;
  }
  return result;
}

export interface TrueRetention {
  /** Reviews of cards that were in the Review state (i.e. past learning, due by FSRS's schedule). */
  reviews: number;
  /** Of those, graded Hard, Good or Easy (recalled). */
  passed: number;
  /** passed / reviews, or null without any such review. */
  rate: number | null;
}

/**
 * True retention, as Anki defines it: the share of reviews of cards in the Review state that
 * were recalled (graded ≥ Hard). Learning steps are left out: they are scheduled minutes apart
 * and say nothing about whether FSRS's intervals hit the desired retention.
 */
export function trueRetention(reviews: readonly { stateBefore: CardStateValue; grade: number }[]): TrueRetention {
  const relevant = reviews.filter((review) => review.stateBefore === cardStates.review);
  const passed = relevant.filter((review) => review.grade >= 2).length;
  return { reviews: relevant.length, passed, rate: relevant.length ? passed / relevant.length : null };
}

export type IntervalUnit = "minute" | "hour" | "day" | "month" | "year";

/**
 * An interval in the unit a grade button shows: minutes under an hour, hours under a day, days
 * under a month, then months (30 days) and years (365 days) with one decimal. Whole units are
 * rounded, never shown as 0 (a 20-second step reads "1 min").
 */
export function describeInterval(ms: number): { unit: IntervalUnit; count: number } {
  const minutes = ms / 60_000;
  if (minutes < 59.5) return { unit: "minute", count: Math.max(1, Math.round(minutes)) };
  const hours = minutes / 60;
  if (hours < 23.5) return { unit: "hour", count: Math.round(hours) };
  const days = hours / 24;
  if (days < 29.5) return { unit: "day", count: Math.round(days) };
  if (days < 365) return { unit: "month", count: Math.round((days / 30) * 10) / 10 };
  return { unit: "year", count: Math.round((days / 365) * 10) / 10 };
}
