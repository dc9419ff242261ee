import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDayKey } from "@/components/flashcards/format-day";
import { ForecastChart, ReviewsPerDayChart } from "@/components/flashcards/review-charts";
import { Card } from "@/components/ui/card";
import type { TrueRetention } from "@/lib/flashcards/stats";
import { getReviewStats } from "@/lib/server/flashcards";
import { getSessionUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flashcards.stats");
  return { title: t("pageTitle") };
}

const percent = (rate: number) => Math.round(rate * 1000) / 10;

/**
 * Flashcard statistics: reviews per day (30 days), cards due per day (14 days) and the true
 * retention measured from the review log against the learner's desired retention. Each chart
 * has a summary sentence and a visually hidden table as its text alternative.
 */
export default async function FlashcardStatsPage() {
  const user = await getSessionUser();
  const [t, locale, stats] = await Promise.all([getTranslations("flashcards.stats"), getLocale(), getReviewStats(user?.id ?? null, new Date())]);
  const recentTotal = stats.reviewsPerDay.reduce((sum, d) => sum + d.count, 0);
  const recentAgain = stats.reviewsPerDay.reduce((sum, d) => sum + d.again, 0);
  const activeDays = stats.reviewsPerDay.filter((d) => d.count > 0).length;
  const forecastTotal = stats.forecast.reduce((sum, d) => sum + d.count, 0);
  const desired = percent(stats.desiredRetention);
  const recent = stats.trueRetention.last30Days;
  const longDay = (key: string) => formatDayKey(key, locale, { weekday: "short", day: "numeric", month: "long" });

  return (
    <div className="grid gap-6">
      <header>
        <Link href="/flashcards" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
        <p className="mt-2 max-w-2xl leading-relaxed text-slate-600">{t("intro")}</p>
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label={t("totalReviews")} value={String(stats.totalReviews)} testId="stat-total-reviews" />
        <Stat label={t("studied")} value={String(stats.studiedCards)} testId="stat-studied" />
        <Stat label={t("retentionCard")} value={recent.rate === null ? "–" : t("retentionValue", { percent: percent(recent.rate) })} testId="stat-true-retention" className="col-span-2 sm:col-span-1" />
      </dl>

      <section aria-labelledby="reviews-heading">
        <Card>
          <h2 id="reviews-heading" className="text-lg font-semibold tracking-tight">
            {t("reviewsHeading")}
          </h2>
          <p id="reviews-summary" className="mt-1 text-sm leading-relaxed text-slate-600" data-testid="reviews-summary">
            {t("reviewsSummary", { total: recentTotal, days: activeDays, again: recentAgain })}
          </p>
          <div className="mt-4">
            <ReviewsPerDayChart days={stats.reviewsPerDay} label={t("reviewsHeading")} describedBy="reviews-summary reviews-table-caption" />
          </div>
          {/* sr-only on a wrapper: a table ignores the 1px width and would widen the page. */}
          <div className="sr-only">
            <table data-testid="reviews-table">
              <caption id="reviews-table-caption">{t("reviewsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("day")}</th>
                  <th scope="col">{t("reviews")}</th>
                  <th scope="col">{t("again")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.reviewsPerDay.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{longDay(d.day)}</th>
                    <td>{d.count}</td>
                    <td>{d.again}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </section>

      <section aria-labelledby="forecast-heading">
        <Card>
          <h2 id="forecast-heading" className="text-lg font-semibold tracking-tight">
            {t("forecastHeading")}
          </h2>
          <p id="forecast-summary" className="mt-1 text-sm leading-relaxed text-slate-600" data-testid="forecast-summary">
            {t("forecastSummary", { total: forecastTotal, today: stats.forecast[0]?.count ?? 0 })}
          </p>
          <div className="mt-4">
            <ForecastChart days={stats.forecast} label={t("forecastHeading")} describedBy="forecast-summary forecast-table-caption" />
          </div>
          {/* sr-only on a wrapper: a table ignores the 1px width and would widen the page. */}
          <div className="sr-only">
            <table data-testid="forecast-table">
              <caption id="forecast-table-caption">{t("forecastCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("day")}</th>
                  <th scope="col">{t("dueCards")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.forecast.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{longDay(d.day)}</th>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </section>

      <section aria-labelledby="retention-heading">
        <Card>
          <h2 id="retention-heading" className="text-lg font-semibold tracking-tight">
            {t("retentionHeading")}
          </h2>
          <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("retentionIntro")}</p>
          <p className="sr-only">
            {t("retentionSummary", { actual: recent.rate === null ? t("notMeasured") : t("retentionValue", { percent: percent(recent.rate) }), desired })}
          </p>
          <div className="mt-5 grid gap-4" aria-hidden="true">
            <RetentionBar label={t("desiredRetention")} rate={stats.desiredRetention} valueText={valueText(stats.desiredRetention)} detail={null} tone="target" targetPercent={desired} />
            <RetentionBar label={t("trueRetention")} rate={recent.rate} valueText={valueText(recent.rate)} detail={detail(recent)} tone="actual" targetPercent={desired} />
            <RetentionBar
              label={t("trueRetentionAllTime")}
              rate={stats.trueRetention.allTime.rate}
              valueText={valueText(stats.trueRetention.allTime.rate)}
              detail={detail(stats.trueRetention.allTime)}
              tone="actual"
              targetPercent={desired}
            />
          </div>
          {recent.rate === null && stats.trueRetention.allTime.rate === null && <p className="mt-4 text-sm text-slate-600">{t("noRetention")}</p>}
        </Card>
      </section>
    </div>
  );

  function valueText(rate: number | null): string {
    return rate === null ? "–" : t("retentionValue", { percent: percent(rate) });
  }

  function detail(retention: TrueRetention): string | null {
    return retention.reviews ? t("retentionDetail", { passed: retention.passed, reviews: retention.reviews }) : null;
  }
}

/** A horizontal bar of a retention, with a tick at the learner's target. */
function RetentionBar({ label, rate, valueText, detail, tone, targetPercent }: { label: string; rate: number | null; valueText: string; detail: string | null; tone: "target" | "actual"; targetPercent: number }) {
  return (
    <div className="grid gap-1.5 sm:grid-cols-[10rem_1fr_7rem] sm:items-center sm:gap-4">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <span className="relative h-3 overflow-hidden rounded-full bg-slate-100">
        {rate !== null && <span className={`absolute inset-y-0 left-0 rounded-full ${tone === "target" ? "bg-slate-400" : "bg-emerald-500"}`} style={{ width: `${percent(rate)}%` }} />}
        <span className="absolute inset-y-0 w-0.5 bg-slate-700" style={{ left: `${targetPercent}%` }} />
      </span>
      <span className="text-sm tabular-nums text-slate-700">
        {valueText}
        {detail && <span className="block text-xs text-slate-600">{detail}</span>}
      </span>
    </div>
  );
}

function Stat({ label, value, testId, className = "" }: { label: string; value: string; testId: string; className?: string }) {
  return (
    <div className={`rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm ${className}`.trim()}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
