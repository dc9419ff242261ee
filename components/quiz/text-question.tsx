"use client";

import { useTranslations } from "next-intl";

/** A typed answer: one text field; Enter submits the surrounding form. */
export function TextQuestion({ questionId, text, onChange, disabled }: { questionId: string; text: string; onChange: (text: string) => void; disabled: boolean }) {
  const t = useTranslations("quiz.play");
  const id = `${questionId}-text`;
  return (
    <div className="mt-5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t("textLabel")}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        maxLength={200}
        autoComplete="off"
        autoCapitalize="words"
        spellCheck={false}
        enterKeyHint="send"
        placeholder={t("textPlaceholder")}
        className="mt-1.5 block min-h-12 w-full rounded-xl border-2 border-slate-300 bg-white px-4 text-lg focus:border-brand-500 disabled:bg-slate-50"
      />
    </div>
  );
}
