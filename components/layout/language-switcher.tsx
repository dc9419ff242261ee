"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setLocale } from "@/app/actions/set-locale";
import { locales } from "@/lib/i18n/locales";

export function LanguageSwitcher({ current, label }: { current: string; label: string }) {
  const t = useTranslations("common.languageNames");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2">
      <span className="sr-only">{label}</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current}
        disabled={isPending}
        onChange={(event) => {
          const locale = event.target.value;
          startTransition(async () => {
            await setLocale(locale);
            router.refresh();
          });
        }}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale}>
            {t(locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
