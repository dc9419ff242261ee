import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { AttemptFilters } from "@/lib/server/progress";
import { modeKey } from "./mode-label";

const fieldClasses = "mt-1 block w-full min-h-10 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900";

/**
 * The history's filters as a plain GET form: the filtered list is a URL that can be
 * bookmarked and works without JavaScript. Changing a filter starts again at page 1.
 */
export async function AttemptFiltersForm({
  filters,
  topics,
  modes,
}: {
  filters: AttemptFilters;
  topics: { id: string; title: string }[];
  modes: string[];
}) {
  const t = await getTranslations("progress");
  const isFiltered = Boolean(filters.topic || filters.mode || filters.from || filters.to);
  return (
    <form method="get" action="/history" role="search" aria-labelledby="filters-heading" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="filters-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        {t("history.filters.heading")}
      </h2>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label className="text-sm font-medium text-slate-700">
          {t("history.filters.topic")}
          <select name="topic" defaultValue={filters.topic ?? ""} className={fieldClasses}>
            <option value="">{t("history.filters.any")}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("history.filters.mode")}
          <select name="mode" defaultValue={filters.mode ?? ""} className={fieldClasses}>
            <option value="">{t("history.filters.any")}</option>
            {modes.map((mode) => (
              <option key={mode} value={mode}>
                {t(modeKey(mode))}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("history.filters.from")}
          <input type="date" name="from" defaultValue={filters.from ?? ""} max={filters.to} className={fieldClasses} />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("history.filters.to")}
          <input type="date" name="to" defaultValue={filters.to ?? ""} min={filters.from} className={fieldClasses} />
        </label>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary">
          {t("history.filters.apply")}
        </Button>
        {isFiltered ? (
          <Link href="/history" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("history.filters.reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
