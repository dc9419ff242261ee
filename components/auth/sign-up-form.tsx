"use client";

import { useActionState, useRef, useTransition } from "react";
import { useTranslations } from "next-intl";
import { signUp } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { EmailField, FormMessage, TextField, formLevelMessage } from "./form-field";
import { useFocusFirstError } from "./use-focus-first-error";

const roleChoices = ["learner", "teacher"] as const;

export function SignUpForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(signUp, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  const [, startSubmit] = useTransition();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;
  const chosenRole = failure?.values?.role === "teacher" ? "teacher" : "learner";
  const roleErrors = failure?.errors.role;

  return (
    <form
      ref={formRef}
      action={formAction}
      // Submitting through the action prop makes React reset the form afterwards, which would
      // clear the password after a failed sign-up; submitting by hand keeps what was typed.
      // Without JavaScript the action prop still submits the form.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startSubmit(() => formAction(data));
      }}
      className="grid gap-5"
      noValidate
      data-hydrated={isHydrated || undefined}
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}

      <fieldset aria-describedby={roleErrors?.length ? "sign-up-role-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("fields.role")}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {roleChoices.map((role) => (
            <label
              key={`${role}-${chosenRole}`}
              className="flex cursor-pointer gap-3 rounded-xl border-2 border-slate-200 bg-white p-3.5 transition-colors hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500"
            >
              <input
                type="radio"
                name="role"
                value={role}
                defaultChecked={role === chosenRole}
                className="mt-1 size-4 shrink-0 accent-brand-600 focus-visible:outline-none"
              />
              <span className="grid gap-0.5">
                <span className="font-medium text-slate-900">{t(`fields.roles.${role}`)}</span>
                <span className="text-sm text-slate-600">{t(`fields.roleHints.${role}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {roleErrors?.length ? (
          <p id="sign-up-role-error" className="mt-1.5 text-sm text-red-700">
            {roleErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <TextField
        id="sign-up-name"
        name="displayName"
        label={t("fields.displayNameOptional")}
        hint={t("fields.displayNameHint")}
        autoComplete="name"
        maxLength={80}
        defaultValue={failure?.values?.displayName ?? ""}
        errors={failure?.errors.displayName}
      />
      <EmailField id="sign-up-email" label={t("fields.email")} defaultValue={failure?.values?.email ?? ""} errors={failure?.errors.email} />
      <TextField
        id="sign-up-password"
        name="password"
        type="password"
        label={t("fields.password")}
        hint={t("fields.newPasswordHint")}
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={200}
        errors={failure?.errors.password}
      />
      <div className="grid gap-3">
        <FormMessage message={formLevelMessage(failure)} />
        <Button type="submit" size="lg" disabled={isPending}>
          {isPending ? t("signUp.pending") : t("signUp.submit")}
        </Button>
      </div>
    </form>
  );
}
