import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountNav } from "@/components/auth/account-nav";
import { ClassesNav } from "@/components/classes/classes-nav";
import { FlashcardsNav } from "@/components/flashcards/flashcards-nav";
import { ProgressNav } from "@/components/progress/progress-nav";
import { LanguageSwitcher } from "./language-switcher";
import { SiteMenu } from "./site-menu";

/** One row at every width: the links in the row from `lg` up, behind the menu button below it. */
export async function SiteHeader() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav.main")} className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6 lg:max-w-5xl">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          {t("appName")}
        </Link>
        <SiteMenu label={t("nav.menu")}>
          <div className="flex flex-wrap items-center gap-x-1 gap-y-2">
            <ProgressNav />
            <FlashcardsNav />
            <ClassesNav />
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm lg:ml-auto">
            <LanguageSwitcher current={locale} label={t("nav.language")} />
            <AccountNav />
          </div>
        </SiteMenu>
      </nav>
    </header>
  );
}
