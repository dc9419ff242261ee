import type { Accession, Country, FactSet, HistoricalEvent } from "./schema";

/**
 * Small pure lookups over a validated fact set, shared by the question generator and the UI.
 * None of them reads the clock: "as of" dates are arguments.
 */

/** A group of accessions that took effect in the same calendar year. */
export interface Wave {
  year: number;
  accessions: Accession[];
}

/** The calendar year in which an accession took effect. */
export function accessionYear(accession: Pick<Accession, "date">): number {
  return Number(accession.date.slice(0, 4));
}

/**
 * The enlargement waves, oldest first. A wave is every accession in one calendar year, so the
 * founders form the first wave; within a wave accessions are ordered by date, then country id.
 */
export function waves(factSet: FactSet): Wave[] {
  const byYear = new Map<number, Accession[]>();
  for (const accession of sortAccessions(factSet.accessions)) {
    const year = accessionYear(accession);
    const wave = byYear.get(year);
    if (wave) wave.push(accession);
    else byYear.set(year, [accession]);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, accessions]) => ({ year, accessions }));
}

/** The countries whose accession is marked `founding`, in data order. */
export function foundingMembers(factSet: FactSet): Country[] {
  return factSet.accessions
    .filter((accession) => accession.founding)
    .map((accession) => countryById(factSet, accession.country))
    .filter((country): country is Country => country !== undefined);
}

/**
 * How many countries were members at the end of `date` (YYYY-MM-DD): an accession that took
 * effect on that very day counts. Nobody has left NATO, so this is a running count.
 */
export function memberCountAsOf(factSet: FactSet, date: string): number {
  return factSet.accessions.filter((accession) => accession.date <= date).length;
}

/** The country with this id, or undefined. */
export function countryById(factSet: FactSet, id: string): Country | undefined {
  return factSet.countries.find((country) => country.id === id);
}

/** The event with this id, or undefined. */
export function eventById(factSet: FactSet, id: string): HistoricalEvent | undefined {
  return factSet.events.find((event) => event.id === id);
}

/** The accession of this country, or undefined if it is not (yet) a member. */
export function accessionOf(factSet: FactSet, countryId: string): Accession | undefined {
  return factSet.accessions.find((accession) => accession.country === countryId);
}

/** Every fact id a question can test: accession ids, then event ids (unique across both). */
export function allFactIds(factSet: FactSet): string[] {
  return [...factSet.accessions.map((a) => a.id), ...factSet.events.map((e) => e.id)];
}

/**
 * The form in which typed answers and aliases are compared: lower case, diacritics stripped
 * ("Türkei" → "turkei"), "ß" → "ss", surrounding and repeated white space removed.
 */
export function normalizeSpelling(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Every spelling accepted for a country or event (names and aliases in all locales),
 * normalised and without duplicates. Validation guarantees no two countries share one.
 */
export function acceptedSpellings(entity: Pick<Country, "name" | "aliases">): string[] {
  const spellings = [entity.name.de, entity.name.en, ...entity.aliases.de, ...entity.aliases.en];
  return [...new Set(spellings.map(normalizeSpelling))];
}

function sortAccessions(accessions: Accession[]): Accession[] {
  return [...accessions].sort((a, b) => a.date.localeCompare(b.date) || a.country.localeCompare(b.country));
}
