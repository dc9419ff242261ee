import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AttemptFiltersForm } from "@/components/progress/attempt-filters";
import { AttemptList } from "@/components/progress/attempt-list";
import { PersonalBests } from "@/components/progress/personal-bests";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getPersonalBests, listAttemptFilterOptions, listAttempts, parseAttemptFilters } from "@/lib/server/progress";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress.history");
  return { title: t("pageTitle") };
}

/** Every finished quiz of the session user (guest or account), filterable, with personal bests. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("progress.history");
  const tCommon = await getTranslations("common");
  const user = await getSessionUser();
  const locale = await getRequestLocale();
  const filters = parseAttemptFilters(await searchParams);

  const header = (
    <header>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
      <p className="mt-2 max-w-2xl leading-relaxed text-slate-600">{t("intro")}</p>
      <p className="mt-1 max-w-2xl text-sm leading-relaxed text-slate-600" data-testid="scoring-rule">{tCommon("scoringRule")}</p>
    </header>
  );
  const startQuiz = (
    <Link href="/" className={buttonClasses({ className: "mt-4" })}>
      {t("startQuiz")} <span aria-hidden="true">→</span>
    </Link>
  );
  if (!user) {
    return (
      <div className="grid gap-6">
        {header}
        <Card className="text-center">
          <p className="text-slate-600">{t("noSession")}</p>
          {startQuiz}
        </Card>
      </div>
    );
  }

  const [page, bests, options] = await Promise.all([
    listAttempts(user.id, filters, locale),
    getPersonalBests(user.id, locale),
    listAttemptFilterOptions(user.id, locale),
  ]);
  const isFiltered = Boolean(filters.topic || filters.mode || filters.from || filters.to);
  const hasAny = options.topics.length > 0;

  return (
    <div className="grid gap-8">
      {header}
      {!hasAny ? (
        <Card className="text-center" data-testid="history-empty">
          <p className="text-slate-600">{t("empty")}</p>
          {startQuiz}
        </Card>
      ) : (
        <>
          <PersonalBests bests={bests} />
          <div className="grid gap-4">
            <AttemptFiltersForm filters={filters} topics={options.topics} modes={options.modes} />
            {page.total === 0 ? (
              <p className="rounded-2xl border border-dashed border-slate-300 p-6 text-center text-slate-600" data-testid="history-empty">
                {isFiltered ? t("emptyFiltered") : t("empty")}
              </p>
            ) : (
              <AttemptList page={page} filters={filters} />
            )}
          </div>
        </>
      )}
    </div>
  );
}
