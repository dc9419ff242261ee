import { placeKey } from "../fact-index";
import type { OptionRef } from "../types";
import { minSingleOptions, singleOptions } from "./distractors";
import { eventOfSpec, eventSentence } from "./event-wording";
import type { QuestionModule, Subject } from "./module";
import { rawEventOf, trueOptionValues } from "./truth-helpers";

/**
 * "Where did <event> take place?" Distractors are other places events of the fact base took
 * place (places are keyed, so "Washington" and "Washington, D.C." are one). Skipped when the
 * event's name or prompt already names the place.
 */
export const eventPlace: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    const places = [...index.eventByPlaceKey.keys()];
    return index.factSet.events
      .filter((e) => isAllowed(e.id) && e.place)
      .flatMap((event): Subject[] => {
        const place = event.place;
        if (!place) return [];
        const answer = placeKey(place);
        const candidates = places.filter((p) => p !== answer);
        if (candidates.length < minSingleOptions - 1) return [];
        const texts = [event.name.de, event.name.en, ...event.aliases.de, ...event.aliases.en, event.datePrompt.de, event.datePrompt.en];
        if (texts.some((text) => mentionsPlace(text, place))) return [];
        return [
          {
            key: event.id,
            focus: [event.id],
            build: (rng) => ({
              type: "event-place",
              kind: "single",
              factIds: [event.id],
              params: { event: event.id },
              options: rng
                .shuffle([answer, ...rng.sample(candidates, singleOptions - 1)])
                .map((p): OptionRef => ({ of: "place", value: p })),
              answer,
            }),
          },
        ];
      });
  },
  prompt: (spec, index, t) => {
    const event = eventOfSpec(spec, index);
    return t.prompt.eventPlace(event.datePrompt[t.locale], event.name[t.locale]);
  },
  explanation: (spec, index, t) => eventSentence(eventOfSpec(spec, index), t),
  truth: (spec, factSet) => {
    const place = rawEventOf(factSet, spec).place;
    return place ? trueOptionValues(spec, (value) => value === placeKeyOf(place.en)) : [];
  },
};

/** Independent of `placeKey`: the option key an English place name gets. */
function placeKeyOf(en: string): string {
  return (en.split(",")[0] ?? en)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Whether the text names the place or a part of it ("Washington" of "Washington, D.C.",
 * "Island" of "Reykjavík (Island)", "Kehl" of "Straßburg und Kehl").
 */
function mentionsPlace(text: string, place: { de: string; en: string }): boolean {
  const lower = text.toLocaleLowerCase();
  return [place.de, place.en].some((name) =>
    name
      .split(/[,()/]|\s+(?:und|and)\s+/)
      .map((part) => part.trim().toLocaleLowerCase())
      .some((part) => part.length >= 3 && lower.includes(part)),
  );
}
