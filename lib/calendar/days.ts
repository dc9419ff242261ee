/**
 * Calendar days as the learner lives them, not UTC days: "today", the daily new-card limit,
 * cards due today, a day's answers and reviews and the practice streak all count in them, so a
 * quiz at 00:30 on a summer night belongs to the new day and not (as in UTC) to the previous one.
 *
 * Learners have no stored time zone yet, so everyone's day is Berlin's (the app's audience,
 * and the zone next-intl formats dates in: lib/i18n/request.ts).
 */
export const learnerTimeZone = "Europe/Berlin";

/** A calendar day, "YYYY-MM-DD". */
export type DayKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Milliseconds the zone is ahead of UTC at this instant (+1 h or +2 h for Berlin). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The day an instant falls on in the zone, as `YYYY-MM-DD`. */
export function dayKey(instant: Date, timeZone: string = learnerTimeZone): DayKey {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant a day (`YYYY-MM-DD`) begins in the zone: its local midnight. */
export function startOfDayKey(key: DayKey, timeZone: string = learnerTimeZone): Date {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  // The offset at midnight can differ from the offset a few hours earlier (DST); two rounds settle it.
  let instant = wallMidnight - offsetAt(wallMidnight, timeZone);
  instant = wallMidnight - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** The instant the day containing `instant` began in the zone. */
export function startOfDay(instant: Date, timeZone: string = learnerTimeZone): Date {
  return startOfDayKey(dayKey(instant, timeZone), timeZone);
}

/** The instant the next day begins (the end of "today", exclusive). 23 or 25 hours on DST days. */
export function startOfNextDay(instant: Date, timeZone: string = learnerTimeZone): Date {
  return startOfDayKey(addDays(dayKey(instant, timeZone), 1), timeZone);
}

/** The day `days` after (or before, if negative) a day key. */
export function addDays(key: DayKey, days: number): DayKey {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function daysEndingWith(lastDay: DayKey, count: number): DayKey[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(lastDay, i - count + 1));
}
