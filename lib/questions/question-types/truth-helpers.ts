import type { Accession, FactSet } from "../../facts/schema";
import type { OptionRef, QuestionSpec } from "../types";

/**
 * The few lookups the truth rules share, over the raw fact set only. Deliberately not the
 * fact index the generator uses: a truth rule recomputes the key independently of it.
 */

export const yearOfDate = (isoDate: string): number => Number(isoDate.slice(0, 4));

export function rawAccessionsOf(factSet: FactSet, countryId: string): Accession[] {
  return factSet.accessions.filter((a) => a.country === countryId);
}

export function joinedIn(factSet: FactSet, countryId: string, year: number): boolean {
  return rawAccessionsOf(factSet, countryId).some((a) => yearOfDate(a.date) === year);
}

export function rawEventOf(factSet: FactSet, spec: QuestionSpec) {
  const event = factSet.events.find((e) => e.id === spec.params.event);
  if (!event) throw new Error(`no event ${spec.params.event}`);
  return event;
}

/** The options of a choice question, or none for other kinds. */
export function choiceOptions(spec: QuestionSpec): OptionRef[] {
  return spec.kind === "single" || spec.kind === "multi" || spec.kind === "map" || spec.kind === "order" ? spec.options : [];
}

/** The values of the options that `isTrue` holds for. */
export function trueOptionValues(spec: QuestionSpec, isTrue: (value: string) => boolean): string[] {
  return choiceOptions(spec)
    .filter((o) => isTrue(o.value))
    .map((o) => o.value);
}
