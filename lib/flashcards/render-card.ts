import { countryById, eventById, waves } from "../facts/fact-queries";
import type { Accession, FactSet, FactSource, HistoricalEvent, Locale } from "../facts/schema";
import type { FlashCard } from "./cards";

/**
 * The text of a card in one locale. Fronts are short (a name, a date, a question) so they can
 * be read at a glance; the back states the answer, then why (the fact set's note or
 * description) and where it comes from (the sources the fact cites).
 */
export interface RenderedCard {
  /** The large text on the front: a country, a date, or a question. */
  front: string;
  /** A line under it saying what is asked ("When did this country join NATO?"). */
  cue?: string;
  /** The answer in one line. */
  answer: string;
  /** For cards that ask for several things: the items, one per line (the answer lists them too). */
  items?: string[];
  /** Further facts of the answer: the date of a wave, the place of an event, the name at the time. */
  details: string[];
  /** Why: the fact set's note or description. */
  explanation?: string;
  /** The references the card's facts cite. */
  sources: { title: string; url?: string }[];
}

/** A card that does not belong to the fact set it is rendered with, or names a fact the set lacks. */
export class CardFactMismatchError extends Error {
  readonly cardId: string;

  constructor(cardId: string, reason: string) {
    super(`card ${cardId}: ${reason}`);
    this.name = "CardFactMismatchError";
    this.cardId = cardId;
  }
}

