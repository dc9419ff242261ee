import { intlLocale } from "@/lib/i18n/format";
/**
 * Small formatting helpers shared by the progress pages and their client charts. Numbers that
 * reach the learner are whole percentages; days are "YYYY-MM-DD" calendar keys.
 */

/** A share 0..1 as a whole percentage, 0..100. */
export function toPercent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** The parts of a duration for the `progress.duration.*` messages. */
export function durationParts(ms: number): { key: "seconds" | "minutes" | "hours"; values: Record<string, number> } {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  if (totalSeconds < 60) return { key: "seconds", values: { seconds: totalSeconds } };
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return { key: "minutes", values: { minutes: totalMinutes, seconds: totalSeconds % 60 } };
  return { key: "hours", values: { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 } };
}

/**
 * A calendar day ("2026-07-12") as text in a locale. The key names a day, not an instant, so
 * it is formatted in UTC: no time zone can move it to a neighbouring day.
 */
export function formatDay(day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" }): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, date)));
}
