import { requireAccession, yearOf } from "../fact-index";
import type { Random } from "../random";
import { deNoun, enNoun, type OrgNames } from "../templates";
import type { OptionRef } from "../types";
import { countryName, orgNames } from "./accession-wording";
import { countryOption, pickOnePerYear, uniqueCountryAccessions } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { rawAccessionsOf, yearOfDate } from "./truth-helpers";

/** "Match countries to accession years." Three or four countries that joined once each, each in a different year. */
export const matchCountryYear: QuestionModule = {
  kind: "match",
  subjects: ({ index, isAllowed }) => {
    const pool = uniqueCountryAccessions(index).filter((a) => isAllowed(a.id));
    const years = new Set(pool.map((a) => yearOf(a.date)));
    if (years.size < 3) return [];
    return pool.map((focus) => ({
      key: focus.id,
      focus: [focus.id],
      build: (rng: Random): Draft => {
        const size = Math.min(years.size, 3 + rng.int(2));
        const chosen = pickOnePerYear(pool, focus, size, rng).sort((a, b) => a.date.localeCompare(b.date));
        const left = rng.shuffle(chosen).map((a) => countryOption(a.country));
        const right = rng
          .shuffle(left.map((o) => String(yearOf(chosen.find((a) => a.country === o.value)?.date ?? ""))))
          .map((year): OptionRef => ({ of: "year", value: year }));
        return {
          type: "match-country-year",
          kind: "match",
          factIds: chosen.map((a) => a.id),
          params: {},
          left,
          right,
          answer: Object.fromEntries(chosen.map((a) => [a.country, String(yearOf(a.date))])),
        };
      },
    }));
  },
  prompt: (_spec, index, t) => wording[t.locale].prompt(orgNames(index, t)),
  explanation: (spec, index, t) =>
    wording[t.locale].explain(
      spec.factIds.map((id) => {
        const accession = requireAccession(index, id);
        return t.pair(countryName(accession.country, index, t), String(yearOf(accession.date)));
      }),
    ),
  truth: (spec, factSet) => {
    if (spec.kind !== "match") return null;
    const pairs = spec.left.map((o) => {
      const accessions = rawAccessionsOf(factSet, o.value);
      return accessions.length === 1 ? [o.value, String(yearOfDate(accessions[0]?.date ?? ""))] : null;
    });
    if (pairs.some((p) => p === null)) return null;
    const years = pairs.map((p) => p?.[1] ?? "");
    // Distinct years, and exactly those on the right: one pairing fits.
    if (new Set(years).size !== years.length) return null;
    if ([...years].sort().join() !== spec.right.map((o) => o.value).sort().join()) return null;
    return Object.fromEntries(pairs as [string, string][]);
  },
  checks: (spec) => (spec.kind === "match" && spec.left.length >= 3 && spec.left.length <= 4 ? [] : ["a match has 3 or 4 pairs"]),
};

const wording: Wording<{ prompt: (org: OrgNames) => string; explain: (pairs: string[]) => string }> = {
  de: {
    prompt: (org) => `Ordne ${deNoun(org).eachDat} ${deNoun(org).sg} das Jahr zu, in dem ${deNoun(org).pronoun} ${org.dat} beitrat.`,
    explain: (pairs) => `Beitrittsjahre: ${pairs.join(", ")}.`,
  },
  en: {
    prompt: (org) => `Match each ${enNoun(org).singular} to the year it joined ${org.dat}.`,
    explain: (pairs) => `Accession years: ${pairs.join(", ")}.`,
  },
};
