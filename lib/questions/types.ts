import type { Locale } from "../facts/schema";

/**
 * Contract between the generator, grading, the data layer and the UI.
 *
 * A question is generated once, locale-neutral, as a `QuestionSpec` that names facts and
 * options by stable keys (country ids, years, event ids). It is stored as it is and rendered
 * into any locale on demand, so a learner can switch language mid-quiz and still see the
 * same question, and grading never compares translated strings.
 */

/** How the learner answers. */
export type QuestionKind = "single" | "multi" | "order" | "match" | "text" | "map";

/**
 * What the question asks. Each type has exactly one kind, and is one module in
 * `question-types/` (see its registry).
 */
export type QuestionType =
  | "accession-year" // In which year did <country> join? (single, years)
  | "country-by-year" // Which country joined in <year>? (single, countries)
  | "founding-member-true-false" // <country> is a founding member: true/false (single)
  | "wave-members" // Select all countries that joined in <year> (multi)
  | "founding-members-select" // Select all founding members (multi)
  | "former-warsaw-pact-select" // Select the members of a named group asked in its own words, e.g. the former Warsaw Pact (multi)
  | "accession-order" // Put these accessions in chronological order (order)
  | "match-country-year" // Match countries to accession years (match)
  | "typed-country" // Type the country that joined on <date> (text)
  | "accession-date" // On which date did <country> join? (single, dates)
  | "event-year" // In which year … <event>? (single, years)
  | "event-date" // On which date … <event>? (single, dates; only for day-precision events)
  | "event-launched" // What was launched at <summit>? (single, events)
  | "event-place" // Where did <event> take place? (single, places)
  | "typed-accession-year" // In which year did <country> join? typed (text, a year)
  | "event-order" // Put these events in chronological order (order, events)
  | "members-after-round" // How many members after the round of <date>? (single, counts)
  | "summit-invited" // Which countries were invited at <summit>? (multi, countries)
  | "map-click-wave" // Click a country that joined in <year> (map, any of the wave)
  | "map-name-highlighted" // Which highlighted country joined in <year>? (map, by name)
  | "group-members-select" // Which of these belong to the named group <label>? (multi, countries)
  | "member-today-true-false"; // <member> is a member today: true/false (single; only where someone left)

/** An option, by key. `value` is what the learner submits and what grading compares. */
export interface OptionRef {
  /** What the value names, so the renderer can label it. */
  of: "country" | "year" | "date" | "event" | "place" | "boolean" | "count";
  /** Country id ("PL"), year ("1999"), ISO date, event id, place key, "true"/"false", or a whole number ("26"). */
  value: string;
}

interface SpecBase {
  /** Deterministic id: the same seed and options give the same ids. */
  id: string;
  type: QuestionType;
  /** Fact ids (accession or event ids) the question tests, for statistics and mastery. */
  factIds: string[];
  /** Prompt parameters by name (e.g. { country: "PL" } or { year: "2004" }), rendered per locale. */
  params: Record<string, string>;
}

export interface SingleSpec extends SpecBase {
  kind: "single";
  options: OptionRef[];
  answer: string;
}
export interface MultiSpec extends SpecBase {
  kind: "multi";
  options: OptionRef[];
  /** Values of every correct option, in option order. */
  answer: string[];
}
export interface OrderSpec extends SpecBase {
  kind: "order";
  /** Shown shuffled. */
  options: OptionRef[];
  /** The option values in correct (chronological) order. */
  answer: string[];
}
export interface MatchSpec extends SpecBase {
  kind: "match";
  left: OptionRef[];
  right: OptionRef[];
  /** left value → right value. */
  answer: Record<string, string>;
}
export interface TextSpec extends SpecBase {
  kind: "text";
  /**
   * What the learner must type: a country (accepted spellings come from the fact set) or a
   * year (four digits, surrounding spaces allowed).
   */
  answer: OptionRef;
}

/** A country picked on the map, or from its searchable list. */
export interface MapSpec extends SpecBase {
  kind: "map";
  /** The countries that can be picked (every member on the map), by id. */
  options: OptionRef[];
  /** Every country id that counts as right. */
  answer: string[];
}

export type QuestionSpec = SingleSpec | MultiSpec | OrderSpec | MatchSpec | TextSpec | MapSpec;

