"use client";

import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { createAssignmentAction } from "@/app/classes/actions";
import { FormMessage, TextField } from "@/components/auth/form-field";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Button } from "@/components/ui/button";
import { assignmentVariants, maxAssignmentQuestions, maxAttemptsAllowed, maxTimeLimitMinutes, revealPolicies, scoringPolicies } from "@/lib/assignments/policies";
import { questionTypes, type QuestionType } from "@/lib/questions/types";
import type { FormState } from "@/lib/server/action";

/** A local date-time as an <input type="datetime-local"> shows it: "2026-03-02T08:00". */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a local date-time input means, as ISO with offset (what the server accepts); "" when empty or invalid. */
function toInstant(local: string): string {
  if (!local) return "";
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

/**
 * The teacher's "new assignment" form. Times are entered in the teacher's local time and sent
 * as instants (hidden ISO fields), so the server never guesses a time zone. Validation is the
 * server's (createAssignment); its messages show beside each field and in a live region.
 */
export function AssignmentForm({ classId, factSets }: { classId: string; factSets: { id: string; title: string }[] }) {
  const t = useTranslations("classes.form");
  const tTypes = useTranslations("quiz.types");
  const [state, formAction, isPending] = useActionState<FormState, FormData>(createAssignmentAction, null);
  const isHydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const failure = state?.ok === false ? state : null;
  const errors = failure?.errors ?? {};
  const values = failure?.values ?? {};

  const [opensLocal, setOpensLocal] = useState("");
  const [dueLocal, setDueLocal] = useState("");
  const [types, setTypes] = useState<ReadonlySet<QuestionType>>(() => new Set(["accession-year", "country-by-year", "founding-member-true-false", "event-year"]));
  // Defaults in the browser's time zone, set after mounting (the server does not know it).
  useEffect(() => {
    const now = new Date();
    now.setSeconds(0, 0);
    const due = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
    due.setHours(20, 0, 0, 0);
    setOpensLocal((current) => current || toLocalInput(now));
    setDueLocal((current) => current || toLocalInput(due));
  }, []);

  const toggleType = (type: QuestionType) =>
    setTypes((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });

  return (
    <form ref={formRef} action={formAction} className="grid gap-5" noValidate data-testid="assignment-form" data-hydrated={isHydrated || undefined}>
      <input type="hidden" name="classId" value={classId} />
      <TextField
        id="assignment-title"
        name="title"
        label={t("title")}
        placeholder={t("titlePlaceholder")}
        maxLength={120}
        required
        autoComplete="off"
        defaultValue={values.title ?? ""}
        errors={errors.title}
      />

      <SelectField id="assignment-fact-set" name="factSetId" label={t("factSet")} errors={errors.factSetId} defaultValue={values.factSetId ?? factSets[0]?.id}>
        {factSets.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title}
          </option>
        ))}
      </SelectField>

      <fieldset aria-describedby={errors.questionTypes?.length ? "assignment-types-error" : "assignment-types-hint"}>
        <legend className="text-sm font-medium text-slate-800">{t("types")}</legend>
        <p id="assignment-types-hint" className="mt-1 text-sm text-slate-600">
          {t("typesHint", { selected: types.size, total: questionTypes.length })}{" "}
          <button type="button" className="font-medium text-brand-700 underline" onClick={() => setTypes(new Set(questionTypes))}>
            {t("selectAll")}
          </button>{" "}
          ·{" "}
          <button type="button" className="font-medium text-brand-700 underline" onClick={() => setTypes(new Set())}>
            {t("selectNone")}
          </button>
        </p>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {questionTypes.map((type) => (
            <label key={type} className="flex min-h-10 cursor-pointer items-start gap-2.5 rounded-lg px-2 py-1.5 text-sm text-slate-800 hover:bg-slate-50">
              <input
                type="checkbox"
                name="questionTypes"
                value={type}
                checked={types.has(type)}
                onChange={() => toggleType(type)}
                aria-invalid={errors.questionTypes?.length ? true : undefined}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              {tTypes(type)}
            </label>
          ))}
        </div>
        <FieldError id="assignment-types-error" errors={errors.questionTypes} />
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id="assignment-count"
          name="questionCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxAssignmentQuestions}
          label={t("count", { max: maxAssignmentQuestions })}
          defaultValue={values.questionCount ?? "10"}
          errors={errors.questionCount}
        />
        <TextField
          id="assignment-attempts"
          name="attemptsAllowed"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxAttemptsAllowed}
          label={t("attempts", { max: maxAttemptsAllowed })}
          defaultValue={values.attemptsAllowed ?? "1"}
          errors={errors.attemptsAllowed}
        />
      </div>

      <ChoiceGroup
        name="variant"
        legend={t("variant")}
        choices={assignmentVariants.map((v) => ({ value: v, label: t(`variants.${v}`), hint: t(`variantHints.${v}`) }))}
        defaultValue={values.variant ?? "same"}
        errors={errors.variant}
      />

      <div className="grid gap-5 sm:grid-cols-2">
        <DateTimeField id="assignment-opens" name="opensAt" label={t("opensAt")} local={opensLocal} onChange={setOpensLocal} errors={errors.opensAt} />
        <DateTimeField id="assignment-due" name="dueAt" label={t("dueAt")} local={dueLocal} onChange={setDueLocal} errors={errors.dueAt} />
      </div>
      <p className="-mt-3 text-sm text-slate-600">{t("localTimeHint")}</p>

      <ChoiceGroup
        name="scoringPolicy"
        legend={t("scoring")}
        choices={scoringPolicies.map((v) => ({ value: v, label: t(`scoringPolicies.${v}`) }))}
        defaultValue={values.scoringPolicy ?? "best"}
        errors={errors.scoringPolicy}
        isInline
      />

      <TextField
        id="assignment-time-limit"
        name="timeLimitMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={maxTimeLimitMinutes}
        label={t("timeLimit")}
        hint={t("timeLimitHint")}
        defaultValue={values.timeLimitMinutes ?? ""}
        errors={errors.timeLimitMinutes}
      />

      <ChoiceGroup
        name="revealPolicy"
        legend={t("reveal")}
        choices={revealPolicies.map((v) => ({ value: v, label: t(`revealPolicies.${v}`) }))}
        defaultValue={values.revealPolicy ?? "immediate"}
        errors={errors.revealPolicy}
      />

      <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <input
          type="checkbox"
          name="acceptLate"
          defaultChecked={values.acceptLate === "on"}
          aria-describedby="assignment-late-hint"
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
        />
        <span className="grid gap-0.5">
          <span className="text-sm font-medium text-slate-900">{t("acceptLate")}</span>
          <span id="assignment-late-hint" className="text-sm text-slate-600">
            {t("acceptLateHint")}
          </span>
        </span>
      </label>

      <FormMessage message={failure?.message} />
      <div>
        <Button type="submit" size="lg" disabled={isPending} className="w-full sm:w-auto" data-testid="create-assignment">
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="mt-1.5 text-sm text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

