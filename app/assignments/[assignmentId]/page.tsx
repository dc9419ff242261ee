import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LearnerAssignmentCard } from "@/components/classes/learner-assignment-card";
import { getLearnerAssignment } from "@/lib/server/assignments";
import { requireUser } from "@/lib/server/session";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.learner");
  return { title: t("pageTitle") };
}

/**
 * One assignment for a learner of its class. Anyone else, including a learner removed from
 * the class, gets the 404 page: the assignment "does not exist" for them.
 */
export default async function LearnerAssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const user = await requireUser({ next: `/assignments/${assignmentId}` });
  const t = await getTranslations("classes.learner");
  const assignment = await orNotFound(getLearnerAssignment(user.id, assignmentId));
  return (
    <div className="grid gap-4">
      <Link href="/assignments" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t("backToList")}
      </Link>
      <LearnerAssignmentCard assignment={assignment} />
      <p className="text-sm text-slate-600">{t(`revealNote.${assignment.revealPolicy}`)}</p>
    </div>
  );
}
