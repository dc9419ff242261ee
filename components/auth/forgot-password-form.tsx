"use client";

import { useTranslations } from "next-intl";
import { requestPasswordReset } from "@/app/(auth)/reset-actions";
import { Button } from "@/components/ui/button";
import { EmailField, FormMessage } from "./form-field";
import { useActionForm } from "./use-action-form";

/** The e-mail form of "forgot password"; afterwards the same neutral confirmation for every address. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const { state, formAction, isPending, formRef, failure, hydratedAttribute } = useActionForm(requestPasswordReset);

  return (
    <div className="grid gap-5">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="forgot-confirmation">
        {state?.ok ? (
          <div className="grid gap-1 rounded-lg border border-green-200 bg-green-50 px-3 py-2.5 text-sm text-green-900">
            <p className="font-semibold">{t("forgot.sentTitle")}</p>
            <p className="wrap-anywhere">{t("forgot.sent", { email: state.data.email })}</p>
          </div>
        ) : null}
      </div>
      <form ref={formRef} action={formAction} className="grid gap-5" noValidate data-hydrated={hydratedAttribute}>
        <EmailField id="forgot-email" label={t("fields.email")} defaultValue={failure?.values?.email ?? (state?.ok ? state.data.email : "")} errors={failure?.errors.email} />
        <div className="grid gap-3">
          <FormMessage message={failure?.message} />
          <Button type="submit" size="lg" disabled={isPending}>
            {isPending ? t("forgot.pending") : t("forgot.submit")}
          </Button>
        </div>
      </form>
    </div>
  );
}
