import { eventYears, yearOf } from "../fact-index";
import type { OptionRef } from "../types";
import { knownYears, linkedEvents, minSingleOptions, singleOptions } from "./distractors";
import { eventOfSpec, eventSentence } from "./event-wording";
import type { QuestionModule, Subject } from "./module";
import { pickNearest } from "./module";
import { rawEventOf, trueOptionValues, yearOfDate } from "./truth-helpers";

/**
 * "In which year …?" for an event. Distractors are other years the fact base dates something
 * in, near the answer, excluding every year the event (or an event linked to it by
 * `launched`) touches. Skipped when the prompt itself states the year.
 */
export const eventYear: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const years = knownYears(index);
    return index.factSet.events
      .filter((e) => isAllowed(e.id))
      .flatMap((event): Subject[] => {
        const year = yearOf(event.date);
        const own = new Set([event, ...linkedEvents(index, event)].flatMap(eventYears));
        const candidates = years.filter((y) => !own.has(y));
        if (candidates.length < minSingleOptions - 1) return [];
        if ([event.datePrompt.de, event.datePrompt.en].some((p) => p.includes(String(year)))) return [];
        return [
          {
            key: event.id,
            focus: [event.id],
            build: (rng) => {
              const distractors = pickNearest(candidates, singleOptions - 1, (y) => Math.abs(y - year) / 4, rng);
              return {
                type: "event-year",
                kind: "single",
                factIds: [event.id],
                params: { event: event.id },
                options: rng.shuffle([year, ...distractors]).map((y): OptionRef => ({ of: "year", value: String(y) })),
                answer: String(year),
              };
            },
          },
        ];
      });
  },
  prompt: (spec, index, t) => t.prompt.eventYear(eventOfSpec(spec, index).datePrompt[t.locale]),
  explanation: (spec, index, t) => eventSentence(eventOfSpec(spec, index), t),
  truth: (spec, factSet) => {
    const event = rawEventOf(factSet, spec);
    const [first, last] = [yearOfDate(event.date), yearOfDate(event.endDate ?? event.date)];
    return trueOptionValues(spec, (value) => Number(value) >= first && Number(value) <= last);
  },
};