function SelectField({
  id,
  name,
  label,
  errors,
  defaultValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  children: ReactNode;
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A local date-time input whose instant travels in a hidden field of the same `name`. */
function DateTimeField({
  id,
  name,
  label,
  local,
  onChange,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  local: string;
  onChange: (value: string) => void;
  errors?: string[];
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(event) => onChange(event.target.value)}
        required
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-invalid:border-red-500"
      />
      <input type="hidden" name={name} value={toInstant(local)} />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function ChoiceGroup({
  name,
  legend,
  choices,
  defaultValue,
  errors,
  isInline = false,
}: {
  name: string;
  legend: string;
  choices: { value: string; label: string; hint?: string }[];
  defaultValue: string;
  errors?: string[];
  isInline?: boolean;
}) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={`mt-2 grid gap-2 ${isInline ? "grid-cols-1 sm:grid-cols-3" : ""}`}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer gap-3 rounded-lg border-2 border-slate-200 bg-white p-3 text-sm transition-colors hover:border-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={choice.value === defaultValue}
              className="mt-0.5 size-4 shrink-0 accent-brand-600 focus-visible:outline-none"
            />
            <span className="grid gap-0.5">
              <span className="font-medium text-slate-900">{choice.label}</span>
              {choice.hint ? <span className="text-slate-600">{choice.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}
