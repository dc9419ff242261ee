import { accessionYearsOf, yearOf } from "../fact-index";
import type { OptionRef } from "../types";
import { accessionSentence, firstAccession, orgNames, termAtAccession } from "./accession-wording";
import { minSingleOptions, singleOptions, waveDistance } from "./distractors";
import type { QuestionModule } from "./module";
import { pickNearest } from "./module";
import { rawAccessionsOf, trueOptionValues, yearOfDate } from "./truth-helpers";

/**
 * "In which year did <country> join?" One correct year; the distractors are accession years
 * of other waves near the answer — real years, never one in which the country joined.
 */
export const accessionYear: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    if (index.accessionYears.length < minSingleOptions) return [];
    return index.factSet.accessions
      .filter((a) => isAllowed(a.id))
      .map((accession) => ({
        key: accession.id,
        focus: [accession.id],
        build: (rng) => {
          const year = yearOf(accession.date);
          const ownYears = new Set(accessionYearsOf(index, accession.country));
          const candidates = index.accessionYears.filter((y) => !ownYears.has(y));
          const distractors = pickNearest(candidates, singleOptions - 1, (y) => waveDistance(index, y, year), rng);
          const options = rng.shuffle([year, ...distractors]).map((y): OptionRef => ({ of: "year", value: String(y) }));
          return {
            type: "accession-year",
            kind: "single",
            factIds: [accession.id],
            params: { country: accession.country },
            options,
            answer: String(year),
          };
        },
      }));
  },
  prompt: (spec, index, t) => t.prompt.accessionYear(termAtAccession(firstAccession(spec, index), index, t), orgNames(index, t)),
  explanation: (spec, index, t) => accessionSentence(firstAccession(spec, index), index, t),
  truth: (spec, factSet) => {
    const years = new Set(rawAccessionsOf(factSet, spec.params.country ?? "").map((a) => yearOfDate(a.date)));
    return trueOptionValues(spec, (value) => years.has(Number(value)));
  },
  checks: (spec, factSet) => {
    const realYears = new Set(factSet.accessions.map((a) => String(yearOfDate(a.date))));
    return spec.kind === "single" ? spec.options.filter((o) => !realYears.has(o.value)).map((o) => `${o.value} is no accession year`) : [];
  },
};
