import type { HistoricalEvent } from "../../facts/schema";
import { requireEvent, yearOf } from "../fact-index";
import type { OptionRef } from "../types";
import { minSingleOptions, singleOptions } from "./distractors";
import { eventOfSpec } from "./event-wording";
import type { QuestionModule, Subject } from "./module";
import { pickNearest } from "./module";
import { rawEventOf, trueOptionValues } from "./truth-helpers";

const launchable = new Set<HistoricalEvent["kind"]>(["programme", "institution", "declaration", "agreement", "treaty"]);

/**
 * "What was launched at <event>?" The answer is one thing the event launched; distractors
 * are other programmes, institutions, declarations or agreements it did not launch (things
 * other events launched first).
 */
export const eventLaunched: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const launchedSomewhere = new Set(index.factSet.events.flatMap((e) => e.launched));
    return index.factSet.events
      .filter((e) => isAllowed(e.id))
      .flatMap((event) =>
        event.launched
          .filter((id) => isAllowed(id) && index.eventById.has(id))
          .flatMap((launchedId): Subject[] => {
            const own = new Set([event.id, ...event.launched]);
            const candidates = index.factSet.events.filter(
              (e) => !own.has(e.id) && (launchable.has(e.kind) || launchedSomewhere.has(e.id)),
            );
            if (candidates.length < minSingleOptions - 1) return [];
            return [
              {
                key: `${event.id}>${launchedId}`,
                focus: [event.id, launchedId],
                build: (rng) => {
                  const distractors = pickNearest(
                    candidates,
                    singleOptions - 1,
                    // Things of the same year are the likeliest to have been adopted there too, unrecorded.
                    (e) =>
                      (launchedSomewhere.has(e.id) ? 0 : 1) +
                      (yearOf(e.date) === yearOf(event.date) ? 3 : Math.abs(yearOf(e.date) - yearOf(event.date)) / 20),
                    rng,
                  );
                  return {
                    type: "event-launched",
                    kind: "single",
                    factIds: [event.id, launchedId],
                    params: { event: event.id },
                    options: rng.shuffle([launchedId, ...distractors.map((e) => e.id)]).map((id): OptionRef => ({ of: "event", value: id })),
                    answer: launchedId,
                  };
                },
              },
            ];
          }),
      );
  },
  prompt: (spec, index, t) => {
    const event = eventOfSpec(spec, index);
    return t.prompt.eventLaunched(event.name[t.locale], String(yearOf(event.date)));
  },
  explanation: (spec, index, t) => {
    if (spec.kind !== "single") throw new Error(`question ${spec.id}: type ${spec.type} does not fit kind ${spec.kind}`);
    const event = eventOfSpec(spec, index);
    const launched = requireEvent(index, spec.answer);
    return t.explain.launched(event.name[t.locale], t.formatWhen(event), launched.name[t.locale], launched.description[t.locale]);
  },
  truth: (spec, factSet) => trueOptionValues(spec, (value) => rawEventOf(factSet, spec).launched.includes(value)),
};
