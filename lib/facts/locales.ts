/**
 * The languages of fact sets and of the UI. A module of its own, without zod: the language
 * switcher and every client component that knows the locales import it, and importing the
 * fact-set schema instead would put all of zod into every page's JavaScript (and zod's
 * `Function("")` feature probe trips the Content Security Policy).
 */
export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