interface Words {
  list(items: string[]): string;
  formatDate(isoDate: string): string;
  formatWhen(event: Pick<HistoricalEvent, "date" | "endDate" | "precision">): string;
  countryCue(orgDative: string): string;
  waveFront(year: number, count: number, orgDative: string): string;
  states(count: number): string;
  foundingFront(orgDative: string): string;
  joinedOn(date: string): string;
  joinedAs(name: string): string;
  /** A current name with the name at accession: "Deutschland – damals Bundesrepublik …". */
  thenNamed(name: string, then: string): string;
  foundingMember(date: string): string;
  sameYear(names: string[]): string;
  onlyThatYear(): string;
  andWhere: string;
  place(place: string): string;
  eventCue(precision: HistoricalEvent["precision"], isRange: boolean): string;
  launched(names: string[]): string;
  invited(names: string[]): string;
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function makeDates(tag: string) {
  const day = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" });
  return {
    formatDate: (isoDate: string) => day.format(utc(isoDate)),
    formatWhen: (event: Pick<HistoricalEvent, "date" | "endDate" | "precision">) => {
      if (event.precision === "year") return event.date.slice(0, 4);
      if (event.precision === "month") return month.format(utc(event.date));
      if (event.endDate && event.endDate !== event.date) return day.formatRange(utc(event.date), utc(event.endDate));
      return day.format(utc(event.date));
    },
  };
}

const deList = new Intl.ListFormat("de", { style: "long", type: "conjunction" });
const enList = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

const words: Record<Locale, Words> = {
  de: {
    list: (items) => deList.format(items),
    ...makeDates("de-DE"),
    countryCue: (org) => `Wann trat dieser Staat ${org} bei? (Jahr und Tag)`,
    waveFront: (year, count, org) => (count === 1 ? `Welcher Staat trat ${year} ${org} bei?` : `Welche Staaten traten ${year} ${org} bei?`),
    states: (count) => (count === 1 ? "1 Staat" : `${count} Staaten`),
    // "der NATO" serves as genitive here: for a feminine name dative and genitive coincide.
    foundingFront: (org) => `Welche Staaten sind Gründungsmitglieder ${org}?`,
    joinedOn: (date) => `Beitritt am ${date}`,
    joinedAs: (name) => `Beitritt als ${name}`,
    thenNamed: (name, then) => `${name} – damals ${then}`,
    foundingMember: (date) => `Gründungsmitglied (Unterzeichnung am ${date})`,
    sameYear: (names) => `Im selben Jahr: ${deList.format(names)}`,
    onlyThatYear: () => "Einziger Beitritt in diesem Jahr",
    andWhere: "Und wo?",
    place: (place) => `Ort: ${place}`,
    eventCue: (precision, isRange) =>
      precision === "year"
        ? "Welches Ereignis fällt in dieses Jahr?"
        : precision === "month"
          ? "Welches Ereignis fällt in diesen Monat?"
          : isRange
            ? "Welches Ereignis fand an diesen Tagen statt?"
            : "Welches Ereignis fand an diesem Tag statt?",
    launched: (names) => `Ins Leben gerufen bzw. beschlossen: ${deList.format(names)}`,
    invited: (names) => `Eingeladen: ${deList.format(names)}`,
  },
  en: {
    list: (items) => enList.format(items),
    ...makeDates("en-GB"),
    countryCue: (org) => `When did this country join ${org}? (year and day)`,
    waveFront: (year, count, org) => (count === 1 ? `Which country joined ${org} in ${year}?` : `Which countries joined ${org} in ${year}?`),
    states: (count) => (count === 1 ? "1 country" : `${count} countries`),
    foundingFront: (org) => `Which countries are founding members of ${org}?`,
    joinedOn: (date) => `Joined on ${date}`,
    joinedAs: (name) => `Joined as ${name}`,
    thenNamed: (name, then) => `${name} – then ${then}`,
    foundingMember: (date) => `Founding member (signed on ${date})`,
    sameYear: (names) => `In the same year: ${enList.format(names)}`,
    onlyThatYear: () => "The only accession that year",
    andWhere: "And where?",
    place: (place) => `Place: ${place}`,
    eventCue: (precision, isRange) =>
      precision === "year"
        ? "Which event falls in this year?"
        : precision === "month"
          ? "Which event falls in this month?"
          : isRange
            ? "Which event took place on these days?"
            : "Which event took place on this day?",
    launched: (names) => `Launched or adopted: ${enList.format(names)}`,
    invited: (names) => `Invited: ${enList.format(names)}`,
  },
};

/**
 * The card's text in `locale`. Every date, name and list on the back is read from the fact set
 * at render time, so the back always agrees with the facts the card names in `factIds`.
 * Throws CardFactMismatchError if the card is not of this fact set or names a missing fact.
 */
export function renderCard(card: FlashCard, factSet: FactSet, locale: Locale): RenderedCard {
  if (card.factSetId !== factSet.id) throw new CardFactMismatchError(card.id, `belongs to fact set ${card.factSetId}, not ${factSet.id}`);
  const w = words[locale];
  const org = factSet.organization.dative[locale];

  switch (card.kind) {
    case "country-to-date": {
      const accession = requireAccession(card, factSet, card.subject);
      const name = countryName(factSet, accession, locale, card.id);
      const wave = waves(factSet).find((candidate) => candidate.accessions.some((a) => a.id === accession.id))!;
      const others = wave.accessions.filter((a) => a.id !== accession.id).map((a) => countryName(factSet, a, locale, card.id));
      const date = w.formatDate(accession.date);
      const details = [
        accession.founding ? w.foundingMember(date) : others.length ? w.sameYear(sortNames(others, locale)) : w.onlyThatYear(),
      ];
      const then = accession.nameAtAccession?.[locale];
      if (then && then !== name) details.unshift(w.joinedAs(then));
      return {
        front: name,
        cue: w.countryCue(org),
        answer: date,
        details,
        explanation: accession.note?.[locale],
        sources: sourcesOf(factSet, accession.sources),
      };
    }

    case "year-to-countries":
    case "founding-members": {
      const accessions = card.factIds.map((id) => requireAccession(card, factSet, id));
      const year = accessions[0]!.date.slice(0, 4);
      const items = sortNames(
        accessions.map((accession) => {
          const name = countryName(factSet, accession, locale, card.id);
          const then = accession.nameAtAccession?.[locale];
          return then && then !== name ? w.thenNamed(name, then) : name;
        }),
        locale,
      );
      const dates = [...new Set(accessions.map((accession) => accession.date))].sort();
      const details =
        card.kind === "founding-members"
          ? dates.map((date) => w.foundingMember(w.formatDate(date)))
          : dates.length === 1
            ? [w.joinedOn(w.formatDate(dates[0]!))]
            : accessions.map((a) => `${countryName(factSet, a, locale, card.id)}: ${w.formatDate(a.date)}`);
      const notes = [...new Set(accessions.map((accession) => accession.note?.[locale]).filter((note): note is string => !!note))];
      return {
        front: card.kind === "founding-members" ? w.foundingFront(org) : w.waveFront(Number(year), accessions.length, org),
        cue: w.states(accessions.length),
        answer: w.list(items),
        items,
        details,
        explanation: notes.length ? notes.join(" ") : undefined,
        sources: sourcesOf(
          factSet,
          accessions.flatMap((accession) => accession.sources),
        ),
      };
    }

    case "event-to-date":
    case "date-to-event": {
      const event = requireEvent(card, factSet, card.subject);
      const when = w.formatWhen(event);
      const place = event.place?.[locale];
      const details: string[] = [];
      const launched = event.launched.map((id) => eventById(factSet, id)?.name[locale]).filter((name): name is string => !!name);
      const invited = event.invited.map((id) => countryById(factSet, id)?.name[locale]).filter((name): name is string => !!name);
      const explanation = [event.description[locale], event.note?.[locale]].filter(Boolean).join(" ");
      const sources = sourcesOf(factSet, event.sources);
      if (card.kind === "event-to-date") {
        if (place) details.push(w.place(place));
        if (launched.length) details.push(w.launched(launched));
        if (invited.length) details.push(w.invited(sortNames(invited, locale)));
        return { front: event.datePrompt[locale], cue: place ? w.andWhere : undefined, answer: when, details, explanation, sources };
      }
      if (place) details.push(w.place(place));
      return {
        front: when,
        cue: w.eventCue(event.precision, event.precision === "day" && !!event.endDate && event.endDate !== event.date),
        answer: event.name[locale],
        details,
        explanation,
        sources,
      };
    }
  }
}

function requireAccession(card: FlashCard, factSet: FactSet, id: string): Accession {
  const accession = factSet.accessions.find((candidate) => candidate.id === id);
  if (!accession) throw new CardFactMismatchError(card.id, `no accession ${id}`);
  return accession;
}

function requireEvent(card: FlashCard, factSet: FactSet, id: string): HistoricalEvent {
  const event = eventById(factSet, id);
  if (!event) throw new CardFactMismatchError(card.id, `no event ${id}`);
  return event;
}

function countryName(factSet: FactSet, accession: Accession, locale: Locale, cardId: string): string {
  const country = countryById(factSet, accession.country);
  if (!country) throw new CardFactMismatchError(cardId, `no country ${accession.country}`);
  return country.name[locale];
}

function sortNames(names: string[], locale: Locale): string[] {
  const collator = new Intl.Collator(locale);
  return [...names].sort(collator.compare);
}

/** The titles (and addresses) of the references cited, each once, in citation order. */
function sourcesOf(factSet: FactSet, cited: FactSource[]): { title: string; url?: string }[] {
  const refs = [...new Set(cited.map((source) => source.ref))];
  return refs
    .map((ref) => factSet.sources.find((source) => source.id === ref))
    .filter((source) => source !== undefined)
    .map((source) => (source.url ? { title: source.title, url: source.url } : { title: source.title }));
}

