import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AssignmentForm } from "@/components/classes/assignment-form";
import { ClassReportChart } from "@/components/classes/class-report-chart";
import { ClassReportTable } from "@/components/classes/class-report-table";
import { ClassSettings } from "@/components/classes/class-settings";
import { InvitePanel } from "@/components/classes/invite-panel";
import { LearnerAssignmentCard } from "@/components/classes/learner-assignment-card";
import { ResetCodeButton } from "@/components/classes/reset-code-button";
import { RosterActions } from "@/components/classes/roster-actions";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listLearnerAssignments } from "@/lib/server/assignments";
import { getLearnerClass, getTeacherClass, type TeacherClass } from "@/lib/server/classes";
import { listAssignableFactSets } from "@/lib/server/fact-sets";
import { getClassReport, type ClassReport } from "@/lib/server/gradebook";
import { getJoinUrl } from "@/lib/server/join-url";
import { requireUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";
import { formatDate, formatDateTime, formatDayMonth } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.class");
  return { title: t("pageTitle") };
}

type Params = { params: Promise<{ classId: string }> };

/** A class: the teacher's workspace (invite, roster, assignments, report), or a learner's view of its assignments. */
export default async function ClassPage({ params }: Params) {
  const { classId } = await params;
  const user = await requireUser({ next: `/classes/${classId}` });
  return user.role === "teacher" ? <TeacherClassPage teacherId={user.id} classId={classId} /> : <LearnerClassPage userId={user.id} classId={classId} />;
}

