"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionFailureState, FormState } from "@/lib/server/action";
import { FormMessage } from "./form-field";
import { useActionForm } from "./use-action-form";

type FormAction<TData> = (previous: FormState<TData>, input: FormData) => Promise<FormState<TData>>;

/**
 * One settings form of the account page (name, e-mail, password): its fields, then the failure
 * message, a polite status with what the change did, and the submit button. `messages` is the
 * key of the form's strings under `auth.account` (`submit`, `pending`); `fields` and `success`
 * get the action's state, so fields can put a failed submission's values back.
 */
export function AccountSettingsForm<TData>({
  action,
  messages,
  fields,
  success,
}: {
  action: FormAction<TData>;
  messages: "nameForm" | "emailForm" | "passwordForm";
  fields: (failure: ActionFailureState | null) => ReactNode;
  success: (data: TData) => ReactNode;
}) {
  const t = useTranslations("auth.account");
  const { state, formAction, isPending, formRef, failure, hydratedAttribute } = useActionForm(action);

  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={hydratedAttribute}>
      {fields(failure)}
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <div role="status" aria-live="polite">
          {state?.ok ? <p className="text-sm text-green-800 wrap-anywhere">{success(state.data)}</p> : null}
        </div>
        <Button type="submit" variant="secondary" disabled={isPending} className="sm:justify-self-start">
          {isPending ? t(`${messages}.pending`) : t(`${messages}.submit`)}
        </Button>
      </div>
    </form>
  );
}