/** A learner's response, as submitted. */
export type Response =
  | { kind: "single"; value: string }
  | { kind: "multi"; values: string[] }
  | { kind: "order"; values: string[] }
  | { kind: "match"; pairs: Record<string, string> }
  | { kind: "text"; text: string }
  | { kind: "map"; value: string };

export interface RenderedOption {
  value: string;
  label: string;
}

/**
 * What the browser may see before answering: no answer, no explanation, no source.
 */
export interface PublicQuestion {
  id: string;
  type: QuestionType;
  kind: QuestionKind;
  prompt: string;
  options?: RenderedOption[];
  left?: RenderedOption[];
  right?: RenderedOption[];
  /** Map questions: the SVG path of the highlighted country (no id, no name). */
  highlight?: string;
}

/** Shown after answering. */
export interface QuestionReveal {
  /** The correct answer as text a person reads ("1999", "Polen, Ungarn", "Belgien → 1949, …"). */
  correctAnswer: string;
  explanation: string;
  /**
   * The answer by value, so the feedback can mark each option, place or pair right or wrong:
   * the right values (single, multi, map, text), the right sequence (order), or left → right (match).
   */
  answerKey: string[] | Record<string, string>;
  /** Every source in one line of text (history, export). */
  source: string;
  /** The seed text's sentence(s) stating the fact, for a short quotation shown first; null when the seed does not state it. */
  quote: SourceQuote | null;
  /** The other references, each titled for a person (publisher and date, as the fact set names them), never a bare address. */
  references: SourceLink[];
  /**
   * Where the countries the question is about lie, and the round each joined with: the
   * feedback's locator map. Only part of the reveal, so it never reaches the browser before
   * the answer. Absent for questions about no accession, or about too many to point at.
   */
  locator?: QuestionLocator;
}

/** The locator map of a revealed accession question. */
export interface QuestionLocator {
  /** The fact set's projected map (see lib/maps/map-assets.ts). */
  mapUrl: string;
  countries: { countryId: string; name: string; year: number; founding: boolean }[];
}

export interface SourceQuote {
  /** The quoted sentences, verbatim (in the source text's language). */
  text: string;
  /** Where they are quoted from, in the learner's language ("Ausgangstext: NATO-Geschichte"). */
  citation: string;
}

export interface SourceLink {
  title: string;
  /** Public address to follow, when the reference has one. */
  url: string | null;
}

export interface GradeResult {
  correct: boolean;
  /** Share of the answer that was right, 0..1 (1 for a correct answer). */
  score: number;
}

export interface GenerateOptions {
  seed: number | string;
  count: number;
  /** Restrict to these types; all types when absent or empty. */
  types?: QuestionType[];
  /** Restrict to questions testing these fact ids (e.g. "practise my mistakes"). */
  factIds?: string[];
}

export type { Locale };

/** Every question type, in a stable order (for filters, CLIs and exhaustive loops). */
export const questionTypes = [
  "accession-year",
  "country-by-year",
  "founding-member-true-false",
  "wave-members",
  "founding-members-select",
  "former-warsaw-pact-select",
  "accession-order",
  "match-country-year",
  "typed-country",
  "accession-date",
  "event-year",
  "event-date",
  "event-launched",
  "event-place",
  "typed-accession-year",
  "event-order",
  "members-after-round",
  "summit-invited",
  "map-click-wave",
  "map-name-highlighted",
  "group-members-select",
  "member-today-true-false",
] as const satisfies readonly QuestionType[];

/** The one kind each question type is answered with. */
export const questionKindOf: Record<QuestionType, QuestionKind> = {
  "accession-year": "single",
  "country-by-year": "single",
  "founding-member-true-false": "single",
  "wave-members": "multi",
  "founding-members-select": "multi",
  "former-warsaw-pact-select": "multi",
  "accession-order": "order",
  "match-country-year": "match",
  "typed-country": "text",
  "accession-date": "single",
  "event-year": "single",
  "event-date": "single",
  "event-launched": "single",
  "event-place": "single",
  "typed-accession-year": "text",
  "event-order": "order",
  "members-after-round": "single",
  "summit-invited": "multi",
  "map-click-wave": "map",
  "map-name-highlighted": "map",
  "group-members-select": "multi",
  "member-today-true-false": "single",
};

/** Whether a string names a question type (for parsing query strings and CLI flags). */
export function isQuestionType(value: string): value is QuestionType {
  return (questionTypes as readonly string[]).includes(value);
}
