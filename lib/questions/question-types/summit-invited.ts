import { accessionYearsOf, requireEvent, yearOf } from "../fact-index";
import type { Country } from "../../facts/schema";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { paramOf, pickNearest } from "./module";

/**
 * "Which countries were invited to join at <event>? Select all." For events whose `invited`
 * list the fact set states (Madrid 1997). Every invited country is an option; the
 * distractors are members that were not invited there, those that joined nearest in time
 * first (Slovenia and Romania were discussed at Madrid but not invited). The event's own
 * prompt must not name the invited countries, so the question uses the event's name only.
 */
export const summitInvited: QuestionModule = {
  kind: "multi",
  subjects: ({ index, isAllowed }) =>
    index.factSet.events
      .filter((e) => e.invited.length > 0 && isAllowed(e.id))
      .flatMap((event) => {
        const invited = new Set(event.invited);
        const candidates = index.factSet.countries.filter((c) => !invited.has(c.id) && accessionYearsOf(index, c.id).length > 0);
        if (candidates.length < 2) return [];
        const eventYear = yearOf(event.date);
        return [
          {
            key: event.id,
            focus: [event.id],
            build: (rng) => {
              const distractors = pickNearest<Country>(
                candidates,
                Math.min(candidates.length, Math.max(2, 6 - invited.size)),
                (c) => Math.min(...accessionYearsOf(index, c.id).map((y) => Math.abs(y - eventYear))) / 3,
                rng,
                2,
              );
              const options = rng.shuffle([...event.invited, ...distractors.map((c) => c.id)]).map((id): OptionRef => ({ of: "country", value: id }));
              return {
                type: "summit-invited",
                kind: "multi",
                factIds: [event.id],
                params: { event: event.id },
                options,
                answer: options.filter((o) => invited.has(o.value)).map((o) => o.value),
              };
            },
          },
        ];
      }),
  prompt: (spec, index, t) => wording[t.locale].prompt(requireEvent(index, paramOf(spec, "event")).name[t.locale]),
  explanation: (spec, index, t) => {
    const event = requireEvent(index, paramOf(spec, "event"));
    const names = event.invited.map((id) => t.term(index.countryById.get(id)?.name[t.locale] ?? id).nom);
    return `${wording[t.locale].explain(event.name[t.locale], t.formatWhen(event), t.list(names))} ${event.description[t.locale]}`;
  },
};

const wording: Wording<{ prompt: (event: string) => string; explain: (event: string, when: string, names: string) => string }> = {
  de: {
    prompt: (event) => `Welche Länder wurden beim ${event} zu Beitrittsgesprächen eingeladen? Wähle alle zutreffenden aus.`,
    explain: (event, when, names) => `Beim ${event} (${when}) eingeladen: ${names}.`,
  },
  en: {
    prompt: (event) => `Which countries were invited to begin accession talks at the ${event}? Select all that apply.`,
    explain: (event, when, names) => `Invited at the ${event} (${when}): ${names}.`,
  },
};
