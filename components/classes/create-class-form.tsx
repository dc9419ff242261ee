"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { createClassAction } from "@/app/classes/actions";
import { FormMessage, TextField } from "@/components/auth/form-field";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** A teacher's "new class" form: a name; success opens the class page. */
export function CreateClassForm() {
  const t = useTranslations("classes.create");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createClassAction, null);
  const isHydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;
  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate aria-labelledby="create-class-heading" data-hydrated={isHydrated || undefined}>
      <TextField
        id="class-name"
        name="name"
        label={t("nameLabel")}
        placeholder={t("namePlaceholder")}
        maxLength={80}
        required
        autoComplete="off"
        defaultValue={failure?.values?.name ?? ""}
        errors={failure?.errors.name}
      />
      <FormMessage message={failure?.message} />
      <div>
        <Button type="submit" disabled={isPending} className="w-full sm:w-auto">
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
