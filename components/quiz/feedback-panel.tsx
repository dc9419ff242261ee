import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { LocatorMap } from "@/components/map/locator-map";
import type { PublicQuestion, Response } from "@/lib/questions/types";
import type { AnswerReply } from "./quiz-player";
import { SourceReferences } from "./source-references";

/** Right, partly right or wrong: each its own words, symbol and colour (never colour alone). */
export type Verdict = "correct" | "partial" | "wrong";

export function verdictOf(reply: Pick<AnswerReply, "correct" | "score">): Verdict {
  return reply.correct ? "correct" : reply.score > 0 ? "partial" : "wrong";
}

const styles: Record<Verdict, { panel: string; text: string; badge: string; symbol: string }> = {
  correct: { panel: "border-emerald-600 bg-emerald-50", text: "text-emerald-800", badge: "bg-emerald-700", symbol: "✓" },
  partial: { panel: "border-amber-500 bg-amber-50", text: "text-amber-900", badge: "bg-amber-700", symbol: "½" },
  wrong: { panel: "border-rose-600 bg-rose-50", text: "text-rose-800", badge: "bg-rose-700", symbol: "✗" },
};

/**
 * The verdict after answering, shortest first so a phone keeps it in view: the verdict, the
 * learner's pick beside the right answer, the way on (`next`), then why, the source text's
 * sentence as a short quotation, and the other references behind a disclosure.
 */
export function FeedbackPanel({ reply, question, response, next }: { reply: AnswerReply; question: PublicQuestion; response: Response; next?: ReactNode }) {
  const t = useTranslations("quiz.play");
  const verdict = verdictOf(reply);
  const style = styles[verdict];
  const { reveal } = reply;
  const spelling = verdict === "correct" && response.kind === "text" && !isSameSpelling(response.text, reveal.correctAnswer) ? reveal.correctAnswer : null;
  const chosenLabel = response.kind === "single" && verdict !== "correct" ? question.options?.find((o) => o.value === response.value)?.label : undefined;
  return (
    <div data-testid="feedback" data-result={verdict} className={`rounded-xl border-l-4 px-4 py-3 ${style.panel}`}>
      <p className={`flex items-center gap-2 text-lg font-semibold ${style.text}`}>
        <span aria-hidden="true" className={`flex size-7 shrink-0 items-center justify-center rounded-full text-base text-white ${style.badge}`}>
          {style.symbol}
        </span>
        <span data-testid="verdict">
          {verdict === "correct" ? (spelling ? t("correctSpelled", { spelling }) : t("correct")) : verdict === "partial" ? t("partial", { percent: reply.score }) : t("wrong")}
        </span>
      </p>
      {verdict === "partial" ? <p className="mt-1 text-sm text-slate-700">{t("partialRule")}</p> : null}
      {reply.alreadyAnswered ? <p className="mt-1 text-sm text-slate-700">{t("alreadyAnswered")}</p> : null}
      {chosenLabel !== undefined ? (
        <p className="mt-2 text-slate-900" data-testid="given-answer">
          <span className="font-medium">{t("yourAnswer")}</span> <span aria-hidden="true">✗ </span>
          {chosenLabel}
        </p>
      ) : null}
      <p className="mt-2 text-slate-900">
        <span className="font-medium">{t("correctAnswer")}</span> <span data-testid="correct-answer">{reveal.correctAnswer}</span>
      </p>
      {next ? <div className="mt-3 flex justify-end">{next}</div> : null}
      <p className="mt-3 leading-relaxed text-slate-800" data-testid="explanation">
        {reveal.explanation}
      </p>
      <SourceReferences quote={reveal.quote} references={reveal.references ?? []} />
      {reveal.locator ? <LocatorMap locator={reveal.locator} /> : null}
    </div>
  );
}

/** Whether the learner typed the name as written (case and surrounding space aside). */
function isSameSpelling(typed: string, canonical: string): boolean {
  return typed.trim().toLocaleLowerCase() === canonical.trim().toLocaleLowerCase();
}
