import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findClassByJoinCode } from "@/lib/server/classes";
import { requireUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("classes.join");
  return { title: t("pageTitle") };
}

/**
 * The invitation link. Visiting it joins nothing (a GET must not change anything): it names
 * the class and offers the "Join" button. Not signed in: sign in or up first, then back here.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requireUser({ next: `/join/${encodeURIComponent(code)}` });
  const t = await getTranslations("classes.join");
  const found = user.role === "learner" ? await findClassByJoinCode(user.id, code) : null;

  return (
    <div className="mx-auto grid max-w-lg gap-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t("pageTitle")}</h1>
      <Card>
        {user.role !== "learner" ? (
          <p className="text-slate-700">{t("teacherNote")}</p>
        ) : !found ? (
          <div className="grid gap-4">
            <p className="text-slate-700" role="alert">
              {t("notFound")}
            </p>
            <Link href="/classes" className={buttonClasses({ variant: "secondary" })}>
              {t("enterCode")}
            </Link>
          </div>
        ) : found.membership === "member" ? (
          <div className="grid gap-4">
            <p className="text-slate-700">{t("alreadyMember", { name: found.name })}</p>
            <Link href={`/classes/${found.id}`} className={buttonClasses()}>
              {t("toClass")}
            </Link>
          </div>
        ) : found.membership === "removed" ? (
          <p className="text-slate-700" role="alert">
            {t("removed")}
          </p>
        ) : (
          <div className="grid gap-4">
            <p className="text-sm text-slate-600">{t("invitation")}</p>
            <div>
              <p className="text-2xl font-semibold text-slate-900" data-testid="join-class-name">
                {found.name}
              </p>
              <p className="text-slate-600">{t("byTeacher", { name: found.teacherName })}</p>
            </div>
            <JoinClassForm code={code} askName={!user.displayName?.trim()} />
          </div>
        )}
      </Card>
    </div>
  );
}
