import type { Accession, Country, FactSet, HistoricalEvent } from "../facts/schema";

/**
 * Lookups over one fact set that the generator, renderer and grader share. Built once
 * per fact set object and cached, so rendering a page of questions stays cheap.
 *
 * Kept private to lib/questions rather than importing lib/facts/fact-queries.ts, so the
 * generator states exactly which notion of "wave" and "year" its correctness rules rely on.
 */
export interface FactIndex {
  factSet: FactSet;
  countryById: Map<string, Country>;
  accessionById: Map<string, Accession>;
  eventById: Map<string, HistoricalEvent>;
  /** Accessions of a country (normally one), oldest first. */
  accessionsByCountry: Map<string, Accession[]>;
  /** Accessions grouped by the year membership took effect; a "wave" in the questions. */
  waveByYear: Map<number, Accession[]>;
  /** Every accession year, ascending. */
  accessionYears: number[];
  /** Accessions grouped by exact date. */
  accessionsByDate: Map<string, Accession[]>;
  /** The date of the founding accessions (the earliest, if data ever has several). */
  foundingDate: string | undefined;
  /** Place key → an event held there (for labels). */
  eventByPlaceKey: Map<string, HistoricalEvent>;
}

const cache = new WeakMap<FactSet, FactIndex>();

/** The year of an ISO date (YYYY-MM-DD). */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/**
 * A stable key for an event's place, so options name places by key, not by translated
 * text. Built from the English spelling up to the first comma, so "Washington" and
 * "Washington, D.C." are one place and never two options of one question.
 */
export function placeKey(place: { en: string }): string {
  return (place.en.split(",")[0] ?? place.en)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function indexFactSet(factSet: FactSet): FactIndex {
  const cached = cache.get(factSet);
  if (cached) return cached;

  const countryById = new Map(factSet.countries.map((c) => [c.id, c]));
  const accessionById = new Map(factSet.accessions.map((a) => [a.id, a]));
  const eventById = new Map(factSet.events.map((e) => [e.id, e]));
  const byDateThenId = (a: Accession, b: Accession) =>
    a.date.localeCompare(b.date) || a.country.localeCompare(b.country);

  const accessionsByCountry = new Map<string, Accession[]>();
  const waveByYear = new Map<number, Accession[]>();
  const accessionsByDate = new Map<string, Accession[]>();
  for (const accession of [...factSet.accessions].sort(byDateThenId)) {
    push(accessionsByCountry, accession.country, accession);
    push(waveByYear, yearOf(accession.date), accession);
    push(accessionsByDate, accession.date, accession);
  }
  const accessionYears = [...waveByYear.keys()].sort((a, b) => a - b);
  const founding = factSet.accessions.filter((a) => a.founding).map((a) => a.date).sort();

  const eventByPlaceKey = new Map<string, HistoricalEvent>();
  for (const event of factSet.events) {
    if (event.place && !eventByPlaceKey.has(placeKey(event.place))) eventByPlaceKey.set(placeKey(event.place), event);
  }

  const index: FactIndex = {
    factSet,
    countryById,
    accessionById,
    eventById,
    accessionsByCountry,
    waveByYear,
    accessionYears,
    accessionsByDate,
    foundingDate: founding[0],
    eventByPlaceKey,
  };
  cache.set(factSet, index);
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Years in which the country had an accession take effect. */
export function accessionYearsOf(index: FactIndex, countryId: string): number[] {
  return (index.accessionsByCountry.get(countryId) ?? []).map((a) => yearOf(a.date));
}

export function isFoundingMember(index: FactIndex, countryId: string): boolean {
  return (index.accessionsByCountry.get(countryId) ?? []).some((a) => a.founding);
}

export function requireCountry(index: FactIndex, id: string): Country {
  const country = index.countryById.get(id);
  if (!country) throw new Error(`unknown country "${id}" in fact set "${index.factSet.id}"`);
  return country;
}

export function requireAccession(index: FactIndex, id: string): Accession {
  const accession = index.accessionById.get(id);
  if (!accession) throw new Error(`unknown accession "${id}" in fact set "${index.factSet.id}"`);
  return accession;
}

export function requireEvent(index: FactIndex, id: string): HistoricalEvent {
  const event = index.eventById.get(id);
  if (!event) throw new Error(`unknown event "${id}" in fact set "${index.factSet.id}"`);
  return event;
}

/** Every year an event touches (an event across New Year touches two). */
export function eventYears(event: HistoricalEvent): number[] {
  const first = yearOf(event.date);
  const last = event.endDate ? yearOf(event.endDate) : first;
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** Whether an ISO date falls on a day of the event (its first day through its last). */
export function isDuringEvent(event: HistoricalEvent, isoDate: string): boolean {
  return isoDate >= event.date && isoDate <= (event.endDate ?? event.date);
}

/** How much of an accession's date is known (absent: the exact day). */
export function precisionOf(accession: Pick<Accession, "precision">): "year" | "month" | "day" {
  return accession.precision ?? "day";
}

/** The first and last day a date of this precision may stand for ("2004" → 2004-01-01 … 2004-12-31). */
export function dateSpan(isoDate: string, precision: "year" | "month" | "day" = "day"): [string, string] {
  if (precision === "day") return [isoDate, isoDate];
  if (precision === "year") return [`${isoDate.slice(0, 4)}-01-01`, `${isoDate.slice(0, 4)}-12-31`];
  const [y, m] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${isoDate.slice(0, 7)}-01`, `${isoDate.slice(0, 7)}-${String(last).padStart(2, "0")}`];
}

/**
 * Whether the member belonged to the organisation at the end of `day`: some accession took
 * effect on or before it and had not ended by then (leaving takes effect on the `left` day, so
 * on that day the member is out). `undefined` when a date known only to the month or year
 * could fall either side of `day`, so the fact base cannot say.
 */
export function isMemberAt(index: FactIndex, countryId: string, day: string): boolean | undefined {
  let undetermined = false;
  for (const accession of index.accessionsByCountry.get(countryId) ?? []) {
    const [joinFirst, joinLast] = dateSpan(accession.date, precisionOf(accession));
    const joined = joinLast <= day ? true : joinFirst > day ? false : undefined;
    let stillIn: boolean | undefined = true;
    if (accession.left) {
      const [leftFirst, leftLast] = dateSpan(accession.left, accession.leftPrecision ?? "day");
      stillIn = leftFirst > day ? true : leftLast <= day ? false : undefined;
    }
    if (joined === true && stillIn === true) return true;
    if (joined !== false && stillIn !== false) undetermined = true;
  }
  return undetermined ? undefined : false;
}

/** Members the fact base has in a named group (by group id); members for which it is unclear (`unclearGroups`) are not among them. */
export function groupMembers(index: FactIndex, groupId: string): Country[] {
  return index.factSet.countries.filter((c) => c.groups?.includes(groupId));
}
