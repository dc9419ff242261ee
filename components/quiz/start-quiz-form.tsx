"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { startQuiz } from "@/app/actions/quiz";
import { type QuestionType, questionKindOf, questionTypes } from "@/lib/questions/types";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { FormState } from "@/lib/server/action";

const lengthChoices = ["5", "10", "20"] as const;
type LengthChoice = (typeof lengthChoices)[number] | "custom";

/** Question types grouped by how they are answered, in the generator's stable order. */
const kindGroups = [
  ["single", ["single"]],
  ["multi", ["multi"]],
  ["arrange", ["order", "match"]],
  ["text", ["text"]],
  ["map", ["map"]],
] as const;

/** The offered types by answer kind; a group with none of them is left out. */
function groupTypes(offered: readonly QuestionType[]): { group: (typeof kindGroups)[number][0]; types: QuestionType[] }[] {
  return kindGroups
    .map(([group, kinds]) => ({ group, types: offered.filter((type) => (kinds as readonly string[]).includes(questionKindOf[type])) }))
    .filter((entry) => entry.types.length > 0);
}

/**
 * The "start a quiz" form of one topic: length (5/10/20/custom) and question types (all by
 * default, tucked away in a disclosure so the first screen stays simple). Validation happens
 * in the server action; its messages appear in a live region.
 */
export function StartQuizForm({ factSetId, factSetTitle, types = questionTypes }: { factSetId: string; factSetTitle: string; types?: readonly QuestionType[] }) {
  const typeGroups = groupTypes(types);
  const t = useTranslations("quiz");
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(startQuiz, null);
  const [length, setLength] = useState<LengthChoice>("10");
  const [customCount, setCustomCount] = useState("15");
  const [selected, setSelected] = useState<ReadonlySet<QuestionType>>(() => new Set(types));
  const [isTypesOpen, setTypesOpen] = useState(false);
  const isHydrated = useHydrated();
  const idPrefix = `start-${factSetId}`;
  const failure = state?.ok === false ? state : null;
  const typesError = failure?.errors.types?.[0];
  const countError = failure?.errors.count?.[0];
  const otherErrors = failure ? [...new Set(Object.values(failure.errors).flat())].filter((m): m is string => Boolean(m) && m !== failure.message) : [];

  const toggleType = (type: QuestionType) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });

  return (
    <form
      action={formAction}
      className="mt-5 grid grid-cols-1 gap-5"
      aria-label={`${t("start.submit")}: ${factSetTitle}`}
      data-hydrated={isHydrated || undefined}
      noValidate
    >
      <input type="hidden" name="factSetId" value={factSetId} />

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("start.lengthLegend")}</legend>
        <div className="mt-2 grid grid-cols-4 gap-2">
          {[...lengthChoices, "custom" as const].map((choice) => (
            <label
              key={choice}
              className={`flex min-h-14 cursor-pointer items-center justify-center rounded-lg border-2 px-2 py-1.5 text-center text-sm font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500 ${
                length === choice ? "border-brand-600 bg-brand-50 text-brand-900" : "border-slate-200 bg-white text-slate-700 hover:border-brand-500"
              }`}
            >
              <input
                type="radio"
                name="count"
                value={choice}
                checked={length === choice}
                onChange={() => setLength(choice)}
                className="sr-only"
              />
              {choice === "custom" ? (
                <span className="leading-tight">{t("start.lengthCustom")}</span>
              ) : (
                <span className="leading-tight">
                  <span aria-hidden="true">
                    <span className="block text-lg font-semibold">{choice}</span>
                    <span className="block text-xs font-normal text-slate-600">{t("start.lengthUnit")}</span>
                  </span>
                  <span className="sr-only">{t("start.lengthOption", { count: Number(choice) })}</span>
                </span>
              )}
            </label>
          ))}
        </div>
        {length === "custom" ? (
          <div className="mt-3">
            <label htmlFor={`${idPrefix}-custom`} className="block text-sm text-slate-700">
              {t("start.customCountLabel")}
            </label>
            <input
              id={`${idPrefix}-custom`}
              name="customCount"
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={customCount}
              onChange={(event) => setCustomCount(event.target.value)}
              aria-invalid={countError ? true : undefined}
              aria-describedby={countError ? `${idPrefix}-count-error` : undefined}
              className="mt-1 block min-h-11 w-28 rounded-lg border border-slate-300 bg-white px-3 text-base"
            />
          </div>
        ) : null}
        {countError ? (
          <p id={`${idPrefix}-count-error`} className="mt-2 text-sm text-rose-700">
            {countError}
          </p>
        ) : null}
      </fieldset>

      <details
        open={isTypesOpen || Boolean(typesError)}
        onToggle={(event) => setTypesOpen(event.currentTarget.open)}
        className="group rounded-xl border border-slate-200 bg-slate-50/60"
      >
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-3 text-sm font-medium text-slate-800 [&::-webkit-details-marker]:hidden">
          <span>
            {t("start.typesSummary")}{" "}
            <span className="font-normal text-slate-600">· {t("start.typesSelected", { selected: selected.size, total: types.length })}</span>
          </span>
          <span aria-hidden="true" className="text-slate-400 transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="border-t border-slate-200 px-4 pb-4 pt-3">
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setSelected(new Set(types))}>
              {t("start.selectAll")}
            </Button>
            <Button variant="secondary" onClick={() => setSelected(new Set())}>
              {t("start.selectNone")}
            </Button>
          </div>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {typeGroups.map(({ group, types }) => (
              <fieldset key={group}>
                <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t(`kinds.${group}`)}</legend>
                <ul className="mt-1.5 grid gap-1">
                  {types.map((type) => (
                    <li key={type}>
                      <label className="flex min-h-9 cursor-pointer items-start gap-2.5 rounded-md px-1 py-1 text-sm text-slate-800 hover:bg-white">
                        <input
                          type="checkbox"
                          name="types"
                          value={type}
                          checked={selected.has(type)}
                          onChange={() => toggleType(type)}
                          className="mt-0.5 size-4 shrink-0 accent-brand-600"
                        />
                        <span>{t(`types.${type}`)}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
        </div>
      </details>

      <div aria-live="polite" className="empty:hidden">
        {failure ? (
          <div className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            <p className="font-medium">{failure.message}</p>
            {otherErrors.length > 0 ? (
              <ul className="mt-1 list-inside list-disc">
                {otherErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <Button type="submit" size="lg" disabled={isPending} className="w-full sm:w-auto sm:justify-self-start">
        {isPending ? t("start.submitting") : t("start.submit")}
        {isPending ? null : <span aria-hidden="true">→</span>}
      </Button>
    </form>
  );
}
