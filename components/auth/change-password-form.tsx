"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { FormMessage, TextField } from "./form-field";
import { useFocusFirstError } from "./use-focus-first-error";

/** Password change on the account page: the current password, then the new one. */
export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState<{ changed: boolean }>, FormData>(changePasswordAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;

  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={isHydrated || undefined}>
      <TextField
        id="change-password-current"
        name="currentPassword"
        type="password"
        label={t("fields.currentPassword")}
        autoComplete="current-password"
        required
        errors={failure?.errors.currentPassword}
      />
      <TextField
        id="change-password-new"
        name="newPassword"
        type="password"
        label={t("fields.newPassword")}
        hint={t("fields.newPasswordHint")}
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        errors={failure?.errors.newPassword}
      />
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <div role="status" aria-live="polite">
          {state?.ok ? <p className="text-sm text-green-800">{t("account.passwordForm.changed")}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={isPending} className="sm:justify-self-start">
          {isPending ? t("account.passwordForm.pending") : t("account.passwordForm.submit")}
        </Button>
      </div>
    </form>
  );
}
