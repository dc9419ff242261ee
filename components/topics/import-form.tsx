"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { importFactSetAction } from "@/app/topics/import/actions";
import { FormMessage, TextField } from "@/components/auth/form-field";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ImportOutcome } from "@/lib/definitions/fact-set-import";
import type { FormState } from "@/lib/server/action";

/** The form's fields besides the table, as the page fills them (empty, or a set being re-imported). */
export interface ImportFormDefaults {
  titleDe: string;
  titleEn: string;
  organizationDe: string;
  organizationDativeDe: string;
  organizationEn: string;
  memberSingularDe: string;
  memberPluralDe: string;
  memberGenderDe: "m" | "f" | "n";
  memberSingularEn: string;
  memberPluralEn: string;
}

const maxFileBytes = 1024 * 1024;

/**
 * Import a membership table: a file (read into the text box) or pasted text, the names, then
 * "check and preview"; once the preview is shown for exactly this input, "publish". Problems
 * are listed by row and column, each a link that selects its row in the text box.
 */
export function ImportForm({ factSetId, nextVersion, defaults }: { factSetId?: string; nextVersion: number; defaults: ImportFormDefaults }) {
  const t = useTranslations("topics.import");
  const [state, formAction, isPending] = useActionState<FormState<ImportOutcome>, FormData>(importFactSetAction, null);
  const isHydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const tableRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [isDirty, setIsDirty] = useState(false);
  useFocusFirstError(formRef, state?.ok === false ? state : null);

  const outcome = state?.ok ? state.data : null;
  const failure = state?.ok === false ? state : null;
  const values = { ...defaults, ...(outcome?.values ?? failure?.values ?? {}) } as ImportFormDefaults;

  // Each answer brings back the table as read and the names (the form refills its fields from
  // them when React resets it) and moves focus to what it says.
  useEffect(() => {
    if (!state?.ok) return;
    setIsDirty(false);
    if (fileRef.current) fileRef.current.value = "";
    outcomeRef.current?.focus();
  }, [state]);

  async function readFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    if (file.size > maxFileBytes) {
      setFileError(t("fileTooLarge"));
      if (fileRef.current) fileRef.current.value = "";
      return;
    }
    try {
      if (tableRef.current) tableRef.current.value = await file.text();
      setIsDirty(true);
      // The text box now holds the table: the file is not sent a second time.
      if (fileRef.current) fileRef.current.value = "";
    } catch {
      setFileError(t("fileUnreadable"));
    }
  }

  /** Focuses the text box with row `row` (1 = header) selected. */
  function selectRow(row: number) {
    const box = tableRef.current;
    if (!box) return;
    const lines = box.value.split(/\r\n|\n|\r/);
    let start = 0;
    for (let i = 0; i < row - 1 && i < lines.length; i++) start += lines[i]!.length + 1;
    const end = start + (lines[row - 1]?.length ?? 0);
    box.focus();
    box.setSelectionRange(start, end);
  }

  const canPublish = outcome?.kind === "preview" && !isDirty && !isPending;
  // The outcome's heading takes focus and says it; the live region is for refusals (a field left empty).
  const message = failure?.message ?? null;

  return (
    <form
      ref={formRef}
      action={formAction}
      className="grid gap-6"
      noValidate
      aria-labelledby="import-heading"
      data-hydrated={isHydrated || undefined}
      onChange={() => setIsDirty(true)}
    >
      {factSetId ? <input type="hidden" name="factSetId" value={factSetId} /> : null}

      {outcome?.kind === "problems" ? (
        <section aria-labelledby="import-problems-heading" className="rounded-xl border border-red-300 bg-red-50 p-4 sm:p-6">
          <h2 id="import-problems-heading" ref={outcomeRef} tabIndex={-1} className="text-lg font-semibold text-red-900">
            {t("problemsHeading", { count: outcome.problems.length })}
          </h2>
          <p className="mt-1 text-sm text-red-900">{t("problemsIntro")}</p>
          <ul className="mt-3 grid gap-1.5 text-sm" data-testid="import-problems">
            {outcome.problems.map((problem, i) => (
              <li key={i}>
                <a
                  href="#import-table"
                  className="text-red-800 underline underline-offset-2 hover:text-red-950"
                  onClick={(event) => {
                    event.preventDefault();
                    if (problem.row !== null) selectRow(problem.row);
                    else tableRef.current?.focus();
                  }}
                >
                  {problem.message}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}


      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">{t("tableLegend")}</legend>
        <div className="grid gap-1.5">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
            {t("fileLabel")}
          </label>
          <input
            ref={fileRef}
            id="import-file"
            name="tableFile"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-describedby={fileError ? "import-file-error import-file-hint" : "import-file-hint"}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => void readFile(event.currentTarget.files?.[0])}
            className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:border-brand-500"
          />
          {fileError ? (
            <p id="import-file-error" className="text-sm text-red-700">
              {fileError}
            </p>
          ) : null}
          <p id="import-file-hint" className="text-sm text-slate-600">
            {t("fileHint")}
          </p>
        </div>
        <div className="grid gap-1.5">
          <label htmlFor="import-table" className="text-sm font-medium text-slate-800">
            {t("tableLabel")}
          </label>
          <textarea
            ref={tableRef}
            id="import-table"
            name="table"
            rows={10}
            // One row per line, as in a spreadsheet: a problem's row can be found by eye.
            wrap="off"
            spellCheck={false}
            autoCapitalize="none"
            autoComplete="off"
            defaultValue={outcome?.table ?? failure?.values?.table ?? ""}
            aria-describedby="import-table-hint"
            aria-invalid={outcome?.kind === "problems" ? true : undefined}
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm hover:border-slate-400 focus-visible:border-brand-500 aria-invalid:border-red-500"
          />
          <p id="import-table-hint" className="text-sm text-slate-600">
            {t("tableHint")}
          </p>
        </div>
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">{t("namesLegend")}</legend>
        <TextField id="import-title-de" name="titleDe" label={t("titleDe")} lang="de" maxLength={120} required defaultValue={values.titleDe} errors={failure?.errors.titleDe} />
        <TextField id="import-title-en" name="titleEn" label={t("titleEn")} lang="en" maxLength={120} required defaultValue={values.titleEn} errors={failure?.errors.titleEn} />
        <TextField
          id="import-org-de"
          name="organizationDe"
          label={t("organizationDe")}
          hint={t("organizationDeHint")}
          lang="de"
          maxLength={120}
          required
          defaultValue={values.organizationDe}
          errors={failure?.errors.organizationDe}
        />
        <TextField
          id="import-org-dative-de"
          name="organizationDativeDe"
          label={t("organizationDativeDe")}
          hint={t("organizationDativeDeHint")}
          lang="de"
          maxLength={120}
          required
          defaultValue={values.organizationDativeDe}
          errors={failure?.errors.organizationDativeDe}
        />
        <TextField
          id="import-org-en"
          name="organizationEn"
          label={t("organizationEn")}
          hint={t("organizationEnHint")}
          lang="en"
          maxLength={120}
          required
          defaultValue={values.organizationEn}
          errors={failure?.errors.organizationEn}
          className="sm:col-span-2"
        />
      </fieldset>

      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:p-6">
        <legend className="px-1 text-lg font-semibold text-slate-900">{t("memberLegend")}</legend>
        <TextField id="import-member-de" name="memberSingularDe" label={t("memberSingularDe")} lang="de" maxLength={120} required defaultValue={values.memberSingularDe} errors={failure?.errors.memberSingularDe} />
        <TextField id="import-members-de" name="memberPluralDe" label={t("memberPluralDe")} lang="de" maxLength={120} required defaultValue={values.memberPluralDe} errors={failure?.errors.memberPluralDe} />
        <div className="grid gap-1.5">
          <label htmlFor="import-gender-de" className="text-sm font-medium text-slate-800">
            {t("memberGenderDe")}
          </label>
          <select
            id="import-gender-de"
            name="memberGenderDe"
            defaultValue={values.memberGenderDe}
            className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
          >
            <option value="m">{t("genderM")}</option>
            <option value="f">{t("genderF")}</option>
            <option value="n">{t("genderN")}</option>
          </select>
        </div>
        <TextField id="import-member-en" name="memberSingularEn" label={t("memberSingularEn")} lang="en" maxLength={120} required defaultValue={values.memberSingularEn} errors={failure?.errors.memberSingularEn} />
        <TextField id="import-members-en" name="memberPluralEn" label={t("memberPluralEn")} lang="en" maxLength={120} required defaultValue={values.memberPluralEn} errors={failure?.errors.memberPluralEn} />
      </fieldset>

      <FormMessage message={message} />

      {outcome?.kind === "preview" ? (
        <section aria-labelledby="import-preview-heading" className="grid gap-4 rounded-xl border border-brand-100 bg-brand-50/50 p-4 sm:p-6">
          <div>
            <h2 id="import-preview-heading" ref={outcomeRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
              {t("previewHeading")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("previewIntro", { members: outcome.memberCount, groups: outcome.groupCount })}</p>
          </div>
          <h3 className="font-semibold text-slate-900">{t("supportedHeading", { count: outcome.samples.length })}</h3>
          <ul className="grid gap-3" data-testid="import-samples">
            {outcome.samples.map((sample) => (
              <li key={sample.type} className="rounded-lg border border-slate-200 bg-white p-3" data-type={sample.type}>
                <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{sample.typeLabel}</p>
                <p className="mt-1 break-words font-medium text-slate-900">{sample.prompt}</p>
                {sample.options.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-1.5 text-sm text-slate-700">
                    {sample.options.map((option, i) => (
                      <li key={i} className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5">
                        {option}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <p className="mt-2 break-words text-sm text-emerald-800">{t("answer", { answer: sample.correctAnswer })}</p>
              </li>
            ))}
          </ul>
          {outcome.unsupported.length > 0 ? (
            <>
              <h3 className="font-semibold text-slate-900">{t("unsupportedHeading", { count: outcome.unsupported.length })}</h3>
              <ul className="grid gap-1 text-sm text-slate-700" data-testid="import-unsupported">
                {outcome.unsupported.map((item) => (
                  <li key={item.type}>
                    <span className="font-medium">{item.typeLabel}</span>: {item.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {isDirty ? <p className="text-sm text-amber-900">{t("stale")}</p> : null}
        </section>
      ) : null}

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" name="intent" value="preview" variant={canPublish ? "secondary" : "primary"} disabled={isPending}>
          {isPending ? t("previewing") : t("preview")}
        </Button>
        {canPublish ? (
          <Button type="submit" name="intent" value="publish">
            {factSetId ? t("publishReimport", { version: nextVersion }) : t("publish")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
