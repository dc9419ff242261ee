import type { Accession } from "../../facts/schema";
import { type FactIndex, precisionOf, requireAccession, requireCountry, yearOf } from "../fact-index";
import type { OrgNames, Templates, Term } from "../templates";
import type { QuestionSpec } from "../types";

/**
 * How several question types state accessions in prompts and explanations: the name a member
 * had when it joined, the accession as a sentence (with the others of its day, or its being
 * the only one that year), dates at their precision.
 */

export function orgNames(index: FactIndex, t: Templates): OrgNames {
  const { organization } = index.factSet;
  return { name: organization.name[t.locale], dat: organization.dative[t.locale], noun: index.factSet.memberNoun };
}

/** The country as it was called when the accession took effect ("Bundesrepublik Deutschland" in 1955). */
export function nameAtAccession(accession: Accession, index: FactIndex, t: Templates): string {
  return accession.nameAtAccession?.[t.locale] ?? requireCountry(index, accession.country).name[t.locale];
}

export function termAtAccession(accession: Accession, index: FactIndex, t: Templates): Term {
  return t.term(nameAtAccession(accession, index, t));
}

/** The accession a single-fact question is about (its first fact id). */
export function firstAccession(spec: QuestionSpec, index: FactIndex): Accession {
  const [id] = spec.factIds;
  return requireAccession(index, id ?? "");
}

/** The accession stated as a sentence, with the others of its day or its being alone that year. */
export function accessionSentence(accession: Accession, index: FactIndex, t: Templates): string {
  const current = requireCountry(index, accession.country).name[t.locale];
  const atAccession = nameAtAccession(accession, index, t);
  const together = byName(
    (index.accessionsByDate.get(accession.date) ?? []).filter((other) => other.id !== accession.id),
    index,
    t,
  ).map((other) => termAtAccession(other, index, t));
  const sentence = t.explain.accession({
    country: t.term(atAccession),
    // "Bundesrepublik Deutschland (Westdeutschland)" already names today's Germany.
    today: atAccession.includes(current) ? undefined : current,
    when: whenOf(accession, t),
    foundingSigned: index.factSet.foundingDate !== "joined",
    left: accession.left ? t.atTime({ date: accession.left, precision: accession.leftPrecision ?? "day" }) : undefined,
    founding: accession.founding,
    together: accession.founding ? [] : together,
    isOnlyOneThatYear: (index.waveByYear.get(yearOf(accession.date)) ?? []).length === 1,
    org: orgNames(index, t),
  });
  return withNote(sentence, accession.note?.[t.locale]);
}

/** The accession date at its precision, for a sentence ("am 1. Mai 2004", "im Jahr 1973"). */
export function whenOf(accession: Accession, t: Templates): string {
  return t.atTime({ date: accession.date, precision: precisionOf(accession) });
}

/** The founders' date at its precision, for a sentence. */
export function foundingWhen(index: FactIndex, t: Templates): string {
  const founder = index.factSet.accessions.find((a) => a.founding && a.date === index.foundingDate);
  return founder ? whenOf(founder, t) : "";
}

/** The accession date at its precision, without a preposition ("1. Mai 2004", "Mai 2004", "2004"). */
export function dateAtPrecision(accession: Accession, t: Templates): string {
  return t.formatWhen({ date: accession.date, precision: precisionOf(accession) });
}

/** Accessions sorted by the country's name in the locale, for lists a person reads. */
export function byName(accessions: Accession[], index: FactIndex, t: Templates): Accession[] {
  const collator = new Intl.Collator(t.locale);
  return [...accessions].sort((a, b) => collator.compare(nameAtAccession(a, index, t), nameAtAccession(b, index, t)));
}

export function withNote(sentence: string, note: string | undefined): string {
  return note ? `${sentence} ${note}` : sentence;
}

export function countryName(countryId: string, index: FactIndex, t: Templates): string {
  return requireCountry(index, countryId).name[t.locale];
}

/** A country as it reads inside a sentence or list ("die Slowakei", "the Netherlands"). */
export function countryInText(countryId: string, index: FactIndex, t: Templates): string {
  return t.term(countryName(countryId, index, t)).nom;
}

/** "Spanien (1982)": a country with the year(s) of its accession. */
export function countryWithYear(countryId: string, index: FactIndex, t: Templates): string {
  const years = (index.accessionsByCountry.get(countryId) ?? []).map((a) => String(yearOf(a.date)));
  const name = countryInText(countryId, index, t);
  return years.length ? `${name} (${years.join(", ")})` : name;
}
