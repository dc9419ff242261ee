"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setLocale } from "@/app/actions/set-locale";
import { locales } from "@/lib/i18n/locales";

/**
 * One button per language: the site changes language only when a learner picks one (a
 * select switched on the first arrow key and dropped the focus). The chosen language is
 * marked by aria-pressed, and the button keeps the focus across the refresh.
 */
export function LanguageSwitcher({ current, label }: { current: string; label: string }) {
  const t = useTranslations("common.languageNames");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={label} className="flex items-center rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {locales.map((locale) => {
        const isCurrent = locale === current;
        return (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={isCurrent}
            aria-disabled={isPending || undefined}
            onClick={() => {
              if (isCurrent || isPending) return;
              startTransition(async () => {
                await setLocale(locale);
                router.refresh();
              });
            }}
            className={`min-h-8 rounded px-2 font-medium ${isCurrent ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {t(locale)}
          </button>
        );
      })}
    </div>
  );
}
