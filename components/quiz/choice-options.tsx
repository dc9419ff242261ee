"use client";

import { useTranslations } from "next-intl";
import type { RenderedOption } from "@/lib/questions/types";

/**
 * How an option looks once the answer is in. Single choice: the right answer, the learner's
 * wrong pick. Multiple choice: a right pick, a wrong pick, a right option not picked.
 */
export type OptionMark = "correct" | "wrong" | "picked" | "wrongPick" | "missed" | null;

const markText = { correct: "markCorrect", wrong: "yourChoice", picked: "markPicked", wrongPick: "markWrongPick", missed: "markMissed" } as const;
const isRightMark = (mark: OptionMark) => mark === "correct" || mark === "picked";

/**
 * The options of a single- or multiple-choice question: native radio buttons or checkboxes
 * (so arrow keys, Space and screen readers work as everywhere), drawn as large cards with the
 * number key that chooses them.
 */
export function ChoiceOptions({
  name,
  legend,
  options,
  multiple,
  selected,
  onToggle,
  disabled,
  markOf,
}: {
  name: string;
  legend: string;
  options: RenderedOption[];
  multiple: boolean;
  selected: readonly string[];
  onToggle: (value: string) => void;
  disabled: boolean;
  markOf: (value: string) => OptionMark;
}) {
  const t = useTranslations("quiz.play");
  return (
    <fieldset className="mt-5">
      <legend className="sr-only">{legend}</legend>
      <ul className="grid grid-cols-1 gap-3">
        {options.map((option, index) => {
          const isSelected = selected.includes(option.value);
          const mark = markOf(option.value);
          const tone =
            isRightMark(mark)
              ? "border-emerald-600 bg-emerald-50"
              : mark === "wrong" || mark === "wrongPick"
                ? "border-rose-600 bg-rose-50"
                : mark === "missed"
                  ? "border-dashed border-amber-600 bg-amber-50"
                : isSelected
                  ? "border-brand-500 bg-brand-50 ring-1 ring-brand-500"
                  : "border-slate-200 bg-white hover:border-brand-500 hover:bg-brand-50/50";
          return (
            <li key={option.value}>
              <label
                className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 px-3 py-2.5 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 has-[:disabled]:cursor-default ${tone}`}
              >
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={option.value}
                  checked={isSelected}
                  disabled={disabled}
                  onChange={() => onToggle(option.value)}
                  className="sr-only"
                  data-quiz-option
                />
                <span
                  aria-hidden="true"
                  className={`flex size-8 shrink-0 items-center justify-center text-sm font-semibold ${multiple ? "rounded-md" : "rounded-full"} ${
                    isSelected ? "bg-brand-600 text-white" : "border border-slate-300 bg-slate-50 text-slate-600"
                  }`}
                >
                  {index + 1}
                </span>
                <span className="flex-1 text-base leading-snug text-slate-900">{option.label}</span>
                {mark ? (
                  <span className={`min-w-0 text-right text-sm font-semibold ${isRightMark(mark) ? "text-emerald-800" : mark === "missed" ? "text-amber-900" : "text-rose-800"}`} data-mark={mark}>
                    <span aria-hidden="true">{isRightMark(mark) ? "✓ " : mark === "missed" ? "○ " : "✗ "}</span>
                    {t(markText[mark])}
                  </span>
                ) : multiple && isSelected && !disabled ? (
                  <span aria-hidden="true" className="shrink-0 text-brand-700">
                    ✓
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
