import type { FactSet } from "../../facts/schema";
import type { FactIndex } from "../fact-index";
import type { Random } from "../random";
import type { Templates } from "../templates";
import type { PublicQuestion, QuestionKind, QuestionSpec } from "../types";

/**
 * One question type as one module: which facts it needs (`subjects` returns none when the
 * fact set cannot support it), how it builds a question, how the prompt and explanation
 * read. The generator, the renderer and grading look types up in `registry.ts`; the
 * property test beside this folder recomputes each type's truth from the raw data.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question before it gets its id. */
export type Draft = DistributiveOmit<QuestionSpec, "id">;

/** Something a question type can ask about; `build` draws the rest (distractors, order) from the PRNG. */
export interface Subject {
  /** Stable key, for spreading questions over distinct subjects. */
  key: string;
  /** The facts the subject is centred on, for spreading questions over distinct facts. */
  focus: string[];
  build(rng: Random): Draft | null;
}

export interface ModuleContext {
  index: FactIndex;
  /** Whether a fact id may be tested (the `factIds` filter). */
  isAllowed(factId: string): boolean;
}

export interface QuestionModule {
  kind: QuestionKind;
  subjects(context: ModuleContext): Subject[];
  prompt(spec: QuestionSpec, index: FactIndex, t: Templates): string;
  explanation(spec: QuestionSpec, index: FactIndex, t: Templates): string;
  /** What the browser gets besides prompt and options (never the answer). */
  publicExtras?(spec: QuestionSpec): Pick<PublicQuestion, "highlight">;
  /**
   * The truth rule the property test recomputes: the key as the raw fact set makes it, worked
   * out from `factSet` alone (no fact index, no generator helper), so a generator bug cannot
   * hide behind a shared helper. By kind: the option values that are true (single, multi,
   * map), every value that fits the prompt (text), the one right sequence (order), or left →
   * right (match). Null when the fact set does not determine exactly one key.
   */
  truth?(spec: QuestionSpec, factSet: FactSet): string[] | Record<string, string> | null;
  /** Further rules of the type the property test checks, beyond the key: the problems found, none when sound. */
  checks?(spec: QuestionSpec, factSet: FactSet): string[];
}

/** Text per locale, kept in the module that uses it. */
export type Wording<T> = Record<Templates["locale"], T>;

/** The organisation's names in a locale. */
export function orgOf(index: FactIndex, t: Templates): { name: string; dat: string; noun?: FactIndex["factSet"]["memberNoun"] } {
  const { organization } = index.factSet;
  return { name: organization.name[t.locale], dat: organization.dative[t.locale], noun: index.factSet.memberNoun };
}

/** What members are called in a locale ("Länder", "Bundesstaaten"); countries unless the fact set says otherwise. */
export function memberNounOf(index: FactIndex, t: Templates): { singular: string; plural: string } {
  return index.factSet.memberNoun?.[t.locale] ?? (t.locale === "de" ? { singular: "Land", plural: "Länder" } : { singular: "country", plural: "countries" });
}

export function paramOf(spec: QuestionSpec, name: string): string {
  const value = spec.params[name];
  if (value === undefined) throw new Error(`question ${spec.id} (${spec.type}) has no "${name}" parameter`);
  return value;
}

/** Chooses `n` items, preferring the lowest `distance`, with jitter so repeats differ. */
export function pickNearest<T>(items: readonly T[], n: number, distance: (item: T) => number, rng: Random, spread = 1.5): T[] {
  return items
    .map((item) => ({ item, score: distance(item) + rng.next() * spread }))
    .sort((a, b) => a.score - b.score)
    .slice(0, n)
    .map((entry) => entry.item);
}

/** Shuffles until the order differs from `sorted` (when it can), so an order question is never pre-solved. */
export function shuffleAwayFrom<T>(sorted: readonly T[], rng: Random): T[] {
  let shuffled = rng.shuffle(sorted);
  for (let attempt = 0; attempt < 10 && sorted.length > 1 && shuffled.every((item, i) => item === sorted[i]); attempt++) {
    shuffled = rng.shuffle(sorted);
  }
  if (sorted.length > 1 && shuffled.every((item, i) => item === sorted[i])) shuffled.push(shuffled.shift() as T);
  return shuffled;
}
