import type { Random } from "../random";
import { accessionYearsOf, yearOf } from "../fact-index";
import { accessionSentence, countryWithYear, firstAccession, orgNames } from "./accession-wording";
import { countriesWithAccession, countryOption, minSingleOptions, rankCountries, singleOptions } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { paramOf } from "./module";
import { deNoun, enNoun, type OrgNames } from "../templates";
import { joinedIn, trueOptionValues } from "./truth-helpers";

/**
 * "Which of these countries joined in <year>?" Exactly one option joined that year; the
 * distractors joined in other years, preferring neighbouring waves and the same region or group.
 */
export const countryByYear: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) =>
    index.factSet.accessions
      .filter((a) => isAllowed(a.id))
      .flatMap((accession) => {
        const year = yearOf(accession.date);
        const candidates = countriesWithAccession(index).filter((c) => !accessionYearsOf(index, c.id).includes(year));
        if (candidates.length < minSingleOptions - 1) return [];
        const answer = index.countryById.get(accession.country);
        if (!answer) return [];
        return [
          {
            key: accession.id,
            focus: [accession.id],
            build: (rng: Random): Draft => {
              const distractors = rankCountries(index, candidates, [year], [answer], rng, singleOptions - 1);
              return {
                type: "country-by-year",
                kind: "single",
                factIds: [accession.id],
                params: { year: String(year) },
                options: rng.shuffle([answer, ...distractors]).map((c) => countryOption(c.id)),
                answer: answer.id,
              };
            },
          },
        ];
      }),
  prompt: (spec, index, t) => {
    const year = paramOf(spec, "year");
    // Asked as "founding member" only when everyone of that year is a founder.
    const wave = index.waveByYear.get(Number(year)) ?? [];
    const isFoundingYear = wave.length > 0 && wave.every((a) => a.founding);
    return wording[t.locale].prompt(year, isFoundingYear, orgNames(index, t));
  },
  explanation: (spec, index, t) => {
    if (spec.kind !== "single") throw new Error(`question ${spec.id}: type ${spec.type} does not fit kind ${spec.kind}`);
    const others = spec.options.filter((o) => o.value !== spec.answer).map((o) => countryWithYear(o.value, index, t));
    return `${accessionSentence(firstAccession(spec, index), index, t)} ${wording[t.locale].otherYears(t.list(others), orgNames(index, t))}`;
  },
  truth: (spec, factSet) => trueOptionValues(spec, (value) => joinedIn(factSet, value, Number(spec.params.year))),
};

const wording: Wording<{ prompt: (year: string, isFoundingYear: boolean, org: OrgNames) => string; otherYears: (list: string, org: OrgNames) => string }> = {
  de: {
    prompt: (year, isFoundingYear, org) =>
      isFoundingYear
        ? `${deNoun(org).which} dieser ${deNoun(org).pl} ist Gründungsmitglied ${org.dat} (${year})?`
        : `${deNoun(org).which} dieser ${deNoun(org).pl} trat ${org.dat} ${year} bei?`,
    otherYears: (list, org) => `Die übrigen ${deNoun(org).pl} traten in anderen Jahren bei: ${list}.`,
  },
  en: {
    prompt: (year, isFoundingYear, org) =>
      isFoundingYear
        ? `Which of these ${enNoun(org).plural} is a founding member of ${org.name} (${year})?`
        : `Which of these ${enNoun(org).plural} joined ${org.dat} in ${year}?`,
    otherYears: (list) => `The others joined in other years: ${list}.`,
  },
};
