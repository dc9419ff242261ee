/** A learner day (`YYYY-MM-DD`) in the learner's language; the key is already a local day, so it is formatted as UTC noon. */
export function formatDayKey(key: string, locale: string, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "numeric" }): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { ...options, timeZone: "UTC" }).format(new Date(`${key}T12:00:00Z`));
}
