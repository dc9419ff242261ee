"use client";

import { useTranslations } from "next-intl";
import { resetPasswordWithCodeAction, resetPasswordWithLinkAction } from "@/app/(auth)/reset-actions";
import { Button } from "@/components/ui/button";
import { EmailField, FormMessage, NewPasswordField, TextField } from "./form-field";
import { useActionForm } from "./use-action-form";

/**
 * The new-password form of a reset: with the mailed link's token (hidden), or with the e-mail
 * address and a code from the teacher. On success the action signs in and leaves the page.
 */
export function ResetPasswordForm({ token }: { token?: string }) {
  const t = useTranslations("auth");
  const { state, formAction, isPending, formRef, failure, hydratedAttribute } = useActionForm(token ? resetPasswordWithLinkAction : resetPasswordWithCodeAction);

  return (
    <form ref={formRef} action={formAction} className="grid gap-5" noValidate data-hydrated={hydratedAttribute}>
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <>
          <EmailField id="reset-email" label={t("fields.email")} defaultValue={failure?.values?.email ?? ""} errors={failure?.errors.email} />
          <TextField
            id="reset-code"
            name="code"
            label={t("reset.code")}
            hint={t("reset.codeHint")}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={60}
            defaultValue={failure?.values?.code ?? ""}
            errors={failure?.errors.code}
          />
        </>
      )}
      <NewPasswordField id="reset-password" name="password" label={t("fields.newPassword")} hint={t("fields.newPasswordHint")} errors={failure?.errors.password} />
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <Button type="submit" size="lg" disabled={isPending}>
          {isPending ? t("reset.pending") : t("reset.submit")}
        </Button>
      </div>
    </form>
  );
}