async function TeacherClassPage({ teacherId, classId }: { teacherId: string; classId: string }) {
  const klass: TeacherClass = await orNotFound(getTeacherClass(teacherId, classId));
  const report: ClassReport = await getClassReport(teacherId, classId);
  const t = await getTranslations("classes");
  
  const locale = await getRequestLocale();
  const factSets = (await listAssignableFactSets(teacherId)).map((f) => ({ id: f.id, title: f.title[locale] }));
  const isArchived = klass.archivedAt !== null;
  const members = klass.roster.filter((m) => m.removedAt === null);
  const removed = klass.roster.filter((m) => m.removedAt !== null);
  const date = (d: Date) => formatDate(d, locale);
  const dateTime = (d: Date) => formatDateTime(d, locale);

  const points = report.assignments.map((a) => ({
    label: formatDayMonth(a.dueAt, locale, { short: true }),
    title: a.title,
    average: a.averageScore === null ? null : Math.round(a.averageScore * 100),
    submitted: a.submittedCount,
  }));
  const averages = points.map((p) => p.average).filter((v): v is number => v !== null);
  const chartSummary = averages.length
    ? t("report.chartSummary", {
        count: averages.length,
        min: Math.min(...averages),
        max: Math.max(...averages),
        same: String(Math.min(...averages) === Math.max(...averages)),
        last: averages[averages.length - 1]!,
      })
    : t("report.noData");

  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <Link href="/classes" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {t("class.backToClasses")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight" data-testid="class-name">
            {klass.name}
          </h1>
          {isArchived ? <span className="rounded-full bg-slate-200 px-2.5 py-0.5 text-sm font-medium text-slate-800">{t("list.archived")}</span> : null}
        </div>
        <p className="mt-1 text-slate-600">
          {t("list.learnerCount", { count: members.length })} · {t("list.assignmentCount", { count: report.assignments.length })}
        </p>
        {isArchived ? <p className="mt-3 rounded-lg border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">{t("class.archivedNotice")}</p> : null}
      </header>

      {/* The join code first: a new class is nothing until learners are in it. */}
      <section aria-labelledby="invite-heading">
        <InvitePanel classId={klass.id} joinCode={klass.joinCode} joinUrl={await getJoinUrl(klass.joinCode)} isArchived={isArchived} />
      </section>

      <section aria-labelledby="assignments-heading" className="grid grid-cols-1 gap-4">
        <h2 id="assignments-heading" className="text-xl font-semibold tracking-tight">
          {t("assignments.heading")}
        </h2>
        {report.assignments.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-5 text-center text-slate-600">{t("assignments.empty")}</p>
        ) : (
          <ul className="grid gap-3" data-testid="teacher-assignments">
            {[...report.assignments].reverse().map((a) => (
              <li key={a.id}>
                <Link
                  href={`/classes/${klass.id}/assignments/${a.id}`}
                  className="flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-500 sm:flex-row sm:items-center sm:justify-between"
                >
                  <span className="min-w-0">
                    <span className="block font-semibold text-slate-900">{a.title}</span>
                    <span className="block text-sm text-slate-600">{t("assignments.due", { date: dateTime(a.dueAt) })}</span>
                  </span>
                  <span className="text-sm text-slate-700 sm:text-right">
                    {t("assignments.submitted", { submitted: a.submittedCount, total: report.learnerCount })}
                    {a.averageScore !== null ? <span className="block font-medium">{t("assignments.average", { percent: Math.round(a.averageScore * 100) })}</span> : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {!isArchived ? (
          // Closed until asked for: its forty fields would push everything else off a phone's screen.
          <details className="group rounded-2xl border border-slate-200 bg-white shadow-sm" data-testid="new-assignment">
            <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 rounded-2xl px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50">
              <span>
                <span aria-hidden="true">+ </span>
                {t("assignments.newHeading")}
              </span>
              <span aria-hidden="true" className="transition-transform group-open:rotate-180">
                ▾
              </span>
            </summary>
            <div className="border-t border-slate-100 px-5 pb-5 pt-4">
              <AssignmentForm classId={klass.id} factSets={factSets} />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="report-heading" className="grid grid-cols-1 gap-4">
        <h2 id="report-heading" className="text-xl font-semibold tracking-tight">
          {t("report.heading")}
        </h2>
        {report.assignments.length > 0 && report.learners.length > 0 ? (
          <>
            <Card>
              <ClassReportChart points={points} summary={chartSummary} />
            </Card>
            <ClassReportTable report={report} dateOf={(d) => date(d)} />
          </>
        ) : (
          <p className="text-slate-600">{t("report.noData")}</p>
        )}
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <a href={`/api/classes/${klass.id}/export/scores`} download className={buttonClasses({ variant: "secondary" })} data-testid="export-scores">
            <span aria-hidden="true">↓</span> {t("report.exportScores")}
          </a>
          <a href={`/api/classes/${klass.id}/export/answers`} download className={buttonClasses({ variant: "secondary" })} data-testid="export-answers">
            <span aria-hidden="true">↓</span> {t("report.exportAnswers")}
          </a>
        </div>
      </section>

      <section aria-labelledby="roster-heading" className="grid grid-cols-1 gap-4">
        <h2 id="roster-heading" className="text-xl font-semibold tracking-tight">
          {t("roster.heading", { count: members.length })}
        </h2>
        {members.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-5 text-center text-slate-600">{t("roster.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm" data-testid="roster">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="roster-entry">
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{m.name}</span>
                  {m.email && m.email !== m.name ? <span className="block truncate text-sm text-slate-600" data-testid="roster-email">{m.email}</span> : null}
                  <span className="block text-sm text-slate-600">{t("roster.joined", { date: date(m.joinedAt) })}</span>
                </span>
                <span className="flex flex-wrap items-start justify-end gap-1">
                  <ResetCodeButton classId={klass.id} learnerId={m.userId} name={m.name} />
                  {!isArchived ? <RosterActions classId={klass.id} learnerId={m.userId} name={m.name} isRemoved={false} /> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        {removed.length > 0 ? (
          <details className="rounded-2xl border border-slate-200 bg-white">
            <summary className="cursor-pointer rounded-2xl px-4 py-3 text-sm font-medium text-slate-700">{t("roster.removedHeading", { count: removed.length })}</summary>
            <ul className="divide-y divide-slate-100 border-t border-slate-100">
              {removed.map((m) => (
                <li key={m.userId} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="removed-entry">
                  <span className="min-w-0">
                    <span className="block truncate text-slate-700">{m.name}</span>
                    <span className="block text-sm text-slate-600">{t("roster.removedOn", { date: date(m.removedAt!) })}</span>
                  </span>
                  {!isArchived ? <RosterActions classId={klass.id} learnerId={m.userId} name={m.name} isRemoved /> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-label={t("settings.heading")}>
        <ClassSettings classId={klass.id} name={klass.name} isArchived={isArchived} />
      </section>
    </div>
  );
}

async function LearnerClassPage({ userId, classId }: { userId: string; classId: string }) {
  const klass = await orNotFound(getLearnerClass(userId, classId));
  const assignments = await listLearnerAssignments(userId, new Date(), { classId });
  const t = await getTranslations("classes");
  return (
    <div className="grid gap-6">
      <header>
        <Link href="/classes" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {t("class.backToClasses")}
        </Link>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight" data-testid="class-name">
          {klass.name}
        </h1>
        <p className="mt-1 text-slate-600">{t("list.teacher", { name: klass.teacherName })}</p>
      </header>
      <section aria-labelledby="learner-assignments-heading" className="grid grid-cols-1 gap-3">
        <h2 id="learner-assignments-heading" className="text-xl font-semibold tracking-tight">
          {t("assignments.heading")}
        </h2>
        {assignments.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-5 text-center text-slate-600">{t("learner.emptyClass")}</p>
        ) : (
          assignments.map((a) => <LearnerAssignmentCard key={a.id} assignment={a} headingLevel={3} showClass={false} />)
        )}
      </section>
    </div>
  );
}
