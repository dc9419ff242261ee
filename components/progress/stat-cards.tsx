import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/server/progress";
import { durationParts, toPercent } from "./format";

/** Small line icons (decorative: each card's label says what it is). */
const icons = {
  streak: "M12 3c.5 3-2 4.5-2 7a2 2 0 0 0 4 0c0-.7-.2-1.3-.5-1.8C16 9.5 18 12 18 15a6 6 0 0 1-12 0c0-4.5 4-7 6-12Z",
  time: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  answers: "m5 12.5 4.5 4.5L19 7.5",
  quizzes: "M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0V4ZM7 6H4v1a3 3 0 0 0 3 3M17 6h3v1a3 3 0 0 1-3 3",
} as const;

function StatIcon({ id }: { id: keyof typeof icons }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={icons[id]} />
    </svg>
  );
}

/** Streak, practice time, answers and finished quizzes, as four small cards. */
export async function StatCards({ dashboard }: { dashboard: Dashboard }) {
  const t = await getTranslations("progress");
  const { counts } = dashboard;
  const duration = durationParts(dashboard.timeSpentMs);
  const streakNote =
    dashboard.streakDays === 0 ? t("dashboard.stats.streakNone") : dashboard.practisedToday ? t("dashboard.stats.streakToday") : t("dashboard.stats.streakPending");
  const stats: { id: keyof typeof icons; label: string; value: string; note: string }[] = [
    { id: "streak", label: t("dashboard.stats.streak"), value: t("dashboard.stats.streakValue", { days: dashboard.streakDays }), note: streakNote },
    { id: "time", label: t("dashboard.stats.time"), value: t(`duration.${duration.key}`, duration.values), note: t("dashboard.stats.timeNote") },
    {
      id: "answers",
      label: t("dashboard.stats.answers"),
      value: String(counts.answers),
      note: t("dashboard.stats.answersNote", { percent: counts.answers ? toPercent(counts.correctAnswers / counts.answers) : 0 }),
    },
    { id: "quizzes", label: t("dashboard.stats.quizzes"), value: String(counts.finishedQuizzes), note: t("dashboard.stats.quizzesNote", { reviews: counts.reviews }) },
  ];
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading" className="sr-only">
        {t("dashboard.stats.heading")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.id} className="flex flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={`stat-${stat.id}`}>
            <dt className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
              <StatIcon id={stat.id} />
              {stat.label}
            </dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{stat.value}</dd>
            <dd className="mt-0.5 text-xs leading-snug text-slate-600">{stat.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
