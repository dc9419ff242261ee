import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { stickyColumn } from "@/components/classes/class-report-table";
import { DeleteAssignmentButton } from "@/components/classes/delete-assignment-button";
import { InvitePanel } from "@/components/classes/invite-panel";
import { StatusBadge } from "@/components/classes/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCountdown } from "@/lib/assignments/format";
import { getTeacherClass } from "@/lib/server/classes";
import { getGradebook } from "@/lib/server/gradebook";
import { getJoinUrl } from "@/lib/server/join-url";
import { requireRole } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";
import { formatDateTime, formatPercent } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.gradebook");
  return { title: t("pageTitle") };
}

/** The gradebook of one assignment: who stands where, how each question went, what the class knows least. */
export default async function GradebookPage({ params }: { params: Promise<{ classId: string; assignmentId: string }> }) {
  const { classId, assignmentId } = await params;
  const user = await requireRole("teacher", { next: `/classes/${classId}/assignments/${assignmentId}` });
  const locale = await getRequestLocale();
  const gradebook = await orNotFound(getGradebook(user.id, assignmentId, locale));
  if (gradebook.assignment.classId !== classId) notFound();

  const t = await getTranslations("classes");
  const tCommon = await getTranslations("common");
  const tTypes = await getTranslations("quiz.types");
  
  const { assignment, rows, questions, weakestFacts, summary } = gradebook;
  const invite =
    rows.length === 0
      ? await getTeacherClass(user.id, classId).then(async (klass) => ({ joinCode: klass.joinCode, joinUrl: await getJoinUrl(klass.joinCode), isArchived: klass.archivedAt !== null }))
      : null;
  const dateTime = (d: Date) => formatDateTime(d, locale);
  const percent = (share: number) => Math.round(share * 100);

  const settings: [string, string][] = [
    [t("gradebook.settings.types"), assignment.questionTypes.map((type) => tTypes(type)).join(", ")],
    [t("gradebook.settings.count"), t("learner.questionCount", { count: assignment.questionCount })],
    [t("gradebook.settings.variant"), t(`form.variants.${assignment.variant}`)],
    [t("gradebook.settings.opens"), dateTime(assignment.opensAt)],
    [t("gradebook.settings.due"), dateTime(assignment.dueAt)],
    [t("gradebook.settings.attempts"), `${assignment.attemptsAllowed} · ${t(`form.scoringPolicies.${assignment.scoringPolicy}`)}`],
    [t("gradebook.settings.timeLimit"), assignment.timeLimitSeconds ? t("learner.timeLimit", { minutes: Math.round(assignment.timeLimitSeconds / 60) }) : t("gradebook.settings.none")],
    [t("gradebook.settings.reveal"), t(`form.revealPolicies.${assignment.revealPolicy}`)],
    [t("gradebook.settings.late"), assignment.acceptLate ? t("gradebook.settings.lateAccepted") : t("gradebook.settings.lateRefused")],
  ];

  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <Link href={`/classes/${classId}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {assignment.className}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight" data-testid="assignment-title">
          {assignment.title}
        </h1>
        <p className="mt-1 text-slate-600" data-testid="gradebook-summary">
          {t("assignments.submitted", { submitted: summary.submittedCount, total: summary.learnerCount })}
          {summary.averageScore !== null ? ` · ${t("assignments.average", { percent: percent(summary.averageScore) })}` : ""}
        </p>
        <p className="mt-1 text-sm text-slate-600" data-testid="scoring-rule">{tCommon("scoringRule")}</p>
      </header>

      <section aria-labelledby="learners-heading" className="grid grid-cols-1 gap-3">
        <h2 id="learners-heading" className="text-xl font-semibold tracking-tight">
          {t("gradebook.learnersHeading")}
        </h2>
        {rows.length === 0 ? (
          // Nobody to grade yet: the way to get learners is right here, not on another page.
          <>
            <p className="text-slate-600" data-testid="gradebook-no-learners">
              {t("gradebook.noLearners")}
            </p>
            {invite ? <InvitePanel classId={classId} joinCode={invite.joinCode} joinUrl={invite.joinUrl} isArchived={invite.isArchived} canRenew={false} /> : null}
          </>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("gradebook.tableLabel")} data-testid="gradebook-scroll">
            <table className="w-full border-collapse text-sm" aria-labelledby="learners-heading" data-testid="gradebook-table">
              <thead>
                <tr className="border-b border-slate-200 text-left whitespace-nowrap text-slate-600">
                  <th scope="col" className={`${stickyColumn} bg-white px-4 py-2 font-medium`}>
                    {t("gradebook.columns.learner")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("gradebook.columns.status")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("gradebook.columns.score")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("gradebook.columns.time")}
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    {t("gradebook.columns.attempts")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.userId} className="border-b border-slate-100 last:border-0" data-testid="gradebook-row" data-learner={row.email ?? row.name}>
                    <th scope="row" className={`${stickyColumn} min-w-32 max-w-44 bg-white px-4 py-2.5 text-left font-medium break-words text-slate-900`}>
                      {row.name}
                      {row.isRemoved ? <span className="font-normal text-slate-600"> ({t("gradebook.removed")})</span> : null}
                      {row.email && row.email !== row.name ? (
                        <span className="block text-xs font-normal break-all text-slate-600" data-testid="gradebook-email">
                          {row.email}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-3 py-2.5">
                      <StatusBadge status={row.status} />
                    </td>
                    <td className="px-3 py-2.5 text-right font-semibold tabular-nums text-slate-900" data-testid="gradebook-score">
                      {row.score !== null ? formatPercent(row.score, locale) : "–"}
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums text-slate-700">{row.timeTakenMs !== null ? formatCountdown(row.timeTakenMs) : "–"}</td>
                    <td className="px-4 py-2.5 text-right tabular-nums text-slate-700" data-testid="gradebook-attempts">
                      {row.attemptsUsed} / {assignment.attemptsAllowed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="questions-heading" className="grid grid-cols-1 gap-3">
        <div>
          <h2 id="questions-heading" className="text-xl font-semibold tracking-tight">
            {t("gradebook.questionsHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{gradebook.groupedBy === "position" ? t("gradebook.byPosition") : t("gradebook.byQuestion")}</p>
        </div>
        {questions.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-5 text-center text-slate-600">{t("gradebook.noSubmissions")}</p>
        ) : (
          <ol className="grid gap-3" data-testid="question-stats">
            {questions.map((q, index) => (
              <li key={q.key} data-testid="question-stat">
                <Card className="p-4 sm:p-5">
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                    {gradebook.groupedBy === "position" ? t("gradebook.questionNumber", { number: index + 1 }) : tTypes(q.type)}
                  </p>
                  <p className="mt-1 font-medium leading-snug text-slate-900">{q.label}</p>
                  <div className="mt-3 flex items-center gap-3">
                    <div className="h-2.5 flex-1 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                      <div
                        className={`h-full rounded-full ${q.correctShare >= 0.8 ? "bg-emerald-500" : q.correctShare >= 0.5 ? "bg-brand-500" : "bg-amber-500"}`}
                        style={{ width: `${percent(q.correctShare)}%` }}
                      />
                    </div>
                    <p className="shrink-0 text-sm font-semibold tabular-nums text-slate-900" data-testid="question-correct-share">
                      {t("gradebook.correctShare", { percent: percent(q.correctShare), correct: q.correct, total: q.answered })}
                    </p>
                  </div>
                  <p className="mt-2 text-sm text-slate-700" data-testid="question-common-wrong">
                    <span className="font-medium">{t("gradebook.mostCommonWrong")}</span>{" "}
                    {q.mostCommonWrong
                      ? `${q.mostCommonWrong.answer || t("gradebook.noAnswer")} (${t("gradebook.times", { count: q.mostCommonWrong.count })})`
                      : t("gradebook.noneWrong")}
                  </p>
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="weakest-heading" className="grid grid-cols-1 gap-3">
        <h2 id="weakest-heading" className="text-xl font-semibold tracking-tight">
          {t("gradebook.weakestHeading")}
        </h2>
        {weakestFacts.length === 0 ? (
          <p className="text-slate-600">{questions.length === 0 ? t("gradebook.noSubmissions") : t("gradebook.weakestEmpty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm" data-testid="weakest-facts">
            {weakestFacts.map((fact) => (
              <li key={fact.factId} className="flex items-center justify-between gap-3 px-4 py-2.5">
                <span className="text-slate-900">{fact.label}</span>
                <span className="shrink-0 text-sm tabular-nums text-slate-700">
                  {t("gradebook.correctShare", { percent: percent(fact.correctShare), correct: fact.correct, total: fact.answered })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="settings-heading" className="grid grid-cols-1 gap-3">
        <h2 id="settings-heading" className="text-xl font-semibold tracking-tight">
          {t("gradebook.settingsHeading")}
        </h2>
        <Card>
          <dl className="grid gap-3 sm:grid-cols-[max-content_1fr] sm:gap-x-6 sm:gap-y-2">
            {settings.map(([label, value]) => (
              <div key={label} className="grid gap-0.5 sm:contents">
                <dt className="text-sm font-medium text-slate-600">{label}</dt>
                <dd className="text-sm text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <a
            href={`/api/classes/${classId}/export/answers?assignmentId=${encodeURIComponent(assignment.id)}`}
            download
            className={buttonClasses({ variant: "secondary" })}
            data-testid="export-assignment-answers"
          >
            <span aria-hidden="true">↓</span> {t("gradebook.exportAnswers")}
          </a>
          <DeleteAssignmentButton classId={classId} assignmentId={assignment.id} title={assignment.title} />
        </div>
      </section>
    </div>
  );
}
