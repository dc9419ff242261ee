"use client";

import { useTranslations } from "next-intl";
import type { RenderedOption } from "@/lib/questions/types";

/** Matching: every left item gets a native select of the right items. */
export function MatchQuestion({
  questionId,
  left,
  right,
  pairs,
  onChange,
  disabled,
  legend,
  markOf,
}: {
  questionId: string;
  left: RenderedOption[];
  right: RenderedOption[];
  pairs: Record<string, string>;
  onChange: (pairs: Record<string, string>) => void;
  disabled: boolean;
  legend: string;
  /** Once answered: whether each pair is right, and the right partner. */
  markOf?: (left: string) => { isRight: boolean; answer: string } | null;
}) {
  const t = useTranslations("quiz.play");
  return (
    <fieldset className="mt-5">
      <legend className="sr-only">{legend}</legend>
      <ul className="grid grid-cols-1 gap-3">
        {left.map((item, index) => {
          const id = `${questionId}-match-${index}`;
          const mark = markOf?.(item.value) ?? null;
          return (
            <li key={item.value} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border-2 border-slate-200 bg-white px-3 py-2.5">
              <label htmlFor={id} className="min-w-0 flex-1 basis-40 text-base font-medium">
                {item.label}
              </label>
              <select
                id={id}
                value={pairs[item.value] ?? ""}
                disabled={disabled}
                onChange={(event) => {
                  const next = { ...pairs };
                  if (event.target.value) next[item.value] = event.target.value;
                  else delete next[item.value];
                  onChange(next);
                }}
                className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base sm:w-44"
              >
                <option value="">{t("matchChoose")}</option>
                {right.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              {mark ? (
                <span className={`basis-full text-sm font-semibold ${mark.isRight ? "text-emerald-800" : "text-rose-800"}`} data-mark={mark.isRight ? "pair-right" : "pair-wrong"}>
                  <span aria-hidden="true">{mark.isRight ? "✓ " : "✗ "}</span>
                  {mark.isRight ? t("markPairRight") : t("markPairWrong", { answer: mark.answer })}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
