import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { PersonalBest } from "@/lib/server/progress";
import { toPercent } from "./format";
import { modeKey } from "./mode-label";
import { formatDate } from "@/lib/i18n/format";

/** The best score per topic and kind of quiz, each linking to the quiz that reached it. */
export async function PersonalBests({ bests }: { bests: PersonalBest[] }) {
  const t = await getTranslations("progress");
  const locale = await getLocale();
  return (
    <section aria-labelledby="bests-heading">
      <h2 id="bests-heading" className="text-lg font-semibold tracking-tight">
        {t("history.bests.heading")}
      </h2>
      {bests.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("history.bests.none")}</p>
      ) : (
        <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="personal-bests">
          {bests.map((best) => (
            <li key={`${best.factSetId}/${best.mode}`} className="rounded-2xl border border-amber-200 bg-amber-50/60 p-4" data-testid="personal-best">
              <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">
                {best.topicTitle} · {t(modeKey(best.mode))}
              </p>
              <p className="mt-1 flex items-baseline gap-2">
                <span aria-hidden="true" className="text-amber-500">
                  ★
                </span>
                <span className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="personal-best-score">
                  {t("history.bests.value", { percent: toPercent(best.score) })}
                </span>
              </p>
              <p className="mt-1 text-xs text-slate-600">
                {t("history.bests.detail", { date: formatDate(best.achievedAt, locale), attempts: best.attempts })}
              </p>
              {best.quizId ? (
                <Link href={`/history/${encodeURIComponent(best.quizId)}`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                  {t("history.bests.view")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
