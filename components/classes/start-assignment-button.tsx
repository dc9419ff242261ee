"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startAssignmentAction } from "@/app/classes/actions";
import { FormMessage } from "@/components/auth/form-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/**
 * Starts (or resumes) an attempt. The server decides everything again (membership, opening
 * time, due date, attempts left); a refusal shows in the live region, e.g. when the page was
 * open while the teacher removed the learner.
 */
export function StartAssignmentButton({
  assignmentId,
  label,
  variant = "primary",
  testId,
  describedBy,
}: {
  assignmentId: string;
  label: string;
  variant?: ButtonVariant;
  testId?: string;
  /** The id of the text that says what starting sets going (timer, attempts left). */
  describedBy?: string;
}) {
  const t = useTranslations("classes.learner");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(startAssignmentAction, null);
  const isHydrated = useHydrated();
  return (
    <form action={formAction} className="grid gap-2" data-hydrated={isHydrated || undefined}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Button type="submit" variant={variant} disabled={isPending} className="w-full sm:w-auto" data-testid={testId} aria-describedby={describedBy}>
        {isPending ? t("starting") : label}
      </Button>
      <FormMessage message={state?.ok === false ? state.message : null} />
    </form>
  );
}
