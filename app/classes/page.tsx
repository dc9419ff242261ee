import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { Card } from "@/components/ui/card";
import { formatJoinCode } from "@/lib/assignments/join-code";
import { listLearnerClasses, listTeacherClasses } from "@/lib/server/classes";
import { requireUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.list");
  return { title: t("pageTitle") };
}

/** Teachers: their classes and a form for a new one. Learners: their classes and the join form. */
export default async function ClassesPage() {
  const user = await requireUser({ next: "/classes" });
  const t = await getTranslations("classes");
  const isTeacher = user.role === "teacher";

  return (
    <div className="grid gap-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("list.heading")}</h1>
        <p className="mt-2 text-slate-600">{isTeacher ? t("list.teacherIntro") : t("list.learnerIntro")}</p>
      </header>
      {isTeacher ? <TeacherClasses teacherId={user.id} /> : <LearnerClasses userId={user.id} askName={!user.displayName?.trim()} />}
    </div>
  );
}

async function TeacherClasses({ teacherId }: { teacherId: string }) {
  const t = await getTranslations("classes");
  const classes = await listTeacherClasses(teacherId);
  return (
    <>
      <section>
        {classes.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">{t("list.teacherEmpty")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="class-list">
            {classes.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/classes/${c.id}`}
                  className={`block h-full rounded-2xl border bg-white p-5 shadow-sm transition-colors hover:border-brand-500 ${c.archivedAt ? "border-dashed border-slate-300 opacity-80" : "border-slate-200"}`}
                >
                  <span className="flex items-start justify-between gap-2">
                    <span className="text-lg font-semibold text-slate-900">{c.name}</span>
                    {c.archivedAt ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t("list.archived")}</span> : null}
                  </span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {t("list.learnerCount", { count: c.learnerCount })} · {t("list.assignmentCount", { count: c.assignmentCount })}
                  </span>
                  <span className="mt-2 block font-mono text-sm tracking-wider text-slate-600">
                    <span className="sr-only">{t("invite.codeLabel")}: </span>
                    {formatJoinCode(c.joinCode)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-class-heading">
        <Card>
          <h2 id="create-class-heading" className="text-lg font-semibold tracking-tight">
            {t("create.heading")}
          </h2>
          <div className="mt-4">
            <CreateClassForm />
          </div>
        </Card>
      </section>
    </>
  );
}

async function LearnerClasses({ userId, askName }: { userId: string; askName: boolean }) {
  const t = await getTranslations("classes");
  const classes = await listLearnerClasses(userId);
  return (
    <>
      <section>
        {classes.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">{t("list.learnerEmpty")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="class-list">
            {classes.map((c) => (
              <li key={c.id}>
                <Link href={`/classes/${c.id}`} className="block h-full rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-500">
                  <span className="block text-lg font-semibold text-slate-900">{c.name}</span>
                  <span className="mt-1 block text-sm text-slate-600">{t("list.teacher", { name: c.teacherName })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {classes.length > 0 ? (
          <p className="mt-4">
            <Link href="/assignments" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("list.toAssignments")} →
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="join-class-heading">
        <Card>
          <h2 id="join-class-heading" className="text-lg font-semibold tracking-tight">
            {t("join.heading")}
          </h2>
          <div className="mt-4">
            <JoinClassForm askName={askName} />
          </div>
        </Card>
      </section>
    </>
  );
}
