import { waves } from "../facts/fact-queries";
import type { Accession, FactSet } from "../facts/schema";

/** What the timeline needs of a fact set: when each country joined. */
export type AccessionDates = { accessions: readonly Pick<Accession, "date" | "country">[] };

/**
 * The enlargement map's data, framework-free: which rounds there are and their colours, the
 * timeline's steps (one per calendar month, from the founding to `today`), who was a member at
 * a step, and how a learner's mastery of a member is banded for colouring. No clock is read:
 * `today` is always an argument.
 */

/** One enlargement round: every accession of one calendar year (the founders are round 0). */
export interface EnlargementRound {
  /** 0 for the founders, then 1, 2, … in date order. */
  index: number;
  year: number;
  /** Country ids in date order. */
  countryIds: string[];
  /** Fill colour on the map and swatch colour in the legend. */
  colour: string;
}

/**
 * One colour per round, from dark blue (1949) through greens and yellows to reds (2020s), so
 * neighbouring rounds differ in hue. Country names sit in the legend as dark text on white;
 * the swatches carry no text, so only their distinctness matters, not their contrast with text.
 */
export const roundPalette = [
  "#1e3a8a",
  "#2563eb",
  "#0891b2",
  "#0d9488",
  "#16a34a",
  "#65a30d",
  "#ca8a04",
  "#ea580c",
  "#dc2626",
  "#db2777",
  "#9333ea",
  "#4b5563",
] as const;

/** The rounds of a fact set, founders first; colours repeat only past the palette's length. */
export function enlargementRounds(factSet: FactSet): EnlargementRound[] {
  return waves(factSet).map((wave, index) => ({
    index,
    year: wave.year,
    countryIds: wave.accessions.map((accession) => accession.country),
    colour: roundPalette[index % roundPalette.length] ?? roundPalette[0],
  }));
}

/** "YYYY-MM" → months since year 0, so month arithmetic is plain integer arithmetic. */
function monthNumber(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The timeline of the map: step 0 is the day of the first accession (the founding, 4 April
 * 1949 for NATO), each further step the last day of a following month, and the last step
 * `today` itself. A member appears at the first step whose date is on or after its accession.
 */
export interface Timeline {
  /** Dates (YYYY-MM-DD) of the steps, ascending; at least one. */
  steps: string[];
}

/** Builds the timeline from the first accession to `today` (YYYY-MM-DD, not before the first accession). */
export function buildTimeline(factSet: AccessionDates, today: string): Timeline {
  const first = [...factSet.accessions].map((a) => a.date).sort()[0];
  if (!first) throw new RangeError("a timeline needs at least one accession");
  if (today < first) throw new RangeError(`today (${today}) is before the first accession (${first})`);
  const steps = [first];
  const lastMonth = monthNumber(today);
  for (let month = monthNumber(first); month < lastMonth; month++) {
    const year = Math.floor(month / 12);
    const monthOfYear = (month % 12) + 1;
    const end = `${String(year).padStart(4, "0")}-${String(monthOfYear).padStart(2, "0")}-${String(daysInMonth(year, monthOfYear)).padStart(2, "0")}`;
    if (end > steps[steps.length - 1]!) steps.push(end);
  }
  if (today > steps[steps.length - 1]!) steps.push(today);
  return { steps };
}

/** The country ids that were members at the end of `date`: an accession on that very day counts. */
export function membersAsOf(factSet: AccessionDates, date: string): Set<string> {
  return new Set(factSet.accessions.filter((accession) => accession.date <= date).map((accession) => accession.country));
}

/** The index of the first step on or after `date` (the step at which an accession shows), or the last step. */
export function stepOfDate(timeline: Timeline, date: string): number {
  const index = timeline.steps.findIndex((step) => step >= date);
  return index === -1 ? timeline.steps.length - 1 : index;
}

/**
 * The steps at which the member count changes, ascending: where "next round" and "previous
 * round" jump to.
 */
export function accessionSteps(factSet: AccessionDates, timeline: Timeline): number[] {
  return [...new Set(factSet.accessions.map((accession) => stepOfDate(timeline, accession.date)))].sort((a, b) => a - b);
}

/** How well a learner knows a fact, for colouring: never seen, weak (< 50 %), learning (< 80 %), known. */
export type MasteryBand = "unseen" | "weak" | "learning" | "known";

export const masteryBands: readonly MasteryBand[] = ["unseen", "weak", "learning", "known"];

/** The band of a mastery estimate (0..1), or "unseen" without one. */
export function masteryBand(mastery: number | undefined): MasteryBand {
  if (mastery === undefined || Number.isNaN(mastery)) return "unseen";
  if (mastery >= 0.8) return "known";
  if (mastery >= 0.5) return "learning";
  return "weak";
}

/** Fill colours of the bands on the map (the legend names each band in words too). */
export const masteryColours: Record<MasteryBand, string> = {
  unseen: "#cbd5e1",
  weak: "#e11d48",
  learning: "#f59e0b",
  known: "#059669",
};
