"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { joinClassAction } from "@/app/classes/actions";
import { FormMessage, TextField, formLevelMessage } from "@/components/auth/form-field";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/**
 * Joining a class with its code. With `code` given (the /join/<code> page) the code is a
 * hidden field and only the button shows.
 */
export function JoinClassForm({ code, askName = false }: { code?: string; askName?: boolean }) {
  const t = useTranslations("classes.join");
  const tAuth = useTranslations("auth.fields");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(joinClassAction, null);
  const isHydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;
  return (
    <form ref={formRef} action={formAction} className="grid gap-4" noValidate data-hydrated={isHydrated || undefined}>
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <TextField
          id="join-code"
          name="code"
          label={t("codeLabel")}
          hint={t("codeHint")}
          placeholder="ABCD-EFGH"
          maxLength={20}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="[&_input]:font-mono [&_input]:uppercase [&_input]:tracking-widest"
          defaultValue={failure?.values?.code ?? ""}
          errors={failure?.errors.code}
        />
      )}
      {askName ? (
        <TextField
          id="join-display-name"
          name="displayName"
          label={tAuth("displayName")}
          hint={t("nameHint")}
          autoComplete="name"
          maxLength={80}
          required
          defaultValue={failure?.values?.displayName ?? ""}
          errors={failure?.errors.displayName}
        />
      ) : null}
      <FormMessage message={formLevelMessage(failure)} />
      <div>
        <Button type="submit" size={code ? "lg" : "md"} disabled={isPending} className="w-full sm:w-auto" data-testid="join-submit">
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
