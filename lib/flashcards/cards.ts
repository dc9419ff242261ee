import { waves } from "../facts/fact-queries";
import type { FactSet, HistoricalEvent } from "../facts/schema";

/**
 * Flashcards generated from a fact set. A card is plain, serialisable data (which facts, which
 * direction, which decks); its text is produced per locale by `renderCard` in render-card.ts,
 * so the same card can be shown in German or English and a corrected fact corrects its card.
 */

/** What a card asks, and in which direction. */
export type CardKind =
  /** A member state → the year and day it joined. */
  | "country-to-date"
  /** A year → every state that joined in it (one card listing them all). */
  | "year-to-countries"
  /** The founding members, all on one card. */
  | "founding-members"
  /** An event → its date (at the precision the fact set vouches for) and place. */
  | "event-to-date"
  /** A date → the event; only where no other event shares the date. */
  | "date-to-event";

export const cardKinds: readonly CardKind[] = [
  "country-to-date",
  "year-to-countries",
  "founding-members",
  "event-to-date",
  "date-to-event",
];

export interface FlashCard {
  /**
   * Stable across runs and fact set versions: `<factSetId>:<subject>~<kind>`, e.g.
   * `nato:accession-pl~country-to-date`. CardState is keyed by it, so it must never depend on
   * data order, and the fact set prefix keeps two topics' cards apart.
   */
  id: string;
  factSetId: string;
  kind: CardKind;
  /** What the card is about: an accession or event id, `wave-<year>` or `founding`. */
  subject: string;
  /** Every fact the card tests (accession and event ids): a review is evidence for each. */
  factIds: string[];
  /** Keys of the decks the card belongs to, within its fact set (see DeckKind). */
  decks: string[];
  /** Position in the order in which new cards are introduced (chronological, reverse cards last). */
  order: number;
}

/** A topic deck holds every card of a fact set; the others are slices of it. */
export type DeckKind = "topic" | "founding" | "wave" | "events";

export interface Deck {
  /** `nato` (the topic: same as the fact set id), `founding`, `wave-2004`, `events`. */
  key: string;
  factSetId: string;
  kind: DeckKind;
  /** The year, for a wave deck. */
  year?: number;
  /** Card ids in introduction order. */
  cardIds: string[];
}

export const foundingDeckKey = "founding";
export const eventsDeckKey = "events";

/** `wave-2004`: the deck of the accessions of one year. */
export function waveDeckKey(year: number): string {
  return `wave-${year}`;
}

/** The card id for a subject and kind in a fact set. */
export function cardId(factSetId: string, subject: string, kind: CardKind): string {
  return `${factSetId}:${subject}~${kind}`;
}

/** The fact set a card id belongs to (the part before the first colon), or undefined if malformed. */
export function factSetIdOfCard(id: string): string | undefined {
  const match = /^([a-z0-9-]+):[a-z0-9-]+~[a-z-]+$/.exec(id);
  return match?.[1];
}

/**
 * How a deck is named in a URL (`?deck=…`): the fact set id alone for its topic deck
 * (`nato`), else `<factSetId>:<key>` (`nato:wave-2004`), so deck keys of two topics never clash.
 */
export function deckRef(deck: Pick<Deck, "factSetId" | "key">): string {
  return deck.key === deck.factSetId ? deck.factSetId : `${deck.factSetId}:${deck.key}`;
}

/** Inverse of `deckRef`; undefined for anything that is not shaped like a deck reference. */
export function parseDeckRef(ref: string): { factSetId: string; key: string } | undefined {
  const match = /^([a-z0-9-]+)(?::([a-z0-9-]+))?$/.exec(ref);
  if (!match) return undefined;
  const factSetId = match[1]!;
  return { factSetId, key: match[2] ?? factSetId };
}

/** The kinds in the order a learner meets them for the same date: overview before detail. */
const kindRank: Record<CardKind, number> = {
  "founding-members": 0,
  "year-to-countries": 1,
  "country-to-date": 2,
  "event-to-date": 3,
  "date-to-event": 4,
};

