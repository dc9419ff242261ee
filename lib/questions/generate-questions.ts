import type { FactSet } from "../facts/schema";
import { locales } from "../facts/schema";
import { indexFactSet } from "./fact-index";
import type { Draft, ModuleContext, Subject } from "./question-types/module";
import { questionModuleOf } from "./question-types/registry";
import { type Random, createRandom, hashString } from "./random";
import { renderOptionLabel } from "./render-question";
import { type GenerateOptions, type OptionRef, type QuestionSpec, type QuestionType, isQuestionType, questionTypes } from "./types";

/**
 * The question generator. Every question it produces has exactly one defensible answer under
 * the fact base: distractors are chosen so that none of them is also true (a year in which
 * the country did not join, a country that did not join that year, a date that is no day of
 * the event), option values and their labels are unique in every locale, and the answer is
 * among the options. Each type is one module in `question-types/`, which states its rules;
 * this file schedules them.
 */

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
  const context: ModuleContext = { index, isAllowed: (id) => !allowed || allowed.has(id) };

  const subjectsByType = new Map<QuestionType, Subject[]>();
  for (const type of requested) {
    const subjects = questionModuleOf(type).subjects(context);
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
