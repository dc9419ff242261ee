"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { renameClassAction, setClassArchivedAction } from "@/app/classes/actions";
import { FormMessage, TextField } from "@/components/auth/form-field";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { FormState } from "@/lib/server/action";

/** Rename and archive (or restore) a class. */
export function ClassSettings({ classId, name, isArchived }: { classId: string; name: string; isArchived: boolean }) {
  const t = useTranslations("classes.settings");
  const [renameState, renameAction, isRenaming] = useActionState<FormState<{ name: string }>, FormData>(renameClassAction, null);
  const [archiveState, archiveAction, isArchiving] = useActionState<FormState<{ isArchived: boolean }>, FormData>(setClassArchivedAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, renameState);
  const renameFailure = renameState?.ok === false ? renameState : null;
  return (
    <Card>
      <h2 className="text-lg font-semibold tracking-tight">{t("heading")}</h2>
      <form ref={formRef} action={renameAction} className="mt-4 grid gap-3" noValidate>
        <input type="hidden" name="classId" value={classId} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            id="rename-class"
            name="name"
            label={t("renameLabel")}
            maxLength={80}
            required
            autoComplete="off"
            defaultValue={renameFailure?.values?.name ?? name}
            errors={renameFailure?.errors.name}
            className="flex-1"
          />
          <Button type="submit" variant="secondary" disabled={isRenaming}>
            {t("renameSubmit")}
          </Button>
        </div>
        <div role="status" aria-live="polite" className="text-sm text-emerald-800">
          {renameState?.ok ? t("renamed") : null}
        </div>
        <FormMessage message={renameFailure?.message} />
      </form>
      <form action={archiveAction} className="mt-4 grid gap-2 border-t border-slate-100 pt-4">
        <input type="hidden" name="classId" value={classId} />
        <input type="hidden" name="archive" value={isArchived ? "false" : "true"} />
        <p id="archive-hint" className="text-sm text-slate-600">
          {isArchived ? t("unarchiveHint") : t("archiveHint")}
        </p>
        <div>
          <Button type="submit" variant="secondary" disabled={isArchiving} aria-describedby="archive-hint" data-testid="archive-toggle">
            {isArchived ? t("unarchive") : t("archive")}
          </Button>
        </div>
        <FormMessage message={archiveState?.ok === false ? archiveState.message : null} />
      </form>
    </Card>
  );
}
