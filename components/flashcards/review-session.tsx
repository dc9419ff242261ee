"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { gradeCard, undoLastGrade, type ReviewActionResult } from "@/app/flashcards/actions";
import { buttonClasses } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import type { ReviewView } from "./review-view";

type Grade = 1 | 2 | 3 | 4;

const gradeStyles: Record<Grade, string> = {
  1: "border-rose-300 bg-rose-50 text-rose-900 hover:bg-rose-100",
  2: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  3: "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100",
  4: "border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100",
};

/** Keys a learner presses for the grades: the digits, also on the number pad. */
function gradeForKey(event: KeyboardEvent): Grade | null {
  const digit = /^(?:Digit|Numpad)([1-4])$/.exec(event.code)?.[1] ?? (/^[1-4]$/.test(event.key) ? event.key : undefined);
  return digit ? (Number(digit) as Grade) : null;
}

/** Whether a key press belongs to a form field or a focused control rather than to the review. */
function isForAControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  // Space and Enter on a focused button or link activate it; let them.
  return (event.key === " " || event.key === "Enter") && ["BUTTON", "A"].includes(target.tagName);
}

/**
 * The review screen. Fast by keyboard (Space flips, 1–4 grade, U undoes the last grade) and by
 * touch (large buttons in a bar at the bottom of a phone screen, where the thumb is). Grading
 * and undo are server actions that return the next screen, so one round trip per card.
 */
