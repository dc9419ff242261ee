import { getLocale, getTranslations } from "next-intl/server";
import { formatPercent } from "@/lib/i18n/format";
import { Card } from "@/components/ui/card";
import type { TopicProgress } from "@/lib/server/progress";
import { toPercent } from "./format";
import { type MasteryBar, WaveMasteryChart } from "./wave-mastery-chart";

/**
 * Mastery per topic (a bar with the number beside it) and, per topic, by enlargement round
 * and of the events (a bar chart with a summary and a visually hidden table as its text
 * alternative).
 */
export async function MasterySection({ topics }: { topics: TopicProgress[] }) {
  const t = await getTranslations("progress.dashboard.mastery");
  const locale = await getLocale();
  return (
    <section aria-labelledby="mastery-heading" className="grid gap-4">
      <div>
        <h2 id="mastery-heading" className="text-lg font-semibold tracking-tight">
          {t("heading")}
        </h2>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("explanation")}</p>
      </div>
      {topics.map((topic) => {
        const percent = toPercent(topic.mastery);
        const waves = topic.waves.map((w) => ({ label: String(w.year), percent: toPercent(w.mastery), wave: w }));
        const bars: MasteryBar[] = [...waves.map(({ label, percent }) => ({ label, percent })), { label: t("events"), percent: toPercent(topic.events.mastery) }];
        const practised = waves.filter((w) => w.wave.seen > 0);
        const best = practised.reduce<(typeof waves)[number] | null>((a, w) => (!a || w.percent > a.percent ? w : a), null);
        const worst = waves.reduce<(typeof waves)[number] | null>((a, w) => (!a || w.percent < a.percent ? w : a), null);
        const summaryId = `waves-summary-${topic.factSetId}`;
        const captionId = `waves-caption-${topic.factSetId}`;
        return (
          <Card key={topic.factSetId} data-testid="topic-mastery">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h3 className="text-base font-semibold text-slate-900">{topic.title}</h3>
              <p className="text-sm font-semibold text-brand-700" data-testid="topic-mastery-value">
                {t("topicValue", { percent })}
              </p>
            </div>
            <div aria-hidden="true" className="mt-2 h-2.5 overflow-hidden rounded-full bg-brand-50">
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-slate-600">{t("seen", { seen: topic.seen, total: topic.total })}</p>

            <h4 className="mt-6 text-sm font-semibold uppercase tracking-wide text-slate-600">{t("wavesHeading")}</h4>
            <p id={summaryId} className="mt-1 text-sm leading-relaxed text-slate-600">
              {best && worst
                ? t("wavesSummary", {
                    best: best.label,
                    bestPercent: best.percent,
                    worst: worst.label,
                    worstPercent: worst.percent,
                    unseen: waves.length - practised.length,
                  })
                : t("wavesSummaryNone")}
            </p>
            <div className="mt-3">
              <WaveMasteryChart bars={bars} label={`${topic.title}: ${t("wavesHeading")}`} describedBy={`${summaryId} ${captionId}`} />
            </div>
            <div className="sr-only">
              <table>
                <caption id={captionId}>{t("tableCaption", { topic: topic.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("wave")}</th>
                    <th scope="col">{t("countries")}</th>
                    <th scope="col">{t("masteryColumn")}</th>
                    <th scope="col">{t("seenColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {topic.waves.map((wave) => (
                    <tr key={wave.year}>
                      <th scope="row">{wave.year}</th>
                      <td>{wave.countries.join(", ")}</td>
                      <td>{formatPercent(wave.mastery, locale)}</td>
                      <td>{t("seenValue", { seen: wave.seen, total: wave.total })}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t("events")}</th>
                    <td />
                    <td>{formatPercent(topic.events.mastery, locale)}</td>
                    <td>{t("seenValue", { seen: topic.events.seen, total: topic.events.total })}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          </Card>
        );
      })}
    </section>
  );
}
