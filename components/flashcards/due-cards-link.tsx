import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDueCounts } from "@/lib/server/flashcards";
import { getSessionUser } from "@/lib/server/session";

/**
 * "Karteikarten · 5 fällig · 20 neu": a self-contained link to the deck chooser with today's
 * counts, for the home page (or anywhere else a server component can go).
 */
export async function DueCardsLink({ className = "" }: { className?: string }) {
  const user = await getSessionUser();
  const [t, counts] = await Promise.all([getTranslations("flashcards.dueLink"), getDueCounts(user?.id ?? null, new Date())]);
  return (
    <Link
      href="/flashcards"
      className={`inline-flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white px-4 py-2.5 font-medium text-slate-900 shadow-sm transition-colors hover:border-brand-500 ${className}`.trim()}
      data-testid="due-cards-link"
    >
      <span>{t("label")}</span>
      {counts.due + counts.new === 0 ? (
        <span className="text-sm font-normal text-slate-600">{t("upToDate")}</span>
      ) : (
        <span className="flex items-center gap-1.5 text-xs font-semibold">
          {counts.due > 0 && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-emerald-800" data-testid="due-cards-due">{t("due", { count: counts.due })}</span>}
          {counts.new > 0 && <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-800" data-testid="due-cards-new">{t("new", { count: counts.new })}</span>}
        </span>
      )}
    </Link>
  );
}