interface Draft extends Omit<FlashCard, "order"> {
  sortDate: string;
}

/**
 * Every card of a fact set, in introduction order. The rules:
 * - one `country-to-date` card per accession;
 * - one card per enlargement year listing all of that year's states (`year-to-countries`),
 *   except the founding year, whose states are the `founding-members` card instead (the same
 *   answer twice would be learnt as one card anyway);
 * - one `event-to-date` card per event, and a reverse `date-to-event` card only where the
 *   event's date span overlaps no other event's (see `unambiguousEventIds`);
 * - cards come in chronological order, but two cards with the same answer follow each other only
 *   when nothing else is left (`spreadSameAnswers`);
 * - ids are unique; the result depends only on the fact set (no clock, no randomness).
 */
export function generateCards(factSet: FactSet): FlashCard[] {
  const drafts: Draft[] = [];
  const foundingWaveYears = new Set<number>();
  const founders = factSet.accessions.filter((accession) => accession.founding);

  for (const wave of waves(factSet)) {
    const isFoundingWave = wave.accessions.every((accession) => accession.founding);
    if (isFoundingWave) foundingWaveYears.add(wave.year);
    else {
      drafts.push({
        id: cardId(factSet.id, waveDeckKey(wave.year), "year-to-countries"),
        factSetId: factSet.id,
        kind: "year-to-countries",
        subject: waveDeckKey(wave.year),
        factIds: wave.accessions.map((accession) => accession.id),
        decks: [factSet.id, waveDeckKey(wave.year)],
        sortDate: wave.accessions[0]!.date,
      });
    }
    for (const accession of wave.accessions) {
      const decks = [factSet.id, accession.founding ? foundingDeckKey : waveDeckKey(wave.year)];
      // A founder that is not part of an all-founding year (not the case for NATO) is in both.
      if (accession.founding && !isFoundingWave) decks.push(waveDeckKey(wave.year));
      drafts.push({
        id: cardId(factSet.id, accession.id, "country-to-date"),
        factSetId: factSet.id,
        kind: "country-to-date",
        subject: accession.id,
        factIds: [accession.id],
        decks,
        sortDate: accession.date,
      });
    }
  }

  if (founders.length > 0) {
    drafts.push({
      id: cardId(factSet.id, foundingDeckKey, "founding-members"),
      factSetId: factSet.id,
      kind: "founding-members",
      subject: foundingDeckKey,
      factIds: founders.map((accession) => accession.id),
      decks: [factSet.id, foundingDeckKey],
      sortDate: founders.map((accession) => accession.date).sort()[0]!,
    });
  }

  const reversible = unambiguousEventIds(factSet.events);
  for (const event of factSet.events) {
    drafts.push({
      id: cardId(factSet.id, event.id, "event-to-date"),
      factSetId: factSet.id,
      kind: "event-to-date",
      subject: event.id,
      factIds: [event.id],
      decks: [factSet.id, eventsDeckKey],
      sortDate: event.date,
    });
    if (reversible.has(event.id)) {
      drafts.push({
        id: cardId(factSet.id, event.id, "date-to-event"),
        factSetId: factSet.id,
        kind: "date-to-event",
        subject: event.id,
        factIds: [event.id],
        decks: [factSet.id, eventsDeckKey],
        sortDate: event.date,
      });
    }
  }

  // Reverse cards come after every forward card, so a learner never meets both directions of
  // one fact as new cards in the same sitting.
  const isReverse = (draft: Draft) => (draft.kind === "date-to-event" ? 1 : 0);
  drafts.sort(
    (a, b) =>
      isReverse(a) - isReverse(b) ||
      a.sortDate.localeCompare(b.sortDate) ||
      kindRank[a.kind] - kindRank[b.kind] ||
      a.id.localeCompare(b.id),
  );
  return spreadSameAnswers(drafts).map(({ sortDate: _sortDate, ...card }, order) => ({ ...card, order }));
}

