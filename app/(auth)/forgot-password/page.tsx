import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthNotice, AuthPanel } from "@/components/auth/auth-panel";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { isMailConfigured } from "@/lib/server/mailer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgot.title") };
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

/** "Forgot password": the e-mail form, or, where mail is not set up, the way with a teacher's code. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  const canMail = isMailConfigured();
  return (
    <AuthPanel
      title={t("forgot.title")}
      intro={canMail ? t("forgot.intro") : t("reset.codeIntro")}
      footer={
        <>
          {t("forgot.codePrompt")}{" "}
          <Link href="/reset-password" className={linkClass}>
            {t("forgot.codeLink")}
          </Link>
          {" · "}
          <Link href="/sign-in" className={linkClass}>
            {t("forgot.backToSignIn")}
          </Link>
        </>
      }
    >
      {canMail ? (
        <ForgotPasswordForm />
      ) : (
        <div className="grid gap-4">
          <AuthNotice>{t("forgot.notConfigured")}</AuthNotice>
          <Link href="/reset-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("forgot.codeLink")}
          </Link>
        </div>
      )}
    </AuthPanel>
  );
}
