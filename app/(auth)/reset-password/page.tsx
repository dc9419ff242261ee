import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { FormMessage } from "@/components/auth/form-field";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";
import { checkLinkToken } from "@/lib/server/account-tokens";

export async function generateMetadata(): Promise<Metadata> {
  // The URL holds a secret: no Referer carries it to another site.
  return { title: (await getTranslations("auth"))("reset.title"), referrer: "no-referrer" };
}

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";
const linkMessages = { invalid: "reset.errors.linkInvalid", expired: "reset.errors.linkExpired", used: "reset.errors.linkUsed" } as const;

/**
 * Where a reset ends: `?token=` from the mail opens the new-password form (an expired, used
 * or broken link says which); without a token, the form for a teacher's reset code.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("auth");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : undefined;
  const footer = (
    <Link href="/sign-in" className={linkClass}>
      {t("forgot.backToSignIn")}
    </Link>
  );

  if (token === undefined) {
    return (
      <AuthPanel title={t("reset.codeTitle")} intro={t("reset.codeIntro")} footer={footer}>
        <ResetPasswordForm />
      </AuthPanel>
    );
  }
  const state = await checkLinkToken(token, "password-reset");
  if (state !== "valid") {
    return (
      <AuthPanel title={t("reset.linkProblemTitle")} intro="" footer={footer}>
        <div className="grid gap-4" data-testid="reset-link-problem" data-state={state}>
          <FormMessage message={t(linkMessages[state])} />
          <Link href="/forgot-password" className={buttonClasses({ variant: "primary", className: "justify-self-start" })}>
            {t("reset.requestNewLink")}
          </Link>
        </div>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title={t("reset.title")} intro={t("reset.intro")} footer={footer}>
      <ResetPasswordForm token={token} />
    </AuthPanel>
  );
}
