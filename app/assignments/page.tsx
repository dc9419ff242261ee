import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LearnerAssignmentCard } from "@/components/classes/learner-assignment-card";
import { listLearnerAssignments } from "@/lib/server/assignments";
import { requireUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.learner");
  return { title: t("pageTitle") };
}

/** The learner's assignments across their classes: what is open first, with status and the next step. */
export default async function AssignmentsPage() {
  const user = await requireUser({ next: "/assignments" });
  const t = await getTranslations("classes.learner");
  const assignments = await listLearnerAssignments(user.id);
  return (
    <div className="grid gap-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("pageTitle")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </header>
      {assignments.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-slate-600">
          {t("empty")}{" "}
          <Link href="/classes" className="font-medium text-brand-700 underline underline-offset-2">
            {t("joinLink")}
          </Link>
        </p>
      ) : (
        <div className="grid gap-4" data-testid="learner-assignments">
          {assignments.map((a) => (
            <LearnerAssignmentCard key={a.id} assignment={a} />
          ))}
        </div>
      )}
    </div>
  );
}
