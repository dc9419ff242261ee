"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** "Karteikarten" in the site header; marked as the current page anywhere under /flashcards. */
export function FlashcardsNav() {
  const t = useTranslations("flashcards");
  const pathname = usePathname();
  const isCurrent = pathname === "/flashcards" || pathname.startsWith("/flashcards/");
  return (
    <Link
      href="/flashcards"
      aria-current={isCurrent ? "page" : undefined}
      className={`rounded-md px-2 py-1.5 text-sm font-medium hover:bg-brand-50 hover:text-brand-700 ${isCurrent ? "text-brand-700 underline decoration-2 underline-offset-8" : "text-slate-700"}`}
    >
      {t("nav")}
    </Link>
  );
}