export function ReviewSession({ initial, canUndoInitially }: { initial: ReviewView; canUndoInitially: boolean }) {
  const t = useTranslations("flashcards.review");
  const tInterval = useTranslations("flashcards.interval");
  const [view, setView] = useState(initial);
  const [flipped, setFlipped] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  const [canUndo, setCanUndo] = useState(canUndoInitially);
  const [status, setStatus] = useState("");
  const [isPending, setIsPending] = useState(false);
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const answerSection = useRef<HTMLElement>(null);
  const moveFocus = useRef(false);
  // Marks the screen as interactive (keyboard handlers attached), for tests and for styling.
  // Set by an effect, not useHydrated: "ready" must mean the keyboard listener (an effect of
  // this same commit) is attached, so a key pressed once it shows is never lost.
  const [isReady, setIsReady] = useState(false);
  useEffect(() => setIsReady(true), []);

  const card = view.card;

  const apply = useCallback(
    (result: ActionState<ReviewActionResult>, onSuccess?: () => void) => {
      if (!result.ok) {
        setStatus(result.message);
        return;
      }
      setView(result.data.view);
      setFlipped(false);
      moveFocus.current = true;
      if (result.data.notice === "stale") setStatus(t("errors.stale"));
      else if (result.data.notice === "undone") setStatus(t("undone"));
      else if (result.data.notice === "nothingToUndo") {
        setStatus(t("nothingToUndo"));
        setCanUndo(false);
      } else setStatus("");
      onSuccess?.();
    },
    [t],
  );

  const flip = useCallback(() => {
    if (!card || flipped) return;
    setFlipped(true);
  }, [card, flipped]);

  /**
   * One request at a time. A ref, not a transition's isPending: the flag must be clear the
   * moment the next card is on screen, or a learner who grades fast has a key press dropped.
   */
  const busy = useRef(false);
  const send = useCallback(
    async (request: () => Promise<ActionState<ReviewActionResult>>, onSuccess?: (result: ReviewActionResult) => void) => {
      if (busy.current) return;
      busy.current = true;
      setIsPending(true);
      try {
        const result = await request();
        apply(result, onSuccess && result.ok ? () => onSuccess(result.data) : undefined);
      } catch {
        setStatus(t("errors.failed"));
      } finally {
        busy.current = false;
        setIsPending(false);
      }
    },
    [apply, t],
  );

  const grade = useCallback(
    (value: Grade) => {
      if (!card || !flipped) return;
      void send(
        () => gradeCard(null, { deck: view.deck.ref, cardId: card.id, grade: value, expectedReps: card.reps }),
        () => {
          setReviewed((count) => count + 1);
          setCanUndo(true);
        },
      );
    },
    [card, flipped, send, view.deck.ref],
  );

  const undo = useCallback(() => {
    if (!canUndo) return;
    void send(
      () => undoLastGrade(null, { deck: view.deck.ref }),
      (result) => {
        if (result.notice === "undone") setReviewed((count) => Math.max(0, count - 1));
      },
    );
  }, [canUndo, send, view.deck.ref]);

  // The key handler is attached once and always calls the latest callbacks.
  const latest = useRef({ card, flipped, flip, grade, undo });
  useLayoutEffect(() => {
    latest.current = { card, flipped, flip, grade, undo };
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isForAControl(event)) return;
      const { card, flipped, flip, grade, undo } = latest.current;
      if (event.key === " " || event.key === "Enter") {
        if (card && !flipped) {
          event.preventDefault();
          flip();
        }
        return;
      }
      if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        undo();
        return;
      }
      const value = gradeForKey(event);
      if (value && flipped) {
        event.preventDefault();
        grade(value);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  // After a grade or an undo, focus the new card's question so a screen reader reads it and
  // the page does not keep focus on a button that has disappeared.
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    cardHeading.current?.focus();
  }, [view]);

  useEffect(() => {
    if (flipped) answerSection.current?.focus();
  }, [flipped]);

  const intervalText = (interval: NonNullable<ReviewView["card"]>["intervals"][number]) => tInterval(interval.unit, { count: interval.count });

  return (
    <div className="pb-44 sm:pb-0" data-testid="review-session" data-ready={isReady}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        <p className="text-slate-600" data-testid="reviewed-count">
          {t("reviewed", { count: reviewed })}
        </p>
        <p className="flex items-center gap-3" data-testid="queue-counts">
          <span className="sr-only">{t("counts")}:</span>
          <CountBadge label={t("countNew")} value={view.counts.new} className="text-sky-700" testId="count-new" />
          <CountBadge label={t("countLearning")} value={view.counts.learning} className="text-rose-700" testId="count-learning" />
          <CountBadge label={t("countReview")} value={view.counts.review} className="text-emerald-700" testId="count-review" />
        </p>
      </div>

      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-700" data-testid="review-status">
        {status}
      </p>

      {card ? (
        <article className="mt-2 rounded-2xl border border-slate-200 bg-white shadow-sm" data-testid="flashcard" data-card-id={card.id} data-flipped={flipped}>
          <div className="p-5 sm:p-8">
            <div className="flex items-center justify-between gap-3 text-xs font-medium uppercase tracking-wide text-slate-600">
              <span>{t("question")}</span>
              {card.isNew && <span className="rounded-full bg-sky-50 px-2 py-0.5 normal-case tracking-normal text-sky-700">{t("newCard")}</span>}
            </div>
            <h2 ref={cardHeading} tabIndex={-1} className="mt-3 text-2xl font-semibold leading-snug tracking-tight text-slate-900 outline-none sm:text-3xl" data-testid="card-front">
              {card.rendered.front}
            </h2>
            {card.rendered.cue && <p className="mt-2 text-base text-slate-600">{card.rendered.cue}</p>}
          </div>
          {flipped && (
              <section ref={answerSection} tabIndex={-1} aria-labelledby="card-answer-heading" className="border-t border-dashed border-slate-200 p-5 outline-none sm:p-8" data-testid="card-back">
                <h3 id="card-answer-heading" className="text-xs font-medium uppercase tracking-wide text-slate-600">
                  {t("answer")}
                </h3>
                {card.rendered.items ? (
                  <ul className="mt-3 grid gap-x-6 gap-y-1 text-xl font-semibold text-brand-900 sm:grid-cols-2">
                    {card.rendered.items.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-3 text-2xl font-semibold text-brand-900 sm:text-3xl" data-testid="card-answer">
                    {card.rendered.answer}
                  </p>
                )}
                {card.rendered.details.length > 0 && (
                  <ul className="mt-3 space-y-1 text-base text-slate-700">
                    {card.rendered.details.map((detail) => (
                      <li key={detail}>{detail}</li>
                    ))}
                  </ul>
                )}
                {card.rendered.explanation && <p className="mt-4 leading-relaxed text-slate-600">{card.rendered.explanation}</p>}
                {card.rendered.sources.length > 0 && (
                  <p className="mt-4 text-xs leading-relaxed text-slate-600">
                    {t("sources", { count: card.rendered.sources.length })}:{" "}
                    {card.rendered.sources.map((source, index) => (
                      <span key={source.title}>
                        {index > 0 && "; "}
                        {source.url ? (
                          <a href={source.url} className="underline decoration-slate-300 underline-offset-2 hover:text-brand-700" target="_blank" rel="noreferrer">
                            {source.title}
                          </a>
                        ) : (
                          source.title
                        )}
                      </span>
                    ))}
                  </p>
                )}
              </section>
          )}
        </article>
      ) : (
        <EmptyState view={view} headingRef={cardHeading} />
      )}

      {/* On a phone the controls sit in a bar at the bottom, within the thumb's reach. */}
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 px-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] pt-3 shadow-[0_-4px_12px_rgba(15,23,42,0.06)] backdrop-blur sm:static sm:mt-4 sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none">
        <div className="mx-auto max-w-3xl">
          {card && !flipped && (
            <button type="button" onClick={flip} className={buttonClasses({ size: "lg", className: "w-full" })} aria-keyshortcuts="Space" data-testid="show-answer">
              {t("showAnswer")}
              <kbd className="hidden rounded border border-white/40 px-1.5 text-xs font-normal sm:inline">␣</kbd>
            </button>
          )}
          {card && flipped && (
            <div role="group" aria-label={t("gradePrompt")}>
              <p className="mb-2 hidden text-sm text-slate-600 sm:block">{t("gradePrompt")}</p>
              <div className="grid grid-cols-4 gap-2">
                {card.intervals.map((interval) => (
                  <button
                    key={interval.grade}
                    type="button"
                    onClick={() => grade(interval.grade)}
                    disabled={isPending}
                    aria-keyshortcuts={String(interval.grade)}
                    aria-label={t("gradeLabel", { grade: t(`grades.${interval.grade}`), interval: intervalText(interval) })}
                    className={`flex min-h-16 flex-col items-center justify-center rounded-xl border px-1 py-2 text-center font-semibold transition-colors disabled:opacity-60 ${gradeStyles[interval.grade]}`}
                    data-testid={`grade-${interval.grade}`}
                  >
                    <span className="text-sm sm:text-base">{t(`grades.${interval.grade}`)}</span>
                    <span className="text-xs font-normal opacity-80 sm:text-sm">{intervalText(interval)}</span>
                    <kbd className="mt-1 hidden text-[11px] font-normal opacity-60 sm:inline">{interval.grade}</kbd>
                  </button>
                ))}
              </div>
            </div>
          )}
          <div className="mt-2 flex items-center justify-between gap-3 text-sm">
            <button
              type="button"
              onClick={undo}
              disabled={!canUndo || isPending}
              aria-keyshortcuts="U"
              className="inline-flex min-h-10 items-center gap-1.5 rounded-lg px-2 font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-400 disabled:hover:bg-transparent"
              data-testid="undo"
            >
              ↶ {t("undo")} <kbd className="hidden text-xs font-normal text-slate-600 sm:inline">U</kbd>
            </button>
            <p className="hidden text-right text-xs text-slate-600 sm:block">{t("shortcuts")}</p>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Nothing due: when the next card comes, and why no new card is offered. */
function EmptyState({ view, headingRef }: { view: ReviewView; headingRef: React.Ref<HTMLHeadingElement> }) {
  const t = useTranslations("flashcards.review");
  const format = useFormatter();
  const next = view.nextDueAt ? new Date(view.nextDueAt) : null;
  return (
    <section className="mt-2 rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-10" data-testid="review-empty">
      <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
        {t("empty.heading")}
      </h2>
      <p className="mt-2 text-slate-600">{t("empty.body")}</p>
      {next && <p className="mt-1 text-slate-600">{t("empty.nextDue", { when: format.relativeTime(next, new Date()) })}</p>}
      {view.deck.unseenCount > 0 && view.newCardsLeftToday === 0 && <p className="mt-1 text-slate-600">{t("empty.limitReached")}</p>}
      {view.deck.unseenCount === 0 && <p className="mt-1 text-slate-600">{t("empty.allSeen")}</p>}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/flashcards" className={buttonClasses()}>
          {t("backToDecks")}
        </Link>
        <Link href="/flashcards/stats" className={buttonClasses({ variant: "secondary" })}>
          {t("empty.stats")}
        </Link>
      </div>
    </section>
  );
}

function CountBadge({ label, value, className, testId }: { label: string; value: number; className: string; testId: string }) {
  return (
    <span className="inline-flex items-baseline gap-1">
      <span className="text-slate-600">{label}</span>
      <span className={`font-semibold tabular-nums ${className}`} data-testid={testId}>
        {value}
      </span>
    </span>
  );
}
