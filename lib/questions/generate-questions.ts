import type { Accession, Country, FactSet, HistoricalEvent } from "../facts/schema";
import {
  type FactIndex,
  accessionYearsOf,
  eventYears,
  indexFactSet,
  isDuringEvent,
  isFoundingMember,
  placeKey,
  dateSpan,
  precisionOf,
  yearOf,
} from "./fact-index";
import { type Random, createRandom, hashString } from "./random";
import { renderOptionLabel } from "./render-question";
import {
  type GenerateOptions,
  type ModuleQuestionType,
  type OptionRef,
  type QuestionSpec,
  type QuestionType,
  isQuestionType,
  questionTypes,
} from "./types";
import { locales } from "../facts/schema";
import { isModuleType, questionModules } from "./question-types/registry";

/**
 * The question generator. Every question it produces has exactly one defensible answer under
 * the fact base: distractors are chosen so that none of them is also true (a year in which
 * the country did not join, a country that did not join that year, a date that is no day of
 * the event), option values and their labels are unique in every locale, and the answer is
 * among the options. The rules are stated where each type is built.
 */

/** A question before it gets its id. */
type Draft = DistributiveOmit<QuestionSpec, "id">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Something a question type can ask about; `build` draws the rest (distractors, order) from the PRNG. */
interface Subject {
  /** Stable key, for spreading questions over distinct subjects. */
  key: string;
  /** The facts the subject is centred on, for spreading questions over distinct facts. */
  focus: string[];
  build(rng: Random): Draft | null;
}

interface Context {
  index: FactIndex;
  /** Whether a fact id may be tested (the `factIds` filter). */
  isAllowed(factId: string): boolean;
}

/** The fewest options a single-choice question offers. Types that cannot reach it are skipped. */
const minSingleOptions = 3;
/** Options of a single-choice question when the fact base has enough distractors. */
const singleOptions = 4;

/**
 * Generates `count` questions from a fact set, deterministically: the same fact set, seed
 * and options give identical output.
 *
 * - Types are mixed: the schedule cycles through the allowed types in seed-shuffled rounds,
 *   and no type follows itself when another is available.
 * - Within a type, subjects (facts) that have been asked least are preferred, so distinct
 *   facts are covered before any repeats; repeats vary distractors and option order.
 * - `options.factIds` restricts questions to those testing only the listed fact ids
 *   (an empty list allows none). Types that cannot be built from the allowed facts are skipped.
 * - Returns fewer than `count` (possibly none) only when no type can be built at all.
 *
 * Throws RangeError for a negative or non-integer count or an unknown type.
 */
export function generateQuestions(factSet: FactSet, options: GenerateOptions): QuestionSpec[] {
  const { count } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const requested = options.types?.length ? [...new Set(options.types)] : [...questionTypes];
  for (const type of requested) {
    if (!isQuestionType(type)) throw new RangeError(`unknown question type "${String(type)}"`);
  }

  const index = indexFactSet(factSet);
  const allowed = options.factIds ? new Set(options.factIds) : undefined;
  const context: Context = { index, isAllowed: (id) => !allowed || allowed.has(id) };

  const subjectsByType = new Map<QuestionType, Subject[]>();
  for (const type of requested) {
    const subjects = isModuleType(type) ? questionModules[type].subjects(context) : subjectBuilders[type](context);
    if (subjects.length > 0) subjectsByType.set(type, subjects);
  }
  const types = requested.filter((type) => subjectsByType.has(type));
  if (types.length === 0 || count === 0) return [];

  const rng = createRandom(options.seed);
  const seedTag = hashString(String(options.seed)).toString(36);
  const factUses = new Map<string, number>();
  const subjectUses = new Map<string, number>();
  const questions: QuestionSpec[] = [];
  let round: QuestionType[] = [];
  let previous: QuestionSpec | undefined;

  while (questions.length < count && subjectsByType.size > 0) {
    if (round.length === 0) {
      round = rng.shuffle([...subjectsByType.keys()]);
      // No type twice in a row across the seam between two rounds.
      if (round.length > 1 && round[0] === previous?.type) round.push(round.shift() as QuestionType);
    }
    const type = round.shift() as QuestionType;
    const subjects = subjectsByType.get(type);
    if (!subjects) continue;

    const draft = drawQuestion(type, subjects, rng, factUses, subjectUses, previous, factSet);
    if (!draft) {
      subjectsByType.delete(type);
      continue;
    }
    // The id is derived from the seed and position only: an id hashed from the content would
    // let a client test which option makes the hash match.
    const position = questions.length + 1;
    const spec = { ...draft, id: `q${position}-${seedTag}-${hashString(`${String(options.seed)}|${position}|${type}`).toString(36)}` } as QuestionSpec;
    for (const id of spec.factIds) factUses.set(id, (factUses.get(id) ?? 0) + 1);
    questions.push(spec);
    previous = spec;
  }
  return questions;
}

