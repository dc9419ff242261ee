"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ImportOutcome } from "@/lib/definitions/fact-set-import";
import { buildFactSetFromTable, type TableImportDescription } from "@/lib/facts/import-table";
import { describeTableProblem, maxTableBytes } from "@/lib/facts/parse-membership-table";
import { getRequestLocale } from "@/lib/i18n/request";
import { describeUnsupported, previewQuestionTypes } from "@/lib/questions/preview-types";
import { renderQuestion, revealQuestion } from "@/lib/questions/render-question";
import { createAction } from "@/lib/server/action";
import { getOwnFactSet, saveImportedFactSet, setFactSetShares } from "@/lib/server/fact-sets";

const name = z
  .string({ error: "topics.import.errors.required" })
  .trim()
  .min(1, { error: "topics.import.errors.required" })
  .max(120, { error: "topics.import.errors.tooLong" });

/** A file input with nothing chosen still sends an empty file; a form without script may send text. */
const tableFile = z.union([z.instanceof(File), z.string()]).optional();

/** The import form: the table (file or text box), the names, and what to do with it. */
const importForm = z.object({
  intent: z.enum(["preview", "publish"], { error: "topics.import.errors.intent" }),
  /** Set when re-importing one of the person's own sets. */
  factSetId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .transform((id) => id || undefined),
  // Characters, not bytes: the byte cap (1 MB) is the parser's, with its own message.
  table: z.string().optional().default(""),
  tableFile,
  titleDe: name,
  titleEn: name,
  organizationDe: name,
  organizationDativeDe: name,
  organizationEn: name,
  memberSingularDe: name,
  memberPluralDe: name,
  memberGenderDe: z.enum(["m", "f", "n"], { error: "topics.import.errors.gender" }),
  memberSingularEn: name,
  memberPluralEn: name,
});

/** The form's fields besides the table, refilled after every answer (React resets the form). */
const nameFields = [
  "titleDe",
  "titleEn",
  "organizationDe",
  "organizationDativeDe",
  "organizationEn",
  "memberSingularDe",
  "memberPluralDe",
  "memberGenderDe",
  "memberSingularEn",
  "memberPluralEn",
] as const;

/** Today, UTC: the table is complete up to it, so no date in it may be later. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Checks the table (preview) or saves it (publish). Either way the table is parsed and built
 * again from the submitted form, so nothing is saved unless this very input is valid; a
 * preview shows one sample of every question type the table supports, in the person's
 * language with its answer, and the reason for every type it cannot support.
 */
export const importFactSetAction = createAction({ access: "account", input: importForm, echo: [...nameFields, "table"] }, async ({ input, user }) => {
  const locale = await getRequestLocale();
  const values = Object.fromEntries(nameFields.map((field) => [field, input[field]]));
  const file = input.tableFile instanceof File && input.tableFile.size > 0 ? input.tableFile : null;
  // A file over the cap is not read at all.
  if (file && file.size > maxTableBytes) {
    return { kind: "problems", table: "", values, problems: [{ message: describeTableProblem({ code: "too-large", bytes: file.size }, locale), row: null }] } satisfies ImportOutcome;
  }
  const table = file ? await file.text() : input.table;
  const existing = input.factSetId ? await getOwnFactSet(user.id, input.factSetId) : null; // NotFoundError: not theirs
  const description: TableImportDescription = {
    title: { de: input.titleDe, en: input.titleEn },
    organization: { nominativeDe: input.organizationDe, dativeDe: input.organizationDativeDe, nameEn: input.organizationEn },
    memberNoun: {
      de: { singular: input.memberSingularDe, plural: input.memberPluralDe, gender: input.memberGenderDe },
      en: { singular: input.memberSingularEn, plural: input.memberPluralEn },
    },
  };
  const asOf = today();
  const version = existing ? existing.version + 1 : 1;
  const built = buildFactSetFromTable(table, description, { id: existing?.id ?? "preview", version, asOf });
  const t = await getTranslations("topics.import");
  if (!built.ok) {
    const problems = built.problems.map((problem) => ({ message: describeTableProblem(problem, locale), row: "row" in problem ? problem.row : null }));
    if (built.invalid) problems.push({ message: t("invalid", { detail: built.invalid }), row: null });
    return { kind: "problems", table, values, problems } satisfies ImportOutcome;
  }

  if (input.intent === "preview") {
    const tTypes = await getTranslations("quiz.types");
    const factSet = built.factSet;
    const previews = previewQuestionTypes(factSet);
    const outcome: ImportOutcome = {
      kind: "preview",
      table,
      values,
      memberCount: factSet.countries.length,
      groupCount: (factSet.groups ?? []).length,
      samples: previews.flatMap((preview) => {
        if (!preview.supported) return [];
        const question = renderQuestion(preview.sample, factSet, locale);
        const options = [...(question.options ?? []), ...(question.left ?? [])].map((option) => option.label);
        return [{ type: preview.type, typeLabel: tTypes(preview.type), prompt: question.prompt, options, correctAnswer: revealQuestion(preview.sample, factSet, locale).correctAnswer }];
      }),
      unsupported: previews.flatMap((preview) => (preview.supported ? [] : [{ type: preview.type, typeLabel: tTypes(preview.type), reason: describeUnsupported(preview.reason, locale) }])),
    };
    return outcome;
  }

  const saved = await saveImportedFactSet(user.id, existing?.id, (target) => {
    const again = buildFactSetFromTable(table, description, { ...target, asOf });
    if (!again.ok) throw new Error("a table valid a moment ago is no longer valid");
    return again.factSet;
  });
  revalidatePath("/");
  redirect(`/topics/import?published=${encodeURIComponent(saved.id)}`);
});

const shareForm = z.object({
  factSetId: z.string().min(1).max(64),
  classIds: z.preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]),
    z.array(z.string().min(1).max(64)).max(200),
  ),
});

/** A teacher shares their own set with exactly the ticked classes (their own; others are not-found). */
export const shareFactSetAction = createAction({ access: "teacher", input: shareForm }, async ({ input, user }) => {
  await setFactSetShares(user.id, input.factSetId, input.classIds);
  revalidatePath("/topics/import");
  return { count: new Set(input.classIds).size };
});

