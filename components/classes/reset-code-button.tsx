"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/i18n/format";

type State = { kind: "idle" } | { kind: "pending" } | { kind: "shown"; code: string; expiresAt: Date } | { kind: "failed"; message: string };

/**
 * "Reset code" for one learner of the roster: asks first, then shows the new code once, with
 * where to enter it. Closing it hides the code for good (only its hash is stored).
 */
export function ResetCodeButton({ classId, learnerId, name }: { classId: string; learnerId: string; name: string }) {
  const t = useTranslations("classes.resetCode");
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function issue() {
    if (!window.confirm(t("confirm", { name }))) return;
    setState({ kind: "pending" });
    try {
      const response = await fetch(`/api/classes/${encodeURIComponent(classId)}/learners/${encodeURIComponent(learnerId)}/reset-code`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { code?: string; expiresAt?: string; message?: string };
      if (!response.ok || !body.code || !body.expiresAt) throw new Error(body.message ?? t("failed"));
      setState({ kind: "shown", code: body.code, expiresAt: new Date(body.expiresAt) });
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : t("failed") });
    }
  }

  if (state.kind === "shown") {
    return (
      <div className="grid w-full gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-950 sm:max-w-sm" role="status" data-testid="reset-code-panel">
        <p className="font-medium">{t("title", { name })}</p>
        <p className="font-mono text-lg font-semibold tracking-wider select-all" data-testid="reset-code">
          {state.code}
        </p>
        <p>{t("body", { expiresAt: formatDateTime(state.expiresAt, locale) })}</p>
        <Button variant="secondary" onClick={() => setState({ kind: "idle" })} className="justify-self-start">
          {t("hide")}
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="ghost" onClick={issue} disabled={state.kind === "pending"} aria-label={t("label", { name })}>
        {state.kind === "pending" ? t("pending") : t("button")}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-red-700">
        {state.kind === "failed" ? state.message : null}
      </span>
    </div>
  );
}
