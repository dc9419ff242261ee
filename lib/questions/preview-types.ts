import type { FactSet, Locale } from "../facts/schema";
import { generateQuestions } from "./generate-questions";
import { type QuestionSpec, type QuestionType, questionTypes } from "./types";

/**
 * What a fact set supports, for the import preview: one sample question of every type it can
 * ask, and for each type it cannot, the reason in words a teacher can act on ("no groups, so
 * no group questions"). Deterministic for a seed.
 */

export type UnsupportedReason =
  | "no-groups"
  | "groups-not-split"
  | "no-founders"
  | "no-leaves"
  | "no-events"
  | "not-on-map"
  | "no-warsaw-pact"
  | "no-exact-days"
  | "too-few";

export type TypePreview =
  | { type: QuestionType; supported: true; sample: QuestionSpec }
  | { type: QuestionType; supported: false; reason: UnsupportedReason };

const eventTypes = new Set<QuestionType>(["event-year", "event-date", "event-launched", "event-place", "event-order", "summit-invited"]);

/** One entry per question type, in the stable type order. */
export function previewQuestionTypes(factSet: FactSet, seed: string | number = "preview"): TypePreview[] {
  return questionTypes.map((type): TypePreview => {
    const [sample] = generateQuestions(factSet, { seed: `${seed}|${type}`, count: 1, types: [type] });
    if (sample) return { type, supported: true, sample };
    return { type, supported: false, reason: reasonFor(type, factSet) };
  });
}

const supportedCache = new WeakMap<FactSet, QuestionType[]>();

/**
 * The question types `factSet` can ask (those the preview finds a sample for), in the stable
 * type order: what the start form offers, so a topic never lists a type it cannot build.
 * Cached per fact-set object (stored fact sets are loaded once per checksum).
 */
export function supportedQuestionTypes(factSet: FactSet): QuestionType[] {
  let types = supportedCache.get(factSet);
  if (!types) {
    types = previewQuestionTypes(factSet).flatMap((preview) => (preview.supported ? [preview.type] : []));
    supportedCache.set(factSet, types);
  }
  return types;
}

function reasonFor(type: QuestionType, factSet: FactSet): UnsupportedReason {
  if (eventTypes.has(type)) return "no-events";
  if (type === "map-click-wave" || type === "map-name-highlighted") return "not-on-map";
  if (type === "former-warsaw-pact-select") return "no-warsaw-pact";
  // Groups with a question of their own are asked by former-warsaw-pact-select, not here.
  if (type === "group-members-select") return (factSet.groups ?? []).filter((g) => !g.question).length === 0 ? "no-groups" : "groups-not-split";
  if (type === "founding-member-true-false" || type === "founding-members-select") {
    return factSet.accessions.some((a) => a.founding) ? "too-few" : "no-founders";
  }
  if (type === "member-today-true-false") return factSet.accessions.some((a) => a.left) ? "too-few" : "no-leaves";
  if (type === "accession-date" || type === "typed-country" || type === "members-after-round") {
    return factSet.accessions.every((a) => (a.precision ?? "day") !== "day") ? "no-exact-days" : "too-few";
  }
  return "too-few";
}

/** The reason as a sentence for the preview. */
export function describeUnsupported(reason: UnsupportedReason, locale: Locale): string {
  const text: Record<UnsupportedReason, [string, string]> = {
    "no-groups": ["Keine Gruppen, also keine Gruppenfragen.", "No groups, so no group questions."],
    "groups-not-split": [
      "Jede Gruppe braucht mindestens ein Mitglied darin und eines nicht.",
      "Each group needs at least one member in it and one outside.",
    ],
    "no-founders": ["Keine Gründungsmitglieder markiert, also keine Gründungsfragen.", "No founding members marked, so no founding questions."],
    "no-leaves": ["Niemand ist ausgetreten, also keine Frage, wer heute Mitglied ist.", "Nobody has left, so no question on who is a member today."],
    "no-events": ["Eine Tabelle enthält keine Ereignisse.", "A table holds no events."],
    "not-on-map": ["Die Mitglieder sind nicht auf der Karte.", "The members are not on the map."],
    "no-warsaw-pact": ["Nur für die NATO-Daten.", "Only for the NATO data."],
    "no-exact-days": ["Kein Beitritt ist auf den Tag genau bekannt.", "No joining date is known to the day."],
    "too-few": [
      "Zu wenige passende Mitglieder oder Daten für eine eindeutige Antwort.",
      "Too few fitting members or dates for an unambiguous answer.",
    ],
  };
  return text[reason][locale === "de" ? 0 : 1];
}
