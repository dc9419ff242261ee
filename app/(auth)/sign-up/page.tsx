import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthNotice, AuthPanel } from "@/components/auth/auth-panel";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSafeRedirectPath, getSessionUser, isAccountUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = getSafeRedirectPath(next, "") || undefined;
  const user = await getSessionUser();
  if (isAccountUser(user)) redirect(nextPath ?? "/account");
  const t = await getTranslations("auth.signUp");
  const signInHref = nextPath ? `/sign-in?next=${encodeURIComponent(nextPath)}` : "/sign-in";

  return (
    <AuthPanel
      title={t("title")}
      intro={t("intro")}
      notice={user?.isGuest ? <AuthNotice>{t("guestNotice")}</AuthNotice> : null}
      footer={
        <>
          {t("hasAccount")}{" "}
          <Link href={signInHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("signInLink")}
          </Link>
        </>
      }
    >
      <SignUpForm next={nextPath} />
    </AuthPanel>
  );
}
