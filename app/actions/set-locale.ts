"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { locales, localeCookieName } from "@/lib/i18n/locales";

const localeInput = z.enum(locales);

export async function setLocale(locale: unknown): Promise<void> {
  const parsed = localeInput.safeParse(locale);
  if (!parsed.success) return;
  (await cookies()).set(localeCookieName, parsed.data, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}
