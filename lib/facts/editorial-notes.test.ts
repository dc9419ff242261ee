import { describe, expect, it } from "vitest";
import { generateCards } from "../flashcards/cards";
import { renderCard } from "../flashcards/render-card";
import { generateQuestions } from "../questions/generate-questions";
import { revealQuestion } from "../questions/render-question";
import { questionTypes } from "../questions/types";
import { getFactSet } from "./load-fact-sets";
import type { Locale } from "./schema";

/**
 * Notes for the fact set's editors (how the seed text words a fact, why a question asks only
 * the month) live in `editorialNote` and never reach a learner; `note` is what a learner reads.
 */
const editorialPhrases = [
  /Quelltext/,
  /abgefragt/,
  /Fehlübersetzung|holprige Übersetzung/,
  /erwähnt den Beitritt nicht/,
  /\bis asked\b|\bonly the month\b/i,
  /mistranslation|clumsy translation/i,
  /does not mention this accession|gives no year|does not name this summit/i,
];
const locales: Locale[] = ["de", "en"];
const nato = getFactSet("nato");

function expectNoEditorialText(text: string, where: string): void {
  for (const phrase of editorialPhrases) expect(text, where).not.toMatch(phrase);
  for (const fact of [...nato.accessions, ...nato.events]) {
    for (const locale of locales) {
      const editorial = fact.editorialNote?.[locale];
      if (editorial) expect(text, `${where}: editorial note of ${fact.id}`).not.toContain(editorial);
    }
  }
}

describe("editorial notes", () => {
  it("exist in the fact set, apart from the learner notes", () => {
    const withEditorial = [...nato.accessions, ...nato.events].filter((fact) => fact.editorialNote);
    expect(withEditorial.length).toBeGreaterThanOrEqual(10);
    for (const fact of [...nato.accessions, ...nato.events]) {
      for (const locale of locales) if (fact.note) expectNoEditorialText(fact.note[locale], `note of ${fact.id} (${locale})`);
    }
  });

  it("never appear in a question's explanation or source, for every type and fact, in both languages", () => {
    for (const type of questionTypes) {
      for (let seed = 0; seed < 25; seed++) {
        for (const spec of generateQuestions(nato, { seed, count: 3, types: [type] })) {
          for (const locale of locales) {
            const reveal = revealQuestion(spec, nato, locale);
            expectNoEditorialText(reveal.explanation, `${spec.type} ${spec.id} (${locale})`);
            expectNoEditorialText(reveal.quote?.citation ?? "", `${spec.id} citation`);
          }
        }
      }
    }
  });

  it("never appear on a flashcard", () => {
    for (const card of generateCards(nato)) {
      for (const locale of locales) expectNoEditorialText(JSON.stringify(renderCard(card, nato, locale)), `card ${card.id} (${locale})`);
    }
  });

  it("keep the history a learner should learn: the Permanent Joint Council dates from 1997, not 1998 as the source text says", () => {
    const council = nato.events.find((event) => event.id === "nato-russia-pjc");
    expect(council?.note?.de).toMatch(/1997, nicht 1998, wie der Ausgangstext schreibt/);
    expect(council?.note?.en).toMatch(/1997, not 1998 as the source text says/);
  });
});
