"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeLearnerAction, restoreLearnerAction } from "@/app/classes/actions";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** "Remove" (or "Take back") for one learner of the roster, asking first before removing. */
export function RosterActions({ classId, learnerId, name, isRemoved }: { classId: string; learnerId: string; name: string; isRemoved: boolean }) {
  const t = useTranslations("classes.roster");
  const [state, formAction, isPending] = useActionState<FormState<{ learnerId: string }>, FormData>(isRemoved ? restoreLearnerAction : removeLearnerAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!isRemoved && !window.confirm(t("removeConfirm", { name }))) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      <Button type="submit" variant={isRemoved ? "secondary" : "ghost"} disabled={isPending} aria-label={isRemoved ? t("restoreLabel", { name }) : t("removeLabel", { name })}>
        {isRemoved ? t("restore") : t("remove")}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-red-700">
        {state?.ok === false ? state.message : null}
      </span>
    </form>
  );
}