/**
 * Picks the least-asked subject of a type (ties broken by the PRNG, and avoiding the facts
 * of the previous question when possible) and builds it. Subjects whose build fails are
 * dropped; returns null when none is left.
 */
function drawQuestion(
  type: QuestionType,
  subjects: Subject[],
  rng: Random,
  factUses: Map<string, number>,
  subjectUses: Map<string, number>,
  previous: QuestionSpec | undefined,
  factSet: FactSet,
): Draft | null {
  const previousFacts = new Set(previous?.factIds ?? []);
  while (subjects.length > 0) {
    const ranked = subjects
      .map((subject) => ({
        subject,
        repeatsPrevious: subject.focus.some((id) => previousFacts.has(id)) ? 1 : 0,
        uses: subjectUses.get(`${type}:${subject.key}`) ?? 0,
        factUses: subject.focus.reduce((sum, id) => sum + (factUses.get(id) ?? 0), 0) / Math.max(1, subject.focus.length),
        tie: rng.next(),
      }))
      .sort((a, b) => a.repeatsPrevious - b.repeatsPrevious || a.uses - b.uses || a.factUses - b.factUses || a.tie - b.tie);
    const { subject } = ranked[0] as (typeof ranked)[number];
    subjectUses.set(`${type}:${subject.key}`, (subjectUses.get(`${type}:${subject.key}`) ?? 0) + 1);

    // A build can fail only on label collisions in some locale; retry with fresh draws first.
    for (let attempt = 0; attempt < 5; attempt++) {
      const draft = subject.build(rng);
      if (draft && hasDistinctLabels(draft, factSet)) return draft;
    }
    subjects.splice(subjects.indexOf(subject), 1);
  }
  return null;
}

/** Whether every option label is unique within its list, in every locale. */
function hasDistinctLabels(draft: Draft, factSet: FactSet): boolean {
  const lists: OptionRef[][] =
    draft.kind === "match" ? [draft.left, draft.right] : draft.kind === "text" ? [] : [draft.options];
  return lists.every((list) =>
    locales.every((locale) => {
      const labels = list.map((option) => renderOptionLabel(option, factSet, locale).toLocaleLowerCase());
      return new Set(labels).size === labels.length && new Set(list.map((o) => o.value)).size === list.length;
    }),
  );
}

// -----------------------------------------------------------------------------------------
// Distractor helpers

/**
 * Chooses `n` items, preferring those with the lowest `distance`; random jitter of up to
 * `spread` lets near neighbours trade places so repeats of a question differ.
 */
function pickNearest<T>(items: readonly T[], n: number, distance: (item: T) => number, rng: Random, spread = 1.5): T[] {
  return items
    .map((item) => ({ item, score: distance(item) + rng.next() * spread }))
    .sort((a, b) => a.score - b.score)
    .slice(0, n)
    .map((entry) => entry.item);
}

/** Distance in "waves": how many distinct accession years lie between two years. */
function waveDistance(index: FactIndex, a: number, b: number): number {
  const years = index.accessionYears;
  const rank = (year: number) => {
    const exact = years.indexOf(year);
    if (exact >= 0) return exact;
    const after = years.findIndex((y) => y > year);
    return after === -1 ? years.length - 0.5 : after - 0.5;
  };
  return Math.abs(rank(a) - rank(b));
}

/**
 * Plausible wrong countries for a question about the accessions in `years`: countries from
 * neighbouring waves and the same regions as `anchors` come first. The caller has already
 * removed every country that would be a correct answer.
 */
function rankCountries(index: FactIndex, candidates: Country[], years: number[], anchors: Country[], rng: Random, n: number): Country[] {
  const regions = new Set(anchors.flatMap((c) => (c.region ? [c.region] : [])));
  const groups = new Set(anchors.flatMap((c) => c.groups ?? []));
  return pickNearest(
    candidates,
    n,
    (candidate) => {
      const distances = accessionYearsOf(index, candidate.id).flatMap((y) => years.map((year) => waveDistance(index, y, year)));
      const waves = distances.length ? Math.min(...distances) : 3;
      // Same part of the world, or (for tables without regions) a shared named group: the plausible mix-ups.
      const similar = (candidate.region && regions.has(candidate.region)) || (candidate.groups ?? []).some((g) => groups.has(g));
      return waves - (similar ? 1.5 : 0);
    },
    rng,
    2,
  );
}

function countryOption(id: string): OptionRef {
  return { of: "country", value: id };
}

function accessionsOf(index: FactIndex, countryId: string): Accession[] {
  return index.accessionsByCountry.get(countryId) ?? [];
}

function countriesWithAccession(index: FactIndex): Country[] {
  return index.factSet.countries.filter((c) => accessionsOf(index, c.id).length > 0);
}

/** Every date the fact base states to the day: day-precise accession dates and day-precision event dates. */
function knownDays(index: FactIndex): string[] {
  const days = new Set(index.factSet.accessions.filter((a) => precisionOf(a) === "day").map((a) => a.date));
  for (const event of index.factSet.events) if (event.precision === "day") days.add(event.date);
  return [...days].sort();
}

