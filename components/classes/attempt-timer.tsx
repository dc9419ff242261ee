"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { formatCountdown } from "@/lib/assignments/format";

/**
 * The assignment an attempt belongs to and, for a timed attempt, the time left. Only a display: the deadline is the server's
 * (an answer after it is refused there), and the countdown is anchored to the server's
 * remaining time when the page was rendered, so a wrong clock in the browser does not
 * matter. At zero the page is reloaded, and the server shows the summary.
 * Screen readers hear the time only at a few milestones, not every second.
 */
export function AttemptTimer({ remainingMs, title }: { remainingMs: number | null; title: string }) {
  const t = useTranslations("classes.attempt");
  const router = useRouter();
  const [endsAt] = useState(() => (remainingMs === null ? null : Date.now() + remainingMs));
  const [left, setLeft] = useState(remainingMs ?? 0);
  const hasRefreshed = useRef(false);

  useEffect(() => {
    if (endsAt === null) return;
    const timer = setInterval(() => {
      const next = Math.max(0, endsAt - Date.now());
      setLeft(next);
      if (next === 0 && !hasRefreshed.current) {
        hasRefreshed.current = true;
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [endsAt, router]);

  if (endsAt === null) {
    return (
      <div className="mb-4 rounded-xl border border-brand-100 bg-brand-50 px-4 py-2.5" data-testid="attempt-banner">
        <p className="text-sm font-medium text-slate-700">{t("assignmentLabel", { title })}</p>
      </div>
    );
  }

  const minutesLeft = Math.ceil(left / 60_000);
  const milestone = left === 0 ? t("timeUp") : [10, 5, 1].includes(minutesLeft) && left % 60_000 > 58_000 ? t("minutesLeft", { minutes: minutesLeft }) : "";
  const isUrgent = left <= 60_000;

  return (
    <div
      className={`mb-4 flex flex-wrap items-center justify-between gap-2 rounded-xl border px-4 py-2.5 ${isUrgent ? "border-rose-300 bg-rose-50" : "border-brand-100 bg-brand-50"}`}
      data-testid="attempt-timer"
    >
      <p className="min-w-0 text-sm font-medium text-slate-700">{t("assignmentLabel", { title })}</p>
      <p className={`text-sm font-semibold tabular-nums ${isUrgent ? "text-rose-800" : "text-brand-900"}`}>
        <span className="sr-only">{t("timerLabel")}: </span>
        <span aria-hidden="true">⏱ </span>
        <span data-testid="attempt-time-left">{formatCountdown(left)}</span>
      </p>
      <span role="status" aria-live="polite" className="sr-only">
        {milestone}
      </span>
    </div>
  );
}
