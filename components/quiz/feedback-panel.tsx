import { useTranslations } from "next-intl";
import { LocatorMap } from "@/components/map/locator-map";
import type { AnswerReply } from "./quiz-player";

/** The verdict after answering: right or wrong in words and symbol (not colour alone), the answer, why, and where it comes from. */
export function FeedbackPanel({ reply }: { reply: AnswerReply }) {
  const t = useTranslations("quiz.play");
  const isPartial = !reply.correct && reply.score > 0;
  return (
    <div
      data-testid="feedback"
      data-result={reply.correct ? "correct" : "wrong"}
      className={`rounded-xl border-l-4 px-4 py-3 ${reply.correct ? "border-emerald-500 bg-emerald-50" : "border-rose-500 bg-rose-50"}`}
    >
      <p className={`flex items-center gap-2 text-lg font-semibold ${reply.correct ? "text-emerald-800" : "text-rose-800"}`}>
        <span aria-hidden="true" className={`flex size-7 items-center justify-center rounded-full text-base text-white ${reply.correct ? "bg-emerald-600" : "bg-rose-600"}`}>
          {reply.correct ? "✓" : "✗"}
        </span>
        <span data-testid="verdict">{reply.correct ? t("correct") : isPartial ? t("partial", { percent: Math.round(reply.score * 100) }) : t("wrong")}</span>
      </p>
      {reply.alreadyAnswered ? <p className="mt-1 text-sm text-slate-600">{t("alreadyAnswered")}</p> : null}
      <p className="mt-2 text-slate-900">
        <span className="font-medium">{t("correctAnswer")}</span> <span data-testid="correct-answer">{reply.reveal.correctAnswer}</span>
      </p>
      <p className="mt-2 leading-relaxed text-slate-800" data-testid="explanation">
        {reply.reveal.explanation}
      </p>
      <p className="mt-2 text-xs leading-relaxed text-slate-500 wrap-anywhere">
        <span className="font-medium">{t("source")}</span> {reply.reveal.source}
      </p>
      {reply.reveal.locator ? <LocatorMap locator={reply.reveal.locator} /> : null}
    </div>
  );
}
