"use client";

import { useTranslations } from "next-intl";

/** A typed answer: one text field (a country's name, or a year); Enter submits the surrounding form. */
export function TextQuestion({
  questionId,
  text,
  onChange,
  disabled,
  isYear = false,
}: {
  questionId: string;
  text: string;
  onChange: (text: string) => void;
  disabled: boolean;
  isYear?: boolean;
}) {
  const t = useTranslations("quiz.play");
  const id = `${questionId}-text`;
  return (
    <div className="mt-5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {isYear ? t("yearLabel") : t("textLabel")}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        maxLength={isYear ? 20 : 200}
        inputMode={isYear ? "numeric" : undefined}
        autoComplete="off"
        autoCapitalize={isYear ? "off" : "words"}
        spellCheck={false}
        enterKeyHint="send"
        placeholder={isYear ? t("yearPlaceholder") : t("textPlaceholder")}
        className="mt-1.5 block min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white px-4 text-lg focus:border-brand-500 disabled:bg-slate-50"
      />
    </div>
  );
}
