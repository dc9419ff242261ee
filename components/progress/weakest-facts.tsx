import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { TopicProgress, WeakFact } from "@/lib/server/progress";
import { toPercent } from "./format";
import { WeakSpotsForm } from "./weak-spots-form";

/** The learner's weakest facts, with a "Schwächen üben" button per topic they come from. */
export async function WeakestFacts({ facts, topics }: { facts: WeakFact[]; topics: TopicProgress[] }) {
  const t = await getTranslations("progress.dashboard.weakest");
  const topicIds = [...new Set(facts.map((f) => f.factSetId))];
  const titleOf = (id: string) => topics.find((topic) => topic.factSetId === id)?.title ?? id;
  return (
    <section aria-labelledby="weakest-heading">
      <Card>
        <h2 id="weakest-heading" className="text-lg font-semibold tracking-tight">
          {t("heading")}
        </h2>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">{t("intro")}</p>
        {facts.length === 0 ? (
          <p className="mt-4 text-slate-600">{t("none")}</p>
        ) : (
          <ol className="mt-4 divide-y divide-slate-100" data-testid="weakest-facts">
            {facts.map((fact) => {
              const percent = toPercent(fact.mastery);
              return (
                <li key={`${fact.factSetId}/${fact.factId}`} className="flex items-center gap-3 py-2.5" data-testid="weak-fact" data-fact-id={fact.factId}>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">{t(fact.kind, { name: fact.name, year: fact.year })}</p>
                    <p className="text-xs text-slate-600">
                      {t("mastery", { percent })} · {t("record", { correct: fact.correct, attempts: fact.attempts })}
                    </p>
                  </div>
                  <div aria-hidden="true" className="h-2 w-16 shrink-0 overflow-hidden rounded-full bg-slate-100 sm:w-28">
                    <div className={`h-full rounded-full ${percent < 25 ? "bg-rose-400" : percent < 60 ? "bg-amber-400" : "bg-emerald-500"}`} style={{ width: `${Math.max(percent, 4)}%` }} />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {topicIds.length > 0 ? (
          <div className="mt-4 flex flex-wrap gap-3">
            {topicIds.map((id) => (
              <WeakSpotsForm key={id} factSetId={id} topicTitle={titleOf(id)} showTopic={topicIds.length > 1} />
            ))}
          </div>
        ) : null}
      </Card>
    </section>
  );
}
