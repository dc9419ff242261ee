import { dateSpan, precisionOf } from "../fact-index";
import type { Random } from "../random";
import type { OptionRef } from "../types";
import { accessionSentence, firstAccession, orgNames, termAtAccession } from "./accession-wording";
import { accessionsOf, knownDays, minSingleOptions, rankDistance, singleOptions } from "./distractors";
import type { Draft, QuestionModule } from "./module";
import { pickNearest } from "./module";
import { rawAccessionsOf, trueOptionValues } from "./truth-helpers";

/**
 * "On which day did <country> join?" Only for accessions known to the day; founders are not
 * asked (they signed a treaty, the event types cover that). Distractors are other days the
 * fact base states — accession days and day-precise events — near the answer, never a day on
 * which any membership of the country may have begun.
 */
export const accessionDate: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const days = knownDays(index);
    if (days.length < minSingleOptions) return [];
    return index.factSet.accessions
      .filter((a) => isAllowed(a.id) && !a.founding && precisionOf(a) === "day")
      .map((accession) => ({
        key: accession.id,
        focus: [accession.id],
        build: (rng: Random): Draft => {
          // A rejoin known only to the year covers all its days.
          const ownSpans = accessionsOf(index, accession.country).map((a) => dateSpan(a.date, precisionOf(a)));
          const candidates = days.filter((d) => !ownSpans.some(([first, last]) => d >= first && d <= last));
          const distractors = pickNearest(candidates, singleOptions - 1, (d) => rankDistance(days, d, accession.date), rng, 3);
          return {
            type: "accession-date",
            kind: "single",
            factIds: [accession.id],
            params: { country: accession.country },
            options: rng.shuffle([accession.date, ...distractors]).map((d): OptionRef => ({ of: "date", value: d })),
            answer: accession.date,
          };
        },
      }));
  },
  prompt: (spec, index, t) => t.prompt.accessionDate(termAtAccession(firstAccession(spec, index), index, t), orgNames(index, t)),
  explanation: (spec, index, t) => accessionSentence(firstAccession(spec, index), index, t),
  truth: (spec, factSet) => {
    // A day is true when a membership of the country may have begun on it, at the precision its date is known.
    const spans = rawAccessionsOf(factSet, spec.params.country ?? "").map((a) => {
      const precision = a.precision ?? "day";
      const prefix = precision === "year" ? a.date.slice(0, 4) : precision === "month" ? a.date.slice(0, 7) : a.date;
      return prefix;
    });
    return trueOptionValues(spec, (value) => spans.some((prefix) => value.startsWith(prefix)));
  },
  checks: (spec, factSet) => {
    const realDays = new Set([...factSet.accessions.map((a) => a.date), ...factSet.events.map((e) => e.date)]);
    return spec.kind === "single" ? spec.options.filter((o) => !realDays.has(o.value)).map((o) => `${o.value} is no date of the fact set`) : [];
  },
};
