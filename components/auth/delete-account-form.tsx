"use client";

import { useTranslations } from "next-intl";
import { deleteAccount } from "@/app/account/actions";
import { FormMessage, TextField } from "./form-field";
import { useActionForm } from "./use-action-form";

export function DeleteAccountForm() {
  const t = useTranslations("auth.account.delete");
  const { state, formAction, isPending, formRef, failure, hydratedAttribute } = useActionForm(deleteAccount);

  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={hydratedAttribute}>
      <TextField
        id="delete-confirmation"
        name="confirmation"
        type="text"
        label={t("confirmationLabel", { word: t("confirmWord") })}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        errors={failure?.errors.confirmation}
      />
      <div className="grid gap-3">
        <FormMessage message={failure?.message} />
        <button
          type="submit"
          disabled={isPending}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white shadow-sm transition-colors hover:bg-red-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 sm:justify-self-start"
        >
          {isPending ? t("pending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
