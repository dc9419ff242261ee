import { type DayKey, addDays } from "../calendar/days";

/**
 * The learner's streak: consecutive days with practice, ending today — or yesterday, so a
 * streak is not shown as lost in the morning before the day's practice. 0 when neither
 * today nor yesterday was a practice day.
 */
export function practiceStreak(practiceDays: ReadonlySet<DayKey>, today: DayKey): number {
  let day = practiceDays.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (practiceDays.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}
