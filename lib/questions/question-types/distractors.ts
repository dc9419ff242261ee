import type { Accession, Country, HistoricalEvent } from "../../facts/schema";
import { type FactIndex, accessionYearsOf, eventYears, precisionOf, yearOf } from "../fact-index";
import type { Random } from "../random";
import type { OptionRef } from "../types";
import { pickNearest } from "./module";

/**
 * What several question types share when they build a question: the pools of facts they draw
 * from and the rules for plausible distractors. Each rule is stated about the data (waves,
 * regions, named groups, days the fact set states), never about one organisation.
 */

/** The fewest options a single-choice question offers. Types that cannot reach it are skipped. */
export const minSingleOptions = 3;
/** Options of a single-choice question when the fact base has enough distractors. */
export const singleOptions = 4;

/** Distance in "waves": how many distinct accession years lie between two years. */
export function waveDistance(index: FactIndex, a: number, b: number): number {
  const years = index.accessionYears;
  const rank = (year: number) => {
    const exact = years.indexOf(year);
    if (exact >= 0) return exact;
    const after = years.findIndex((y) => y > year);
    return after === -1 ? years.length - 0.5 : after - 0.5;
  };
  return Math.abs(rank(a) - rank(b));
}

/**
 * Plausible wrong countries for a question about the accessions in `years`: countries from
 * neighbouring waves and the same regions as `anchors` (for members without a region: sharing
 * a named group with them) come first. The caller has already
 * removed every country that would be a correct answer.
 */
export function rankCountries(index: FactIndex, candidates: Country[], years: number[], anchors: Country[], rng: Random, n: number): Country[] {
  const regions = new Set(anchors.flatMap((c) => (c.region ? [c.region] : [])));
  const groups = new Set(anchors.flatMap((c) => c.groups ?? []));
  return pickNearest(
    candidates,
    n,
    (candidate) => {
      const distances = accessionYearsOf(index, candidate.id).flatMap((y) => years.map((year) => waveDistance(index, y, year)));
      const waves = distances.length ? Math.min(...distances) : 3;
      // Same part of the world, or, for members without a region (tables), a shared named group: the plausible mix-ups.
      const similar = candidate.region ? regions.has(candidate.region) : (candidate.groups ?? []).some((g) => groups.has(g));
      return waves - (similar ? 1.5 : 0);
    },
    rng,
    2,
  );
}

export function countryOption(id: string): OptionRef {
  return { of: "country", value: id };
}

export function accessionsOf(index: FactIndex, countryId: string): Accession[] {
  return index.accessionsByCountry.get(countryId) ?? [];
}

export function countriesWithAccession(index: FactIndex): Country[] {
  return index.factSet.countries.filter((c) => accessionsOf(index, c.id).length > 0);
}

/** Every date the fact base states to the day: day-precise accession dates and day-precision event dates. */
export function knownDays(index: FactIndex): string[] {
  const days = new Set(index.factSet.accessions.filter((a) => precisionOf(a) === "day").map((a) => a.date));
  for (const event of index.factSet.events) if (event.precision === "day") days.add(event.date);
  return [...days].sort();
}

/** Every year the fact base dates something in. */
export function knownYears(index: FactIndex): number[] {
  const years = new Set(index.accessionYears);
  for (const event of index.factSet.events) for (const year of eventYears(event)) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** The position of `item` in a sorted list, for "near in time" distances between dates. */
export function rankDistance(sorted: readonly string[], a: string, b: string): number {
  return Math.abs(sorted.indexOf(a) - sorted.indexOf(b));
}

/** Values in the order of the options they appear in. */
export function inOptionOrder(options: OptionRef[], values: Set<string>): string[] {
  return options.filter((o) => values.has(o.value)).map((o) => o.value);
}

/**
 * Events tied to this one by `launched`, either way: the summit that adopted a declaration,
 * the programme a summit launched. Their days and years are never distractors for it, since
 * a learner could fairly give the summit's day for the declaration adopted there.
 */
export function linkedEvents(index: FactIndex, event: HistoricalEvent): HistoricalEvent[] {
  return index.factSet.events.filter(
    (other) => other.id !== event.id && (other.launched.includes(event.id) || event.launched.includes(other.id)),
  );
}

/** Accessions of countries that joined once (a country's label must name one accession). */
export function uniqueCountryAccessions(index: FactIndex): Accession[] {
  return index.factSet.accessions.filter((a) => accessionsOf(index, a.country).length === 1);
}

/** `focus` plus accessions from `size - 1` other years, one per year. */
export function pickOnePerYear(pool: Accession[], focus: Accession, size: number, rng: Random): Accession[] {
  const byYear = new Map<number, Accession[]>();
  for (const accession of pool) {
    const year = yearOf(accession.date);
    if (year === yearOf(focus.date)) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), accession]);
  }
  const years = rng.sample([...byYear.keys()], size - 1);
  return [focus, ...years.map((year) => rng.pick(byYear.get(year) ?? []))];
}
