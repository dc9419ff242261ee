"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Copies `text` to the clipboard and says so in a live region. Where the Clipboard API is
 * unavailable (an insecure origin), the text is selected in `fallbackInputId` instead, so
 * Ctrl+C finishes the job.
 */
export function CopyButton({ text, label, fallbackInputId, testId }: { text: string; label: string; fallbackInputId?: string; testId?: string }) {
  const t = useTranslations("classes.invite");
  const [state, setState] = useState<"idle" | "copied" | "selected">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      const input = fallbackInputId ? (document.getElementById(fallbackInputId) as HTMLInputElement | null) : null;
      input?.focus();
      input?.select();
      setState("selected");
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={copy} data-testid={testId} className="shrink-0">
        <span aria-hidden="true">⧉</span>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === "copied" ? t("copied") : state === "selected" ? t("selected") : ""}
      </span>
      {state === "copied" ? (
        <span aria-hidden="true" className="text-sm font-medium text-emerald-700">
          ✓ {t("copied")}
        </span>
      ) : null}
    </>
  );
}
