import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { formatCountdown } from "@/lib/assignments/format";
import type { LearnerAssignment } from "@/lib/server/assignments";
import { StartAssignmentButton } from "./start-assignment-button";
import { StatusBadge } from "./status-badge";
import { formatDateTime } from "@/lib/i18n/format";

/** One assignment as the learner sees it: what, until when, how it stands, and the next step. */
export function LearnerAssignmentCard({ assignment, headingLevel = 2, showClass = true }: { assignment: LearnerAssignment; headingLevel?: 2 | 3; showClass?: boolean }) {
  const t = useTranslations("classes.learner");
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { action } = assignment;
  const when = (date: Date) => formatDateTime(date, locale);
  const isNotOpen = action.kind === "refused" && action.reason === "not_open";

  return (
    <article className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="learner-assignment" data-assignment-id={assignment.id}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0">
          <Heading className="text-lg font-semibold leading-snug text-slate-900">
            <Link href={`/assignments/${assignment.id}`} className="underline-offset-2 hover:underline">
              {assignment.title}
            </Link>
          </Heading>
          {showClass ? <p className="text-sm text-slate-600">{assignment.className}</p> : null}
        </div>
        <StatusBadge status={assignment.status} />
      </div>

      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {isNotOpen ? (
          <>
            <dt className="text-slate-600">{t("opens")}</dt>
            <dd className="text-slate-900">{when(assignment.opensAt)}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("due")}</dt>
        <dd className="text-slate-900">
          {when(assignment.dueAt)}
          {assignment.acceptLate ? <span className="text-slate-600"> · {t("lateAccepted")}</span> : null}
        </dd>
        <dt className="text-slate-600">{t("questions")}</dt>
        <dd className="text-slate-900">
          {t("questionCount", { count: assignment.questionCount })}
          {assignment.timeLimitSeconds ? <span> · {t("timeLimit", { minutes: Math.round(assignment.timeLimitSeconds / 60) })}</span> : null}
        </dd>
        <dt className="text-slate-600">{t("attempts")}</dt>
        <dd className="text-slate-900" data-testid="attempts-used">
          {t("attemptsUsed", { used: assignment.attemptsUsed, allowed: assignment.attemptsAllowed })}
        </dd>
        {assignment.score !== null ? (
          <>
            <dt className="text-slate-600">{t("score")}</dt>
            <dd className="font-semibold text-slate-900" data-testid="learner-score">
              {t("percent", { percent: Math.round(assignment.score * 100) })}
              {assignment.attemptsAllowed > 1 ? <span className="font-normal text-slate-600"> ({t(`scoring.${assignment.scoringPolicy}`)})</span> : null}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
        {action.kind === "resume" ? (
          <>
            <Link href={`/quiz/${encodeURIComponent(action.quizId)}`} className={buttonClasses({ className: "w-full sm:w-auto" })} data-testid="resume-assignment">
              {t("resume")}
            </Link>
            <span className="text-sm text-slate-600">
              {t("resumeDetail", { number: Math.min(action.position + 1, action.questionCount), total: action.questionCount })}
              {action.remainingMs !== null ? <> · {t("remaining", { time: formatCountdown(action.remainingMs) })}</> : null}
            </span>
          </>
        ) : action.kind === "start" ? (
          <div className="grid gap-3">
            {/* Said before the click, not after: starting sets the clock going and uses up an attempt. */}
            <ul id={`start-notice-${assignment.id}`} className="grid gap-1 rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800" data-testid="start-notice">
              {assignment.timeLimitSeconds ? (
                <li className="flex gap-2">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                    <circle cx="10" cy="11" r="7" />
                    <path d="M10 7.5V11l2.5 2M8 2h4" />
                  </svg>
                  <span data-testid="start-notice-timer">{t("startNotice.timer", { minutes: Math.round(assignment.timeLimitSeconds / 60) })}</span>
                </li>
              ) : null}
              <li className="flex gap-2">
                <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M16 10a6 6 0 1 1-1.8-4.3M16 3v3.5h-3.5" />
                </svg>
                <span data-testid="start-notice-attempts">{t("startNotice.attempts", { left: assignment.attemptsLeft, allowed: assignment.attemptsAllowed })}</span>
              </li>
            </ul>
            <StartAssignmentButton
              assignmentId={assignment.id}
              testId="start-assignment"
              describedBy={`start-notice-${assignment.id}`}
              label={action.attemptNumber > 1 ? t("retry") : action.isLate ? t("startLate") : t("start")}
              variant={action.attemptNumber > 1 ? "secondary" : "primary"}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="start-refused" data-reason={action.reason}>
            {t(`refused.${action.reason}`)}
          </p>
        )}
        {assignment.lastFinishedQuizId ? (
          <Link href={`/quiz/${encodeURIComponent(assignment.lastFinishedQuizId)}/summary`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("viewResult")}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
