import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { AttemptFilters, AttemptPage } from "@/lib/server/progress";
import { durationParts, toPercent } from "./format";
import { modeKey } from "./mode-label";
import { formatDateTime } from "@/lib/i18n/format";

/** The query string of a history page, keeping the filters. */
function pageHref(filters: AttemptFilters, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["topic", "mode", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/history?${query}` : "/history";
}

/** One page of finished quizzes, newest first, with links to each review and page links. */
export async function AttemptList({ page, filters }: { page: AttemptPage; filters: AttemptFilters }) {
  const t = await getTranslations("progress");
  const locale = await getLocale();
  return (
    <section aria-labelledby="attempts-heading">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="attempts-heading" className="text-lg font-semibold tracking-tight">
          {t("history.list.heading")}
        </h2>
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="attempt-count">
          {t("history.results", { total: page.total })}
        </p>
      </div>
      <ul className="mt-3 grid gap-3" data-testid="attempt-list">
        {page.attempts.map((attempt) => {
          const date = formatDateTime(attempt.finishedAt, locale);
          const percent = toPercent(attempt.score);
          const duration = durationParts(attempt.durationMs);
          return (
            <li key={attempt.id} data-testid="attempt" data-quiz-id={attempt.id}>
              <article className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
                <div className="min-w-0 flex-1">
                  <h3 className="font-semibold text-slate-900">
                    <time dateTime={attempt.finishedAt.toISOString()}>{date}</time>
                  </h3>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {attempt.topicTitle} · {t(modeKey(attempt.mode))} · {t(`duration.${duration.key}`, duration.values)}
                  </p>
                </div>
                <div className="text-right">
                  <p className="text-lg font-semibold tabular-nums text-slate-900" data-testid="attempt-score">
                    {t("history.list.scoreValue", { correct: attempt.correctCount, total: attempt.questionCount })}
                  </p>
                  <p className="text-xs text-slate-600">{t("percent", { value: percent })}</p>
                </div>
                <Link
                  href={`/history/${encodeURIComponent(attempt.id)}`}
                  aria-label={t("history.list.viewLabel", { date })}
                  className="inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t("history.list.view")} <span aria-hidden="true">&nbsp;→</span>
                </Link>
              </article>
            </li>
          );
        })}
      </ul>
      {page.pageCount > 1 ? (
        <nav aria-label={t("history.pagination.label")} className="mt-4 flex items-center justify-between gap-3 text-sm">
          {page.page > 1 ? (
            <Link href={pageHref(filters, page.page - 1)} rel="prev" className="rounded-lg px-3 py-2 font-medium text-brand-700 hover:bg-brand-50">
              <span aria-hidden="true">← </span>
              {t("history.pagination.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("history.pagination.page", { page: page.page, pageCount: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={pageHref(filters, page.page + 1)} rel="next" className="rounded-lg px-3 py-2 font-medium text-brand-700 hover:bg-brand-50">
              {t("history.pagination.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
