"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOutOtherSessions } from "@/app/account/actions";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";
import { FormMessage } from "./form-field";

/** "Sign out everywhere else" under the sessions list. */
export function SignOutOthersForm() {
  const t = useTranslations("auth.account.sessions");
  const [state, formAction, isPending] = useActionState<FormState<{ done: boolean }>, FormData>(signOutOtherSessions, null);
  const isHydrated = useHydrated();
  return (
    <form action={formAction} className="grid gap-3" data-hydrated={isHydrated || undefined}>
      <FormMessage message={state?.ok === false ? state.message : null} />
      <Button type="submit" variant="secondary" disabled={isPending} className="sm:justify-self-start">
        {isPending ? t("pending") : t("signOutOthers")}
      </Button>
    </form>
  );
}
