"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { changeDisplayName } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { FormMessage, TextField } from "./form-field";
import { useFocusFirstError } from "./use-focus-first-error";

/** The account page's name field: what the person's teachers see. */
export function DisplayNameForm({ displayName }: { displayName: string | null }) {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState<{ saved: boolean }>, FormData>(changeDisplayName, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;

  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={isHydrated || undefined}>
      <TextField
        id="account-display-name"
        name="displayName"
        label={t("fields.displayName")}
        autoComplete="name"
        maxLength={80}
        required
        defaultValue={failure?.values?.displayName ?? displayName ?? ""}
        errors={failure?.errors.displayName}
      />
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <div role="status" aria-live="polite">
          {state?.ok ? <p className="text-sm text-green-800">{t("account.nameForm.saved")}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={isPending} className="sm:justify-self-start">
          {isPending ? t("account.nameForm.pending") : t("account.nameForm.submit")}
        </Button>
      </div>
    </form>
  );
}
