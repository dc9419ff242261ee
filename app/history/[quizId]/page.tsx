import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AttemptQuestionCard } from "@/components/progress/attempt-question";
import { durationParts, toPercent } from "@/components/progress/format";
import { modeKey } from "@/components/progress/mode-label";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RevealWithheldNotice } from "@/components/classes/reveal-withheld-notice";
import { reviewAttempt } from "@/lib/server/attempts";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";
import { formatDateTime } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress.attempt");
  return { title: t("pageTitle") };
}

/**
 * The review of one quiz: every question with the learner's and the correct answer. Another
 * learner's quiz (or no session) is a 404, the same as a quiz that does not exist.
 */
export default async function AttemptPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await getSessionUser();
  if (!user) notFound();
  const requestLocale = await getRequestLocale();
  const attempt = await orNotFound(reviewAttempt(user.id, quizId, requestLocale));
  const t = await getTranslations("progress");
  const tCommon = await getTranslations("common");
  const locale = await getLocale();
  const date = formatDateTime(attempt.finishedAt ?? attempt.startedAt, locale);
  const duration = durationParts(attempt.durationMs);

  return (
    <div className="grid gap-6">
      <div>
        <Link href="/history" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          <span aria-hidden="true">← </span>
          {t("attempt.back")}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{t("attempt.heading", { date })}</h1>
      </div>

      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("attempt.topic")}</dt>
            <dd className="mt-1 font-medium text-slate-900">{attempt.topicTitle}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("attempt.mode")}</dt>
            <dd className="mt-1 font-medium text-slate-900">{t(modeKey(attempt.mode))}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("history.list.score")}</dt>
            <dd className="mt-1 font-medium text-slate-900" data-testid="attempt-detail-score">
              {attempt.correctCount === null || attempt.score === null ? (
                t("attempt.scoreWithheld")
              ) : (
                <>
                  {t("attempt.score", { correct: attempt.correctCount, total: attempt.questionCount })}
                  <span className="text-slate-600"> · {t("attempt.scorePercent", { percent: toPercent(attempt.score) })}</span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("attempt.time")}</dt>
            <dd className="mt-1 font-medium text-slate-900">{t(`duration.${duration.key}`, duration.values)}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-600" data-testid="scoring-rule">{tCommon("scoringRule")}</p>
      </Card>

      {attempt.status === "in_progress" ? (
        <div className="flex flex-col gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-amber-900 sm:flex-row sm:items-center sm:justify-between">
          <p>{t("attempt.inProgress")}</p>
          <Link href={`/quiz/${encodeURIComponent(attempt.id)}`} className={buttonClasses({ className: "shrink-0" })}>
            {t("attempt.continue")}
          </Link>
        </div>
      ) : null}

      {attempt.withheld ? <RevealWithheldNotice revealsAt={attempt.withheld.revealsAt} /> : null}

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-xl font-semibold tracking-tight">
          {t("attempt.questionsHeading")}
        </h2>
        <ol className="mt-3 grid gap-4">
          {attempt.questions.map((question) => (
            <li key={question.position}>
              <AttemptQuestionCard question={question} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
