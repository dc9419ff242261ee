import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { ReviewedQuestion } from "@/lib/definitions/attempts";
import { toPercent } from "./format";

/** One question of a past quiz: the prompt, ✓/✗ (in words for screen readers), both answers. */
export async function AttemptQuestionCard({ question }: { question: ReviewedQuestion }) {
  const t = await getTranslations("progress.attempt");
  // Partly right has its own verdict and style, as in the feedback panel (components/quiz/feedback-panel.tsx).
  const state = question.correct === null ? "unanswered" : question.correct ? "correct" : question.score && question.score > 0 ? "partial" : "wrong";
  const styles = {
    correct: { border: "border-l-emerald-400", badge: "bg-emerald-100 text-emerald-800", mark: "✓" },
    partial: { border: "border-l-amber-400", badge: "bg-amber-100 text-amber-900", mark: "½" },
    wrong: { border: "border-l-rose-400", badge: "bg-rose-100 text-rose-800", mark: "✗" },
    unanswered: { border: "border-l-slate-300", badge: "bg-slate-100 text-slate-700", mark: "–" },
  }[state];
  const verdict = state === "partial" ? t("partial", { percent: toPercent(question.score ?? 0) }) : t(state);
  return (
    <Card className={`border-l-4 ${styles.border}`} data-testid="attempt-question" data-state={state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("question", { number: question.position + 1 })}</p>
        <p className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ${styles.badge}`} data-testid="attempt-verdict">
          <span aria-hidden="true">{styles.mark}</span>
          {verdict}
        </p>
      </div>
      <h3 className="mt-1 text-base font-semibold leading-snug text-slate-900">{question.prompt}</h3>
      <dl className="mt-3 grid gap-1.5 text-sm">
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-medium text-slate-600">{t("yourAnswer")}</dt>
          <dd className={state === "correct" ? "text-emerald-800" : state === "wrong" ? "text-rose-800" : state === "partial" ? "text-amber-900" : "text-slate-600"} data-testid="given-answer">
            {question.givenAnswer === null ? t("unanswered") : question.givenAnswer || t("noAnswer")}
          </dd>
        </div>
        <div className="flex flex-wrap gap-x-2">
          <dt className="font-medium text-slate-600">{t("correctAnswer")}</dt>
          <dd className="font-medium text-slate-900" data-testid="correct-answer">
            {question.correctAnswer ?? <span className="font-normal italic text-slate-600">{t("hidden")}</span>}
          </dd>
        </div>
      </dl>
      {question.explanation ? <p className="mt-3 text-sm leading-relaxed text-slate-600">{question.explanation}</p> : null}
    </Card>
  );
}
