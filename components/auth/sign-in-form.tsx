"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { EmailField, FormMessage, TextField, formLevelMessage } from "./form-field";
import { useFocusFirstError } from "./use-focus-first-error";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(signIn, null);
  const formRef = useRef<HTMLFormElement>(null);
  const isHydrated = useHydrated();
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;

  return (
    <form ref={formRef} action={formAction} className="grid gap-5" noValidate data-hydrated={isHydrated || undefined}>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField id="sign-in-email" label={t("fields.email")} defaultValue={failure?.values?.email ?? ""} errors={failure?.errors.email} />
      <TextField
        id="sign-in-password"
        name="password"
        type="password"
        label={t("fields.password")}
        autoComplete="current-password"
        required
        errors={failure?.errors.password}
      />
      <Link href="/forgot-password" className="-mt-3 justify-self-start text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("signIn.forgotLink")}
      </Link>
      <div className="grid gap-3">
        <FormMessage message={formLevelMessage(failure)} />
        <Button type="submit" size="lg" disabled={isPending}>
          {isPending ? t("signIn.pending") : t("signIn.submit")}
        </Button>
      </div>
    </form>
  );
}
