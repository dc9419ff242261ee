import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LearnerAssignmentCard } from "@/components/classes/learner-assignment-card";
import { getLearnerAssignment, type LearnerAssignment } from "@/lib/server/assignments";
import { NotFoundError } from "@/lib/server/errors";
import { requireUser } from "@/lib/server/session";

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
  let assignment: LearnerAssignment;
  try {
    assignment = await getLearnerAssignment(user.id, assignmentId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
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
