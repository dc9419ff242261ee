import type { Locale, LocalizedText } from "@/lib/facts/schema";
import type { DeckKind } from "@/lib/flashcards/cards";

/** The part of a `flashcards.decks` translator that names decks (server or client). */
type DeckTranslator = (key: "topicTitle" | "founding" | "wave" | "events", values?: Record<string, string | number>) => string;

/** A deck's name in the learner's language: "Geschichte der NATO: alle Karten", "Erweiterung 2004", … */
export function deckName(
  t: DeckTranslator,
  deck: { kind: DeckKind; year?: number; topicTitle: LocalizedText },
  locale: Locale,
): string {
  switch (deck.kind) {
    case "topic":
      return t("topicTitle", { title: deck.topicTitle[locale] });
    case "founding":
      return t("founding");
    case "wave":
      return t("wave", { year: String(deck.year ?? "") });
    case "events":
      return t("events");
  }
}
