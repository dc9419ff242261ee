import { requireAccession, yearOf } from "../fact-index";
import type { Random } from "../random";
import { deNoun, enNoun, type OrgNames } from "../templates";
import { countryInText, dateAtPrecision, orgNames } from "./accession-wording";
import { countryOption, pickOnePerYear, uniqueCountryAccessions } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { rawAccessionsOf, yearOfDate } from "./truth-helpers";

/**
 * "Put these accessions in order." Four or five countries that joined once each, in
 * different years, so exactly one order is right whatever the precision of their dates.
 * Shown in a uniformly random order, which may by chance be the answer: ruling that order
 * out would tell the learner something.
 */
export const accessionOrder: QuestionModule = {
  kind: "order",
  subjects: ({ index, isAllowed }) => {
    const pool = uniqueCountryAccessions(index).filter((a) => isAllowed(a.id));
    const years = new Set(pool.map((a) => yearOf(a.date)));
    if (years.size < 4) return [];
    return pool.map((focus) => ({
      key: focus.id,
      focus: [focus.id],
      build: (rng: Random): Draft => {
        const size = Math.min(years.size, 4 + rng.int(2));
        const chosen = pickOnePerYear(pool, focus, size, rng).sort((a, b) => a.date.localeCompare(b.date));
        const answer = chosen.map((a) => a.country);
        return {
          type: "accession-order",
          kind: "order",
          factIds: chosen.map((a) => a.id),
          params: {},
          options: rng.shuffle(answer).map(countryOption),
          answer,
        };
      },
    }));
  },
  prompt: (_spec, index, t) => wording[t.locale].prompt(orgNames(index, t)),
  explanation: (spec, index, t) =>
    wording[t.locale].explain(
      spec.factIds.map((id) => {
        const accession = requireAccession(index, id);
        return `${countryInText(accession.country, index, t)} (${dateAtPrecision(accession, t)})`;
      }),
    ),
  truth: (spec, factSet) => {
    if (spec.kind !== "order") return null;
    const dated = spec.options.map((o) => ({ id: o.value, accessions: rawAccessionsOf(factSet, o.value) }));
    // One accession each, in distinct years: then the order holds at any precision.
    if (dated.some((d) => d.accessions.length !== 1)) return null;
    const years = dated.map((d) => yearOfDate(d.accessions[0]?.date ?? ""));
    if (new Set(years).size !== years.length) return null;
    return dated.sort((a, b) => (a.accessions[0]?.date ?? "").localeCompare(b.accessions[0]?.date ?? "")).map((d) => d.id);
  },
  checks: (spec) => (spec.kind === "order" && spec.options.length >= 4 && spec.options.length <= 5 ? [] : ["an accession order has 4 or 5 items"]),
};

const wording: Wording<{ prompt: (org: OrgNames) => string; explain: (items: string[]) => string }> = {
  de: {
    prompt: (org) => `In welcher Reihenfolge traten diese ${deNoun(org).pl} ${org.dat} bei? Ordne sie vom frühesten zum spätesten Beitritt.`,
    explain: (items) => `Die Beitritte in zeitlicher Reihenfolge: ${items.join(" → ")}.`,
  },
  en: {
    prompt: (org) => `In which order did these ${enNoun(org).plural} join ${org.dat}? Arrange them from earliest to latest.`,
    explain: (items) => `The accessions in chronological order: ${items.join(" → ")}.`,
  },
};
