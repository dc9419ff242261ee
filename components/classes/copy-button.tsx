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
        {/* Drawn, not a character: "⧉" is missing from many system fonts. */}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
          <path d="M10.5 3.5v-0.5a1.5 1.5 0 0 0-1.5-1.5H4a1.5 1.5 0 0 0-1.5 1.5v5A1.5 1.5 0 0 0 4 9.5h0.5" />
        </svg>
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
