/**
 * Calendar days as a learner in Germany lives them. "Today", a day's answers and a streak are
 * counted in Europe/Berlin days, whatever the server's time zone, so a quiz at 00:30 on a
 * summer night belongs to the new day and not (as in UTC) to the previous one.
 */

export const progressTimeZone = "Europe/Berlin";

/** A calendar day, "YYYY-MM-DD". */
export type DayKey = string;

const dayMs = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
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

function zonedParts(instant: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The calendar day of an instant in the time zone (Europe/Berlin by default). */
export function dayKeyOf(instant: Date, timeZone = progressTimeZone): DayKey {
  const { year, month, day } = zonedParts(instant, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day `days` after (or, negative, before) a day; pure calendar arithmetic, no time zone. */
export function addDays(day: DayKey, days: number): DayKey {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date) + days * dayMs).toISOString().slice(0, 10);
}

/** The instant a day starts in the time zone (its local midnight). */
export function startOfDay(day: DayKey, timeZone = progressTimeZone): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  // The zone's offset at that instant; Berlin never changes its offset at midnight, so one
  // correction step lands exactly on local midnight.
  const offset = (instant: number) => {
    const p = zonedParts(new Date(instant), timeZone);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000;
  };
  const guess = utcMidnight - offset(utcMidnight);
  return new Date(utcMidnight - offset(guess));
}

/** The `count` days ending with `lastDay`, oldest first. */
export function daysEndingWith(lastDay: DayKey, count: number): DayKey[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(lastDay, i - count + 1));
}

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