/** Every year the fact base dates something in. */
function knownYears(index: FactIndex): number[] {
  const years = new Set(index.accessionYears);
  for (const event of index.factSet.events) for (const year of eventYears(event)) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** The position of `item` in a sorted list, for "near in time" distances between dates. */
function rankDistance(sorted: readonly string[], a: string, b: string): number {
  return Math.abs(sorted.indexOf(a) - sorted.indexOf(b));
}

/** Values in the order of the options they appear in. */
function inOptionOrder(options: OptionRef[], values: Set<string>): string[] {
  return options.filter((o) => values.has(o.value)).map((o) => o.value);
}

/**
 * Whether the text names the place or a part of it ("Washington" of "Washington, D.C.",
 * "Island" of "Reykjavík (Island)", "Kehl" of "Straßburg und Kehl").
 */
function mentionsPlace(text: string, place: { de: string; en: string }): boolean {
  const lower = text.toLocaleLowerCase();
  return [place.de, place.en].some((name) =>
    name
      .split(/[,()/]|\s+(?:und|and)\s+/)
      .map((part) => part.trim().toLocaleLowerCase())
      .some((part) => part.length >= 3 && lower.includes(part)),
  );
}

/**
 * Events tied to this one by `launched`, either way: the summit that adopted a declaration,
 * the programme a summit launched. Their days and years are never distractors for it, since
 * a learner could fairly give the summit's day for the declaration adopted there.
 */
function linkedEvents(index: FactIndex, event: HistoricalEvent): HistoricalEvent[] {
  return index.factSet.events.filter(
    (other) => other.id !== event.id && (other.launched.includes(event.id) || event.launched.includes(other.id)),
  );
}

function eventTexts(event: HistoricalEvent): string[] {
  return [event.name.de, event.name.en, ...event.aliases.de, ...event.aliases.en, event.datePrompt.de, event.datePrompt.en];
}

// -----------------------------------------------------------------------------------------
// Question types

type SubjectBuilder = (context: Context) => Subject[];

/** The older types, built here; newer ones are modules in `question-types/`. */
const subjectBuilders: Record<Exclude<QuestionType, ModuleQuestionType>, SubjectBuilder> = {





  /**
   * "Which of these countries were in the Warsaw Pact? Select all." By the `formerWarsawPact`
   * flag, never offering a country that was only part of a member state (`warsawPactTerritory`); one to three members and enough non-members (formerly communist ones first, the
   * plausible mistakes) to make five options, at least one of each.
   */
  "former-warsaw-pact-select": ({ index, isAllowed }) => {
    const eligible = (c: Country) => accessionsOf(index, c.id).every((a) => isAllowed(a.id));
    const members = countriesWithAccession(index).filter((c) => c.formerWarsawPact && eligible(c));
    const others = countriesWithAccession(index).filter((c) => !c.formerWarsawPact && !c.warsawPactTerritory && eligible(c));
    if (members.length === 0 || others.length === 0 || members.length + others.length < minSingleOptions) return [];
    return members.map((focus) => ({
      key: focus.id,
      focus: accessionsOf(index, focus.id).map((a) => a.id),
      build: (rng: Random): Draft => {
        const total = Math.min(5, members.length + others.length);
        const maxMembers = Math.min(3, members.length, total - 1);
        const memberCount = 1 + rng.int(maxMembers);
        const chosenMembers = [focus, ...rng.sample(members.filter((c) => c !== focus), memberCount - 1)];
        const regions = new Set(chosenMembers.map((c) => c.region));
        const chosenOthers = pickNearest(
          others,
          total - memberCount,
          (c) => (c.formerCommunist ? 0 : 2) + (regions.has(c.region) ? 0 : 1),
          rng,
          2,
        );
        const options = rng.shuffle([...chosenMembers, ...chosenOthers]).map((c) => countryOption(c.id));
        return {
          type: "former-warsaw-pact-select",
          kind: "multi",
          factIds: options.flatMap((o) => accessionsOf(index, o.value).map((a) => a.id)),
          params: {},
          options,
          answer: inOptionOrder(options, new Set(chosenMembers.map((c) => c.id))),
        };
      },
    }));
  },








};

/** Accessions of countries that joined once (a country's label must name one accession). */
function uniqueCountryAccessions(index: FactIndex): Accession[] {
  return index.factSet.accessions.filter((a) => accessionsOf(index, a.country).length === 1);
}

/** `focus` plus accessions from `size - 1` other years, one per year. */
function pickOnePerYear(pool: Accession[], focus: Accession, size: number, rng: Random): Accession[] {
  const byYear = new Map<number, Accession[]>();
  for (const accession of pool) {
    const year = yearOf(accession.date);
    if (year === yearOf(focus.date)) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), accession]);
  }
  const years = rng.sample([...byYear.keys()], size - 1);
  return [focus, ...years.map((year) => rng.pick(byYear.get(year) ?? []))];
}
