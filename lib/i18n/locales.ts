import { locales, type Locale } from "../facts/locales";

export { locales, type Locale };

/** German is the default: the first subject's source text and audience are German. */
export const defaultLocale: Locale = "de";

/** Cookie that remembers the learner's chosen language. */
export const localeCookieName = "faktum-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
