import { useTranslations } from "next-intl";

/** "Frage 3 von 10" with a bar that fills as questions are answered. */
export function QuizProgress({ number, total, answered, isMistakesMode }: { number: number; total: number; answered: number; isMistakesMode: boolean }) {
  const t = useTranslations("quiz.play");
  const percent = total > 0 ? Math.round((answered / total) * 100) : 0;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <p className="font-medium text-slate-700" data-testid="quiz-progress">
          {t("progress", { number, total })}
        </p>
        {isMistakesMode ? (
          <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900">{t("mistakesMode")}</span>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-500 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
