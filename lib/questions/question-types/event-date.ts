import { isDuringEvent } from "../fact-index";
import type { OptionRef } from "../types";
import { knownDays, linkedEvents, minSingleOptions, rankDistance, singleOptions } from "./distractors";
import { eventOfSpec, eventSentence } from "./event-wording";
import type { QuestionModule, Subject } from "./module";
import { pickNearest } from "./module";
import { rawEventOf, trueOptionValues } from "./truth-helpers";

/**
 * "On which day …?" for an event dated to the day. Distractors are other days the fact base
 * states, never a day of the event itself (for a summit, none of its days) nor of an event
 * linked to it by `launched`.
 */
export const eventDate: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const days = knownDays(index);
    return index.factSet.events
      .filter((e) => isAllowed(e.id) && e.precision === "day")
      .flatMap((event): Subject[] => {
        const own = [event, ...linkedEvents(index, event)];
        const candidates = days.filter((d) => !own.some((e) => isDuringEvent(e, d)));
        if (candidates.length < minSingleOptions - 1) return [];
        return [
          {
            key: event.id,
            focus: [event.id],
            build: (rng) => {
              const distractors = pickNearest(candidates, singleOptions - 1, (d) => rankDistance(days, d, event.date), rng, 3);
              return {
                type: "event-date",
                kind: "single",
                factIds: [event.id],
                params: { event: event.id },
                options: rng.shuffle([event.date, ...distractors]).map((d): OptionRef => ({ of: "date", value: d })),
                answer: event.date,
              };
            },
          },
        ];
      });
  },
  prompt: (spec, index, t) => {
    const event = eventOfSpec(spec, index);
    return t.prompt.eventDate(event.datePrompt[t.locale], Boolean(event.endDate && event.endDate !== event.date));
  },
  explanation: (spec, index, t) => eventSentence(eventOfSpec(spec, index), t),
  truth: (spec, factSet) => {
    const event = rawEventOf(factSet, spec);
    return trueOptionValues(spec, (value) => value >= event.date && value <= (event.endDate ?? event.date));
  },
  checks: (spec, factSet) => {
    if (spec.kind !== "single") return [];
    const event = rawEventOf(factSet, spec);
    const problems: string[] = [];
    if (event.precision !== "day") problems.push(`${event.id} is not dated to the day`);
    const realDays = new Set([...factSet.accessions.map((a) => a.date), ...factSet.events.map((e) => e.date)]);
    const linked = factSet.events.filter((e) => e.launched.includes(event.id) || event.launched.includes(e.id));
    for (const o of spec.options) {
      if (!realDays.has(o.value)) problems.push(`${o.value} is no date of the fact set`);
      if (o.value === spec.answer) continue;
      for (const e of linked) if (o.value >= e.date && o.value <= (e.endDate ?? e.date)) problems.push(`${o.value} is a day of the linked ${e.id}`);
    }
    return problems;
  },
};
