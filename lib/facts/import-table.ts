import { type MemberNoun, defaultMemberNoun, toFactSet } from "./membership";
import { type TableProblem, parseMembershipTable } from "./parse-membership-table";
import type { FactSet, LocalizedText } from "./schema";
import { InvalidFactSetError } from "./validate-fact-set";

/**
 * A membership table and what the importing person says about it, turned into a fact set:
 * the one pipeline behind the import page (parse, then toFactSet), so the preview and the
 * stored set are built by the same code from the same input.
 */

/** What the import form asks besides the table. English repeats the name where German declines it. */
export interface TableImportDescription {
  title: LocalizedText;
  organization: { nominativeDe: string; dativeDe: string; nameEn: string };
  memberNoun?: MemberNoun;
}

export type TableImportResult =
  | { ok: true; factSet: FactSet }
  /** `problems` by row and column; `invalid` when the table parsed but the fact set broke a rule. */
  | { ok: false; problems: TableProblem[]; invalid?: string };

/**
 * The fact set for `table`, with the given id and version, complete as of `asOf` (YYYY-MM-DD:
 * no date in the table may lie after it). Never throws for bad input: every problem is returned.
 */
export function buildFactSetFromTable(
  table: string,
  description: TableImportDescription,
  target: { id: string; version: number; asOf: string },
): TableImportResult {
  const parsed = parseMembershipTable(table, { asOf: target.asOf });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { nominativeDe, dativeDe, nameEn } = description.organization;
  try {
    const factSet = toFactSet(parsed.membership, {
      id: target.id,
      version: target.version,
      title: description.title,
      organization: { name: { de: nominativeDe, en: nameEn }, dative: { de: dativeDe, en: nameEn } },
      memberNoun: description.memberNoun ?? defaultMemberNoun,
      asOf: target.asOf,
    });
    return { ok: true, factSet };
  } catch (error) {
    if (error instanceof InvalidFactSetError) return { ok: false, problems: [], invalid: error.message };
    throw error;
  }
}

/** What the form fields of a stored set were, to fill the re-import form. */
export function describeStoredFactSet(factSet: FactSet): TableImportDescription {
  return {
    title: factSet.title,
    organization: { nominativeDe: factSet.organization.name.de, dativeDe: factSet.organization.dative.de, nameEn: factSet.organization.name.en },
    memberNoun: factSet.memberNoun ?? defaultMemberNoun,
  };
}
