import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { allFactIds, countryById, eventById, foundingMembers, waves } from "../facts/fact-queries";
import type { FactSet, Locale } from "../facts/schema";
import { fixtureFactSet, tinyFactSet } from "../questions/test-fixtures";
import {
  cardCatalog,
  cardId,
  deckRef,
  eventSpan,
  factSetIdOfCard,
  generateCards,
  listDecks,
  parseDeckRef,
  type FlashCard,
} from "./cards";
import { CardFactMismatchError, renderCard } from "./render-card";
import { mulberry32 } from "../questions/random";

const nato = getFactSet("nato");
const factSets: FactSet[] = [nato, fixtureFactSet, tinyFactSet];
const locales: Locale[] = ["de", "en"];

/** A seeded PRNG, so shuffles are reproducible. */
const random = mulberry32;

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** An independent formatter for the expected dates (the renderer must agree with it). */
function longDate(isoDate: string, locale: Locale): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString(locale === "de" ? "de-DE" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

function byKind(cards: FlashCard[], kind: FlashCard["kind"]): FlashCard[] {
  return cards.filter((card) => card.kind === kind);
}

describe.each(factSets.map((factSet) => [factSet.id, factSet] as const))("cards of fact set %s", (_id, factSet) => {
  const cards = generateCards(factSet);

  it("has unique ids of the documented shape, each naming its fact set", () => {
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
    for (const card of cards) {
      expect(card.id).toBe(cardId(factSet.id, card.subject, card.kind));
      expect(factSetIdOfCard(card.id)).toBe(factSet.id);
      expect(card.factSetId).toBe(factSet.id);
    }
  });

  it("is deterministic and does not depend on the order of the data (20 shuffles)", () => {
    expect(generateCards(factSet)).toEqual(cards);
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const shuffled: FactSet = {
        ...factSet,
        countries: shuffle(factSet.countries, next),
        accessions: shuffle(factSet.accessions, next),
        events: shuffle(factSet.events, next),
      };
      const again = generateCards(shuffled);
      expect(again.map((card) => card.id)).toEqual(cards.map((card) => card.id));
      expect(again.map((card) => [...card.factIds].sort())).toEqual(cards.map((card) => [...card.factIds].sort()));
    }
  });

  it("only names facts that exist, and orders cards 0…n-1", () => {
    const known = new Set(allFactIds(factSet));
    for (const card of cards) {
      expect(card.factIds.length).toBeGreaterThan(0);
      for (const factId of card.factIds) expect(known.has(factId), `${card.id} → ${factId}`).toBe(true);
    }
    expect(cards.map((card) => card.order)).toEqual(cards.map((_, index) => index));
  });

  it("never puts two cards with the same answer next to each other while another answer is waiting", () => {
    const answerOf = (card: FlashCard) => renderCard(card, factSet, "en").answer;
    for (let index = 1; index < cards.length; index++) {
      if (answerOf(cards[index]!) !== answerOf(cards[index - 1]!)) continue;
      const rest = cards.slice(index + 1);
      expect(rest.every((card) => answerOf(card) === answerOf(cards[index]!)), `${cards[index - 1]!.id} → ${cards[index]!.id}`).toBe(true);
    }
  });

  it("has one country card per accession, whose back is that accession's date", () => {
    const countryCards = byKind(cards, "country-to-date");
    expect(countryCards.map((card) => card.subject).sort()).toEqual(factSet.accessions.map((a) => a.id).sort());
    for (const card of countryCards) {
      const accession = factSet.accessions.find((a) => a.id === card.subject)!;
      expect(card.factIds).toEqual([accession.id]);
      for (const locale of locales) {
        const rendered = renderCard(card, factSet, locale);
        expect(rendered.front).toBe(countryById(factSet, accession.country)!.name[locale]);
        expect(rendered.answer).toBe(longDate(accession.date, locale));
        expect(rendered.answer).toContain(accession.date.slice(0, 4));
        expect(rendered.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it("has one card per non-founding year listing exactly that year's members", () => {
    const waveCards = byKind(cards, "year-to-countries");
    const laterWaves = waves(factSet).filter((wave) => !wave.accessions.every((a) => a.founding));
    expect(waveCards.map((card) => card.subject).sort()).toEqual(laterWaves.map((wave) => `wave-${wave.year}`).sort());
    for (const wave of laterWaves) {
      const card = waveCards.find((candidate) => candidate.subject === `wave-${wave.year}`)!;
      expect([...card.factIds].sort()).toEqual(wave.accessions.map((a) => a.id).sort());
      for (const locale of locales) {
        const rendered = renderCard(card, factSet, locale);
        expect(rendered.front).toContain(String(wave.year));
        const expected = wave.accessions.map((a) => countryById(factSet, a.country)!.name[locale]).sort();
        // Each item starts with the member's current name (a former name may follow it).
        const listed = rendered.items!.map((item) => expected.find((name) => item === name || item.startsWith(`${name} –`)));
        expect(listed.sort()).toEqual(expected);
        for (const name of expected) expect(rendered.answer).toContain(name);
      }
    }
  });

  it("lists exactly the founding members on the founding card", () => {
    const [card, ...more] = byKind(cards, "founding-members");
    expect(more).toHaveLength(0);
    expect(card).toBeDefined();
    const founders = foundingMembers(factSet);
    for (const locale of locales) {
      expect(renderCard(card!, factSet, locale).items!.slice().sort()).toEqual(founders.map((c) => c.name[locale]).sort());
    }
  });

  it("asks every event for its date, and reverses only events whose date no other event shares", () => {
    const eventCards = byKind(cards, "event-to-date");
    expect(eventCards.map((card) => card.subject).sort()).toEqual(factSet.events.map((e) => e.id).sort());
    for (const card of eventCards) {
      const event = eventById(factSet, card.subject)!;
      for (const locale of locales) {
        const rendered = renderCard(card, factSet, locale);
        expect(rendered.front).toBe(event.datePrompt[locale]);
        expect(rendered.answer).toContain(event.date.slice(0, 4));
        if (event.place) expect(rendered.details.join(" ")).toContain(event.place[locale]);
        expect(rendered.explanation).toContain(event.description[locale]);
      }
    }
    for (const card of byKind(cards, "date-to-event")) {
      const event = eventById(factSet, card.subject)!;
      const span = eventSpan(event);
      const clashes = factSet.events.filter((other) => {
        if (other.id === event.id) return false;
        const otherSpan = eventSpan(other);
        return otherSpan.from <= span.to && span.from <= otherSpan.to;
      });
      expect(clashes.map((e) => e.id)).toEqual([]);
      for (const locale of locales) {
        const rendered = renderCard(card, factSet, locale);
        expect(rendered.answer).toBe(event.name[locale]);
        expect(rendered.front).toContain(event.date.slice(0, 4));
      }
    }
  });

  it("puts every card in the topic deck and slices it into founding, wave and event decks", () => {
    const decks = listDecks(factSet, cards);
    const topic = decks.find((deck) => deck.kind === "topic")!;
    expect(topic.key).toBe(factSet.id);
    expect(topic.cardIds).toHaveLength(cards.length);
    for (const deck of decks.filter((d) => d.kind === "wave")) {
      const wave = waves(factSet).find((candidate) => candidate.year === deck.year)!;
      const expected = [`${factSet.id}:wave-${wave.year}~year-to-countries`, ...wave.accessions.map((a) => `${factSet.id}:${a.id}~country-to-date`)];
      expect([...deck.cardIds].sort()).toEqual(expected.sort());
    }
    const events = decks.find((deck) => deck.kind === "events");
    expect(events?.cardIds.length ?? 0).toBe(cards.filter((card) => card.kind.includes("event")).length);
    for (const deck of decks) expect(parseDeckRef(deckRef(deck))).toEqual({ factSetId: deck.factSetId, key: deck.key });
  });
});

describe("cards of the NATO fact set", () => {
  const { cards, decks } = cardCatalog(nato);

  it("keeps the ids the stored review states refer to", () => {
    expect(cards.map((card) => card.id)).toContain("nato:accession-pl~country-to-date");
    expect(cards.map((card) => card.id)).toContain("nato:wave-2004~year-to-countries");
    expect(cards.map((card) => card.id)).toContain("nato:founding~founding-members");
    expect(cards.map((card) => card.id)).toContain("nato:washington-treaty~event-to-date");
    expect(decks.map((deck) => deckRef(deck))).toEqual(expect.arrayContaining(["nato", "nato:founding", "nato:wave-2004", "nato:events"]));
  });

  it("lists the seven states of 2004 on one card, with their date", () => {
    const card = cards.find((candidate) => candidate.id === "nato:wave-2004~year-to-countries")!;
    const rendered = renderCard(card, nato, "de");
    expect(rendered.items).toEqual(["Bulgarien", "Estland", "Lettland", "Litauen", "Rumänien", "Slowakei", "Slowenien"]);
    expect(rendered.details).toEqual(["Beitritt am 29. März 2004"]);
  });

  it("names West Germany on the back of Germany's card", () => {
    const card = cards.find((candidate) => candidate.id === "nato:accession-de~country-to-date")!;
    expect(renderCard(card, nato, "en")).toMatchObject({ front: "Germany", answer: "6 May 1955" });
    expect(renderCard(card, nato, "en").details[0]).toMatch(/West Germany/);
  });

  it("reverses the treaty's day but not the 1994 events that share a year", () => {
    const reversed = cards.filter((card) => card.kind === "date-to-event").map((card) => card.subject);
    expect(reversed).toContain("washington-treaty");
    expect(reversed).not.toContain("partnership-for-peace");
    expect(reversed).not.toContain("brussels-summit-1994");
    expect(reversed).not.toContain("mediterranean-dialogue");
  });

  it("introduces reverse cards only after every forward card", () => {
    const firstReverse = cards.findIndex((card) => card.kind === "date-to-event");
    expect(cards.slice(firstReverse).every((card) => card.kind === "date-to-event")).toBe(true);
  });

  it("refuses to render a card with another fact set", () => {
    expect(() => renderCard(cards[0]!, fixtureFactSet, "de")).toThrow(CardFactMismatchError);
  });
});
