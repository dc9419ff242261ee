import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountNav } from "@/components/auth/account-nav";
import { ClassesNav } from "@/components/classes/classes-nav";
import { FlashcardsNav } from "@/components/flashcards/flashcards-nav";
import { ProgressNav } from "@/components/progress/progress-nav";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav.main")} className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6 lg:max-w-5xl">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          {t("appName")}
        </Link>
        <ProgressNav />
        <FlashcardsNav />
        <ClassesNav />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LanguageSwitcher current={locale} label={t("nav.language")} />
          <AccountNav />
        </div>
      </nav>
    </header>
  );
}
