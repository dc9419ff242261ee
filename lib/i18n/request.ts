import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName, type Locale } from "./locales";
import { loadMessages } from "../../messages";

/** The locale of the current request: the learner's choice, else German. */
export async function getRequestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(chosen)) return chosen;
  const header = (await headers()).get("x-faktum-locale");
  return isLocale(header) ? header : defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "Europe/Berlin" };
});
