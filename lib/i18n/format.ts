import type { Locale } from "../facts/locales";

/**
 * The one style of dates and numbers per locale, through Intl. German: "4. April 1949",
 * "4. April 1949 um 14:05", "60 %". English: "4 April 1949", "4 April 1949 at 14:05", "60%" —
 * day before month, as the questions and flashcards (lib/questions/templates.ts) write dates,
 * so "Dec 1, 2026" and "4 April 1949" never meet on one page.
 */

/** The Intl locale that formats for a UI locale: British English writes the day first. */
export function intlLocale(locale: Locale | string): string {
  return locale === "en" ? "en-GB" : "de-DE";
}

/** Instants (answers, deadlines) are shown in the time zone the app counts days in. */
export const displayTimeZone = "Europe/Berlin";

const dateOptions: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const timeOptions: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** An instant's calendar date: "4. April 1949" / "4 April 1949". */
export function formatDate(value: Date, locale: Locale | string, timeZone: string = displayTimeZone): string {
  return formatter(locale, { ...dateOptions, timeZone }).format(value);
}

/** An instant's date and time: "1. Dezember 2026 um 14:05" / "1 December 2026 at 14:05". */
export function formatDateTime(value: Date, locale: Locale | string, timeZone: string = displayTimeZone): string {
  return formatter(locale, { ...dateOptions, ...timeOptions, timeZone }).format(value);
}

/** A day and month without the year ("12. Juli" / "12 July"); `short` for charts ("12. Juli" / "12 Jul"). */
export function formatDayMonth(value: Date, locale: Locale | string, options: { short?: boolean; timeZone?: string } = {}): string {
  return formatter(locale, { day: "numeric", month: options.short ? "short" : "long", timeZone: options.timeZone ?? displayTimeZone }).format(value);
}

/** A calendar date given as "YYYY-MM-DD" (a fact's date): formatted in UTC, so no time zone moves it. */
export function formatIsoDay(day: string, locale: Locale | string): string {
  return formatDate(new Date(`${day}T00:00:00Z`), locale, "UTC");
}

/** A share 0..1 as a whole percentage in the locale's style: "60 %" / "60%". */
export function formatPercent(share: number, locale: Locale | string): string {
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 0 }).format(clamped);
}
