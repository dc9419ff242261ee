import type { Locale } from "../lib/i18n/locales";
import de from "./de";
import en from "./en";

/**
 * Message catalogs, one JSON file per feature and locale (messages/<locale>/<feature>.json),
 * merged here by namespace. German is the reference catalog; English must have the same keys
 * (checked by messages/catalogs.test.ts).
 */
const catalogs = { de, en } satisfies Record<Locale, Record<string, unknown>>;

export type Messages = typeof de;

export function loadMessages(locale: Locale): Messages {
  return catalogs[locale];
}
