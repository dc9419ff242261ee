"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { regenerateJoinCodeAction } from "@/app/classes/actions";
import { FormMessage } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatJoinCode } from "@/lib/assignments/join-code";
import type { FormState } from "@/lib/server/action";
import { CopyButton } from "./copy-button";

/**
 * The class's join code and link, each with a copy button, and "new code" for a leaked one
 * (`canRenew`: the class page; an assignment's page shows code and link only).
 */
export function InvitePanel({ classId, joinCode, joinUrl, isArchived, canRenew = true }: { classId: string; joinCode: string; joinUrl: string; isArchived: boolean; canRenew?: boolean }) {
  const t = useTranslations("classes.invite");
  const [state, formAction, isPending] = useActionState<FormState<{ joinCode: string }>, FormData>(regenerateJoinCodeAction, null);
  const readable = formatJoinCode(joinCode);
  return (
    <Card>
      <h2 id="invite-heading" className="text-lg font-semibold tracking-tight">
        {t("heading")}
      </h2>
      {isArchived ? (
        <p className="mt-2 text-sm text-slate-600">{t("archived")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
          <div className="mt-4 grid gap-4">
            <div className="grid gap-1.5">
              <label htmlFor="join-code-value" className="text-sm font-medium text-slate-800">
                {t("codeLabel")}
              </label>
              <div className="flex flex-wrap items-center gap-2">
                <input
                  id="join-code-value"
                  readOnly
                  value={readable}
                  data-testid="join-code"
                  className="min-h-11 w-44 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-lg font-semibold tracking-widest text-slate-900"
                />
                <CopyButton text={joinCode} label={t("copyCode")} fallbackInputId="join-code-value" testId="copy-code" />
              </div>
            </div>
            <div className="grid gap-1.5">
              <label htmlFor="join-link-value" className="text-sm font-medium text-slate-800">
                {t("linkLabel")}
              </label>
              <div className="flex flex-wrap items-center gap-2">
                <input
                  id="join-link-value"
                  readOnly
                  value={joinUrl}
                  data-testid="join-link"
                  className="min-h-11 min-w-0 flex-1 basis-56 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800"
                />
                <CopyButton text={joinUrl} label={t("copyLink")} fallbackInputId="join-link-value" testId="copy-link" />
              </div>
            </div>
          </div>
          {canRenew ? (
            <form action={formAction} className="mt-4 grid gap-2 border-t border-slate-100 pt-4">
              <input type="hidden" name="classId" value={classId} />
              <p className="text-sm text-slate-600">{t("newCodeHint")}</p>
              <div>
                <Button type="submit" variant="ghost" disabled={isPending} className="-ml-4">
                  {t("newCode")}
                </Button>
              </div>
              <div role="status" aria-live="polite" className="text-sm text-emerald-800">
                {state?.ok ? t("newCodeDone", { code: formatJoinCode(state.data.joinCode) }) : null}
              </div>
              <FormMessage message={state?.ok === false ? state.message : null} />
            </form>
          ) : null}
        </>
      )}
    </Card>
  );
}
