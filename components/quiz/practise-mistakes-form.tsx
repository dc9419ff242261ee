"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { practiseMistakes } from "@/app/actions/quiz";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** "Practise my mistakes again": starts a new quiz over the facts of this quiz's mistakes. */
export function PractiseMistakesForm({ quizId }: { quizId: string }) {
  const t = useTranslations("quiz.summary");
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(practiseMistakes, null);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="quizId" value={quizId} />
      <Button type="submit" size="lg" disabled={isPending}>
        <span aria-hidden="true">↻</span>
        {isPending ? t("practising") : t("practiseMistakes")}
      </Button>
      <p aria-live="polite" className="text-sm text-rose-700 empty:hidden">
        {state?.ok === false ? state.message : null}
      </p>
    </form>
  );
}
