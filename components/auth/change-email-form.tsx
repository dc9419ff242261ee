"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { requestEmailChangeAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { FormMessage, TextField } from "./form-field";
import { useFocusFirstError } from "./use-focus-first-error";

/** E-mail change on the account page: the new address and the current password. */
export function ChangeEmailForm() {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState<{ email: string }>, FormData>(requestEmailChangeAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;

  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={isHydrated || undefined}>
      <TextField
        id="change-email-new"
        name="newEmail"
        type="email"
        label={t("account.emailForm.newEmail")}
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        defaultValue={failure?.values?.newEmail ?? ""}
        errors={failure?.errors.newEmail}
      />
      <TextField
        id="change-email-password"
        name="currentPassword"
        type="password"
        label={t("account.emailForm.password")}
        autoComplete="current-password"
        required
        errors={failure?.errors.currentPassword}
      />
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <div role="status" aria-live="polite">
          {state?.ok ? <p className="text-sm text-green-800 wrap-anywhere">{t("account.emailForm.sent", { email: state.data.email })}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={isPending} className="sm:justify-self-start">
          {isPending ? t("account.emailForm.pending") : t("account.emailForm.submit")}
        </Button>
      </div>
    </form>
  );
}
