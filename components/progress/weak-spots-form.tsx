"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startWeakSpotsQuiz } from "@/app/dashboard/actions";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** "Schwächen üben": starts a quiz over the learner's weakest facts of one topic. */
export function WeakSpotsForm({ factSetId, topicTitle, showTopic = false }: { factSetId: string; topicTitle: string; showTopic?: boolean }) {
  const t = useTranslations("progress.dashboard.weakSpots");
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(startWeakSpotsQuiz, null);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="factSetId" value={factSetId} />
      <Button type="submit" disabled={isPending} aria-label={showTopic ? undefined : t("actionFor", { topic: topicTitle })}>
        <span aria-hidden="true">◎</span>
        {isPending ? t("pending") : showTopic ? t("actionFor", { topic: topicTitle }) : t("action")}
      </Button>
      <p aria-live="polite" className="text-sm text-rose-700 empty:hidden">
        {state?.ok === false ? state.message : null}
      </p>
    </form>
  );
}
