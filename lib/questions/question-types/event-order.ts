import { eventYears, requireEvent } from "../fact-index";
import type { HistoricalEvent } from "../../facts/schema";
import type { Random } from "../random";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { shuffleAwayFrom } from "./module";

/**
 * "Put these events in order." Four events whose years do not overlap (no two in the same
 * year, so never two on the same day, and an event known only to the year or month still
 * has one place in the order); shown in an order that is not already the answer. Events
 * whose name states a year ("NATO-Gipfel in Madrid 1997") are left out: the label would
 * give their place away.
 */
const size = 4;

export const eventOrder: QuestionModule = {
  kind: "order",
  subjects: ({ index, isAllowed }) => {
    const pool = index.factSet.events.filter((e) => isAllowed(e.id) && !namesAYear(e));
    if (distinctYearCount(pool) < size) return [];
    return pool.map((focus) => ({
      key: focus.id,
      focus: [focus.id],
      build: (rng: Random) => {
        const chosen = pickDisjoint(pool, focus, rng);
        if (!chosen) return null;
        const answer = [...chosen].sort((a, b) => a.date.localeCompare(b.date)).map((e) => e.id);
        return {
          type: "event-order",
          kind: "order",
          factIds: answer,
          params: {},
          options: shuffleAwayFrom(answer, rng).map((id): OptionRef => ({ of: "event", value: id })),
          answer,
        };
      },
    }));
  },
  prompt: (_spec, _index, t) => wording[t.locale].prompt,
  explanation: (spec, index, t) =>
    wording[t.locale].explain(
      spec.factIds.map((id) => {
        const event = requireEvent(index, id);
        return `${event.name[t.locale]} (${t.formatWhen(event)})`;
      }),
    ),
};

function namesAYear(event: HistoricalEvent): boolean {
  return [event.name.de, event.name.en].some((name) => /\b\d{4}\b/.test(name));
}

function distinctYearCount(events: HistoricalEvent[]): number {
  return new Set(events.map((e) => eventYears(e)[0])).size;
}

/** `focus` and `size - 1` others, no two touching a common year. */
function pickDisjoint(pool: HistoricalEvent[], focus: HistoricalEvent, rng: Random): HistoricalEvent[] | null {
  const chosen = [focus];
  const taken = new Set(eventYears(focus));
  for (const event of rng.shuffle(pool)) {
    if (chosen.length === size) break;
    if (eventYears(event).some((y) => taken.has(y))) continue;
    chosen.push(event);
    for (const y of eventYears(event)) taken.add(y);
  }
  return chosen.length === size ? chosen : null;
}

const wording: Wording<{ prompt: string; explain: (items: string[]) => string }> = {
  de: {
    prompt: "Bringe diese Ereignisse in die zeitliche Reihenfolge, das früheste zuerst.",
    explain: (items) => `In zeitlicher Reihenfolge: ${items.join(" → ")}.`,
  },
  en: {
    prompt: "Put these events in chronological order, earliest first.",
    explain: (items) => `In chronological order: ${items.join(" → ")}.`,
  },
};
