import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DayActivity } from "@/lib/server/progress";
import { ActivityChart } from "./activity-chart";
import { formatDay, toPercent } from "./format";
import { formatPercent } from "@/lib/i18n/format";

/**
 * Answers and accuracy over the last 30 days: the chart, a one-paragraph summary a screen
 * reader announces with it (aria-describedby) and, for the exact numbers, a visually hidden
 * table with one row per day.
 */
export async function ActivitySection({ days }: { days: DayActivity[] }) {
  const t = await getTranslations("progress.dashboard.activity");
  const locale = await getLocale();
  const answers = days.reduce((sum, d) => sum + d.answers, 0);
  const correct = days.reduce((sum, d) => sum + d.correct, 0);
  const activeDays = days.filter((d) => d.answers > 0).length;
  const busiest = days.reduce<DayActivity | null>((best, d) => (d.answers > (best?.answers ?? 0) ? d : best), null);
  const summary = t("summary", {
    answers,
    activeDays,
    percent: answers ? toPercent(correct / answers) : 0,
    best: busiest ? formatDay(busiest.day, locale, { day: "numeric", month: "long" }) : "none",
  });
  return (
    <section aria-labelledby="activity-heading">
      <Card>
        <h2 id="activity-heading" className="text-lg font-semibold tracking-tight">
          {t("heading")}
        </h2>
        <p id="activity-summary" className="mt-1 text-sm leading-relaxed text-slate-600">
          {summary}
        </p>
        <div className="mt-4">
          <ActivityChart days={days} label={t("heading")} describedBy="activity-summary activity-table-caption" />
        </div>
        {/* sr-only on a wrapper: a table ignores the 1px width and would widen the page. */}
        <div className="sr-only">
          <table data-testid="activity-table">
            <caption id="activity-table-caption">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("answers")}</th>
                <th scope="col">{t("correct")}</th>
                <th scope="col">{t("accuracy")}</th>
                <th scope="col">{t("reviews")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{formatDay(d.day, locale, { weekday: "short", day: "numeric", month: "long" })}</th>
                  <td>{d.answers}</td>
                  <td>{d.correct}</td>
                  <td>{d.accuracy === null ? t("noAccuracy") : formatPercent(d.accuracy, locale)}</td>
                  <td>{d.reviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </section>
  );
}
