"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmEmailChangeAction } from "@/app/account/actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { FormMessage } from "./form-field";

/** The button on an e-mail confirmation link's page; afterwards where to go next. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState<{ email: string; isSignedIn: boolean }>, FormData>(confirmEmailChangeAction, null);
  const isHydrated = useHydrated();

  if (state?.ok) {
    return (
      <div className="grid gap-4" role="status" data-testid="email-change-done">
        <p className="rounded-lg border border-green-200 bg-green-50 px-3 py-2.5 text-sm text-green-900 wrap-anywhere">
          {state.data.isSignedIn ? t("emailChange.done", { email: state.data.email }) : t("emailChange.doneSignIn", { email: state.data.email })}
        </p>
        <Link href={state.data.isSignedIn ? "/account" : "/sign-in"} className={buttonClasses({ className: "justify-self-start" })}>
          {state.data.isSignedIn ? t("emailChange.toAccount") : t("signIn.submit")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="grid gap-3" data-hydrated={isHydrated || undefined}>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state?.ok === false ? state.message : null} />
      <Button type="submit" size="lg" disabled={isPending}>
        {isPending ? t("emailChange.pending") : t("emailChange.submit")}
      </Button>
    </form>
  );
}
