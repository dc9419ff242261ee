"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteAssignmentAction } from "@/app/classes/actions";
import { FormMessage } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/server/action";

/** Deletes an assignment with all attempts at it, after asking. */
export function DeleteAssignmentButton({ classId, assignmentId, title }: { classId: string; assignmentId: string; title: string }) {
  const t = useTranslations("classes.gradebook");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(deleteAssignmentAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("deleteConfirm", { title }))) event.preventDefault();
      }}
      className="grid gap-2"
    >
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div>
        <Button type="submit" variant="ghost" disabled={isPending} className="-ml-4 text-red-700 hover:bg-red-50">
          {t("delete")}
        </Button>
      </div>
      <FormMessage message={state?.ok === false ? state.message : null} />
    </form>
  );
}
