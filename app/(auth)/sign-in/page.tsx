import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthNotice, AuthPanel } from "@/components/auth/auth-panel";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSafeRedirectPath, getSessionUser, isAccountUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = getSafeRedirectPath(next, "") || undefined;
  const user = await getSessionUser();
  if (isAccountUser(user)) redirect(nextPath ?? "/account");
  const t = await getTranslations("auth.signIn");
  const signUpHref = nextPath ? `/sign-up?next=${encodeURIComponent(nextPath)}` : "/sign-up";

  return (
    <AuthPanel
      title={t("title")}
      intro={t("intro")}
      notice={user?.isGuest ? <AuthNotice>{t("guestNotice")}</AuthNotice> : null}
      footer={
        <>
          {t("noAccount")}{" "}
          <Link href={signUpHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("signUpLink")}
          </Link>
        </>
      }
    >
      <SignInForm next={nextPath} />
    </AuthPanel>
  );
}