/** What a card's back says, as far as order matters: country and event cards of one date share their back. */
function answerKey(draft: Draft): string {
  return draft.kind === "country-to-date" || draft.kind === "event-to-date" ? `date:${draft.sortDate}` : draft.id;
}

/**
 * Keeps the chronological order, except that a card never follows one with the same answer
 * while a card with another answer is still waiting: twelve founders in a row, all "4 April
 * 1949", would be learnt as one card. The next card is the earliest waiting one whose answer
 * differs from the last card's; only when none is left do equal answers follow each other.
 */
function spreadSameAnswers(sorted: Draft[]): Draft[] {
  const waiting = [...sorted];
  const result: Draft[] = [];
  while (waiting.length > 0) {
    const last = result.at(-1);
    const index = last ? waiting.findIndex((draft) => answerKey(draft) !== answerKey(last)) : 0;
    result.push(waiting.splice(Math.max(index, 0), 1)[0]!);
  }
  return result;
}

/**
 * The decks of a fact set: the topic (every card), the founding members, one per enlargement
 * year, and the events. Decks without cards are left out.
 */
export function listDecks(factSet: FactSet, cards: FlashCard[] = generateCards(factSet)): Deck[] {
  const byKey = new Map<string, string[]>();
  for (const card of cards) {
    for (const key of card.decks) {
      const ids = byKey.get(key);
      if (ids) ids.push(card.id);
      else byKey.set(key, [card.id]);
    }
  }
  const decks: Deck[] = [];
  const add = (key: string, kind: DeckKind, year?: number) => {
    const cardIds = byKey.get(key);
    if (cardIds?.length) decks.push({ key, factSetId: factSet.id, kind, ...(year === undefined ? {} : { year }), cardIds });
  };
  add(factSet.id, "topic");
  add(foundingDeckKey, "founding");
  const years = [...byKey.keys()]
    .map((key) => /^wave-(\d{4})$/.exec(key)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  for (const year of years) add(waveDeckKey(year), "wave", year);
  add(eventsDeckKey, "events");
  return decks;
}

/** The days an event covers, as inclusive ISO dates, at the precision the fact set vouches for. */
export function eventSpan(event: Pick<HistoricalEvent, "date" | "endDate" | "precision">): { from: string; to: string } {
  const year = event.date.slice(0, 4);
  if (event.precision === "year") return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (event.precision === "month") {
    const month = event.date.slice(0, 7);
    const lastDay = new Date(Date.UTC(Number(year), Number(event.date.slice(5, 7)), 0)).getUTCDate();
    return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
  }
  return { from: event.date, to: event.endDate ?? event.date };
}

/**
 * Events whose date can be asked the other way round: no other event's span overlaps theirs,
 * so "what happened then?" has exactly one answer. (A summit and the programme launched at it
 * share a day; an event known only by its year blocks the whole year.)
 */
export function unambiguousEventIds(events: HistoricalEvent[]): Set<string> {
  const spans = events.map((event) => ({ id: event.id, ...eventSpan(event) }));
  const result = new Set<string>();
  for (const span of spans) {
    const overlaps = spans.some((other) => other.id !== span.id && other.from <= span.to && span.from <= other.to);
    if (!overlaps) result.add(span.id);
  }
  return result;
}

const generated = new WeakMap<FactSet, { cards: FlashCard[]; byId: Map<string, FlashCard>; decks: Deck[] }>();

/**
 * `generateCards` and `listDecks`, memoised per fact set object (fact sets are immutable once
 * loaded, and the loaders hand out one object per version).
 */
export function cardCatalog(factSet: FactSet): { cards: FlashCard[]; byId: Map<string, FlashCard>; decks: Deck[] } {
  let catalog = generated.get(factSet);
  if (!catalog) {
    const cards = generateCards(factSet);
    catalog = { cards, byId: new Map(cards.map((card) => [card.id, card])), decks: listDecks(factSet, cards) };
    generated.set(factSet, catalog);
  }
  return catalog;
}
