import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { FormMessage } from "@/components/auth/form-field";
import { checkEmailChangeLink } from "@/lib/server/account-tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("emailChange.title"), referrer: "no-referrer" };
}

const linkMessages = { invalid: "reset.errors.linkInvalid", expired: "reset.errors.linkExpired", used: "reset.errors.linkUsed" } as const;

/** Where the link sent to a new address leads: opening it changes nothing, the button does. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations("auth");
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const { state, newEmail } = await checkEmailChangeLink(token);
  const footer = (
    <Link href="/account" className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {t("emailChange.toAccount")}
    </Link>
  );
  if (state !== "valid" || !newEmail) {
    return (
      <AuthPanel title={t("reset.linkProblemTitle")} intro="" footer={footer}>
        <div data-testid="email-link-problem" data-state={state}>
          <FormMessage message={t(linkMessages[state === "valid" ? "invalid" : state])} />
        </div>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title={t("emailChange.title")} intro={t("emailChange.intro", { email: newEmail })} footer={footer}>
      <ConfirmEmailForm token={token} />
    </AuthPanel>
  );
}
