import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RevealWithheldNotice } from "@/components/classes/reveal-withheld-notice";
import { PractiseMistakesForm } from "@/components/quiz/practise-mistakes-form";
import { SourceReferences } from "@/components/quiz/source-references";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getQuizSummary } from "@/lib/server/attempts/quizzes";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";
import { formatPercent } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz.summary"))("pageTitle") };
}

/** The end of a quiz: score, time taken, and every mistake with the right answer and why. */
export default async function QuizSummaryPage({ params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const user = await getSessionUser();
  if (!user) notFound();
  const requestLocale = await getRequestLocale();
  const t = await getTranslations("quiz.summary");
  const tCommon = await getTranslations("common");
  const summary = await orNotFound(getQuizSummary(user.id, quizId, requestLocale));
  if (summary.status === "in_progress") redirect(`/quiz/${encodeURIComponent(summary.id)}`);

  // One rule everywhere (summary, history, mastery, gradebook): a question is worth one point, a partly right answer its share.
  // Null while an assignment's reveal policy withholds grades.
  const percent = summary.score === null ? null : Math.round(summary.score * 100);
  const points = summary.score === null ? null : Math.round(summary.score * summary.questionCount * 10) / 10;
  const partialCount = summary.mistakes.filter((mistake) => mistake.score > 0).length;
  const totalSeconds = Math.round(summary.durationMs / 1000);
  const duration =
    totalSeconds >= 60
      ? t("durationMinutes", { minutes: Math.floor(totalSeconds / 60), seconds: totalSeconds % 60 })
      : t("durationSeconds", { seconds: totalSeconds });
  const perQuestion = summary.answeredCount > 0 ? Math.round(summary.durationMs / summary.answeredCount / 1000) : 0;

  return (
    <div className="mx-auto grid max-w-2xl grid-cols-1 gap-6">
      <section aria-labelledby="summary-heading">
        <p className="text-sm font-medium text-brand-700">{t("subheading", { title: summary.factSetTitle, count: summary.questionCount })}</p>
        <h1 id="summary-heading" className="mt-1 text-3xl font-semibold tracking-tight">
          {summary.assignment ? t("handedIn") : t("heading")}
        </h1>
        {summary.assignment ? (
          <p className="mt-2 flex items-center gap-2 text-slate-800" data-testid="handed-in">
            <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full bg-emerald-700 text-sm text-white">
              ✓
            </span>
            {t("handedInBody", { title: summary.assignment.title })}
          </p>
        ) : null}
        <div className="mt-5 grid gap-4 sm:grid-cols-[1.4fr_1fr]">
          <Card className="flex items-center gap-5">
            {percent !== null ? <ScoreRing percent={percent} locale={requestLocale} /> : null}
            <div>
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("scoreLabel")}</p>
              <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="summary-score">
                {summary.correctCount === null ? t("scoreWithheld") : t("score", { correct: summary.correctCount, total: summary.questionCount })}
              </p>
              {partialCount > 0 && points !== null && summary.correctCount !== null ? (
                <>
                  <p className="mt-1 text-sm font-medium text-slate-800" data-testid="summary-points">
                    {t("points", { points, total: summary.questionCount })} · {t("breakdown", { correct: summary.correctCount, partial: partialCount })}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{tCommon("scoringRule")}</p>
                </>
              ) : null}
            </div>
          </Card>
          <Card>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("time")}</p>
            <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="summary-time">
              {duration}
            </p>
            <p className="mt-1 text-sm text-slate-600">{t("perQuestion", { seconds: perQuestion })}</p>
          </Card>
        </div>
        <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
          {summary.mistakes.length > 0 ? <PractiseMistakesForm quizId={summary.id} /> : null}
          {summary.assignment ? (
            <Link href={`/assignments/${encodeURIComponent(summary.assignment.assignmentId)}`} className={buttonClasses({ variant: "primary", size: "lg" })}>
              {t("backToAssignment")}
            </Link>
          ) : (
            <Link href="/" className={buttonClasses({ variant: summary.mistakes.length > 0 ? "secondary" : "primary", size: "lg" })}>
              {t("newQuiz")}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="mistakes-heading">
        <h2 id="mistakes-heading" className="text-xl font-semibold tracking-tight">
          {t("mistakesHeading")}
        </h2>
        {summary.assignment && !summary.assignment.reveal.isRevealed ? (
          <RevealWithheldNotice revealsAt={summary.assignment.reveal.revealsAt} />
        ) : summary.mistakes.length === 0 ? (
          <p className="mt-3 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-emerald-900">
            <span aria-hidden="true">✓ </span>
            {t("noMistakes")}
          </p>
        ) : (
          <ol className="mt-3 grid grid-cols-1 gap-4">
            {summary.mistakes.map((mistake) => (
              <li key={mistake.position} data-testid="mistake">
                <Card className={`border-l-4 ${mistake.score > 0 ? "border-l-amber-400" : "border-l-rose-400"}`}>
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("questionNumber", { number: mistake.position + 1 })}</p>
                  <h3 className="mt-1 text-base font-semibold leading-snug text-slate-900">{mistake.prompt}</h3>
                  <dl className="mt-3 grid grid-cols-1 gap-2 text-sm">
                    <div className="flex flex-wrap gap-x-2">
                      <dt className="font-medium text-rose-800">
                        <span aria-hidden="true">✗ </span>
                        {t("yourAnswer")}
                      </dt>
                      <dd className="min-w-0 text-slate-800 wrap-anywhere">
                        {mistake.yourAnswer || t("noAnswer")}
                        {mistake.score > 0 ? <span className="text-slate-600"> · {t("partial", { percent: Math.round(mistake.score * 100) })}</span> : null}
                      </dd>
                    </div>
                    <div className="flex flex-wrap gap-x-2">
                      <dt className="font-medium text-emerald-800">
                        <span aria-hidden="true">✓ </span>
                        {t("correctAnswer")}
                      </dt>
                      <dd className="min-w-0 text-slate-900 wrap-anywhere" data-testid="mistake-correct-answer">
                        {mistake.correctAnswer}
                      </dd>
                    </div>
                  </dl>
                  <p className="mt-3 text-sm leading-relaxed text-slate-700" data-testid="mistake-explanation">
                    {mistake.explanation}
                  </p>
                  <SourceReferences quote={mistake.quote} references={mistake.references} />
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** The share answered right as a ring; the number is in the text beside it, so this is decoration. */
function ScoreRing({ percent, locale }: { percent: number; locale: string }) {
  const radius = 28;
  const circumference = 2 * Math.PI * radius;
  return (
    <div className="relative size-20 shrink-0">
      <svg viewBox="0 0 72 72" className="size-20 -rotate-90" aria-hidden="true">
        <circle cx="36" cy="36" r={radius} fill="none" strokeWidth="8" className="stroke-slate-200" />
        <circle
          cx="36"
          cy="36"
          r={radius}
          fill="none"
          strokeWidth="8"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - percent / 100)}
          className={percent >= 80 ? "stroke-emerald-500" : percent >= 50 ? "stroke-brand-500" : "stroke-amber-500"}
        />
      </svg>
      <span className="absolute inset-0 flex items-center justify-center text-sm font-semibold text-slate-800">{formatPercent(percent / 100, locale)}</span>
    </div>
  );
}
