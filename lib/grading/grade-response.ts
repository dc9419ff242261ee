import type { FactSet } from "../facts/schema";
import type { GradeResult, OptionRef, QuestionSpec, Response } from "../questions/types";
import { matchTypedAnswer } from "./match-typed-answer";
import { parseTypedYear } from "../questions/question-types/typed-accession-year";

/**
 * A response that cannot be graded against its question: the wrong kind, a value that is not
 * one of the options, a malformed shape. The server answers it with a 4xx, never a grade.
 */
export class InvalidResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidResponseError";
  }
}

/** Typed answers longer than this are not an attempt at a name. */
const maxTextLength = 200;

/**
 * Grades a response against the question it answers. Grading compares option values, never
 * translated labels, so the locale a question was shown in does not matter.
 *
 * - single: correct iff the chosen value is the answer.
 * - multi: correct iff the chosen set equals the answer set; score = (hits − wrong picks) / answers, at least 0.
 * - order: correct iff the sequence is exactly the answer; score = share of items in their right place.
 *   The response must name every option exactly once.
 * - match: correct iff every left item is paired with its right item; score = share of left items paired right
 *   (a left item left unpaired counts as wrong).
 * - text: correct iff the typed answer names the target country (see `matchTypedAnswer`), or,
 *   for a year, is that year (four digits, surrounding spaces allowed; a non-year is refused).
 * - map: correct iff the picked country is one of the accepted ones.
 *
 * Throws InvalidResponseError for a response of another kind than the question, values that
 * are not among the options, duplicates, or a malformed shape.
 */
export function gradeResponse(spec: QuestionSpec, response: Response, factSet: FactSet): GradeResult {
  if (!response || typeof response !== "object" || response.kind !== spec.kind) {
    throw new InvalidResponseError(`question ${spec.id} expects a "${spec.kind}" response`);
  }
  switch (spec.kind) {
    case "single": {
      const { value } = response as Extract<Response, { kind: "single" }>;
      requireOptionValues(spec.id, [value], spec.options);
      return verdict(value === spec.answer ? 1 : 0);
    }
    case "multi": {
      const { values } = response as Extract<Response, { kind: "multi" }>;
      requireOptionValues(spec.id, values, spec.options);
      requireDistinct(spec.id, values);
      const answers = new Set(spec.answer);
      const hits = values.filter((v) => answers.has(v)).length;
      const wrongPicks = values.length - hits;
      const isExact = hits === answers.size && wrongPicks === 0;
      return { correct: isExact, score: isExact ? 1 : Math.max(0, (hits - wrongPicks) / answers.size) };
    }
    case "order": {
      const { values } = response as Extract<Response, { kind: "order" }>;
      requireOptionValues(spec.id, values, spec.options);
      requireDistinct(spec.id, values);
      if (values.length !== spec.options.length) {
        throw new InvalidResponseError(`question ${spec.id}: an order must place all ${spec.options.length} options`);
      }
      const inPlace = values.filter((v, i) => v === spec.answer[i]).length;
      return verdict(inPlace / spec.answer.length);
    }
    case "match": {
      const { pairs } = response as Extract<Response, { kind: "match" }>;
      if (!pairs || typeof pairs !== "object" || Array.isArray(pairs)) {
        throw new InvalidResponseError(`question ${spec.id}: a match response needs pairs`);
      }
      const entries = Object.entries(pairs);
      requireOptionValues(spec.id, entries.map(([left]) => left), spec.left);
      requireOptionValues(spec.id, entries.map(([, right]) => right), spec.right);
      const right = spec.left.filter((left) => Object.hasOwn(pairs, left.value) && pairs[left.value] === spec.answer[left.value]).length;
      return verdict(right / spec.left.length);
    }
    case "text": {
      const { text } = response as Extract<Response, { kind: "text" }>;
      if (typeof text !== "string") throw new InvalidResponseError(`question ${spec.id}: a text response needs text`);
      if (text.length > maxTextLength) {
        throw new InvalidResponseError(`question ${spec.id}: the answer is longer than ${maxTextLength} characters`);
      }
      if (spec.answer.of === "year") {
        // A typed year must be one: anything else is refused (the player says why), not graded.
        const year = parseTypedYear(text);
        if (year === null) throw new InvalidResponseError(`question ${spec.id}: "${text.slice(0, 20)}" is not a four-digit year`);
        return verdict(year === spec.answer.value ? 1 : 0);
      }
      return verdict(matchTypedAnswer(text, spec.answer.value, factSet).correct ? 1 : 0);
    }
    case "map": {
      const { value } = response as Extract<Response, { kind: "map" }>;
      requireOptionValues(spec.id, [value], spec.options);
      return verdict(spec.answer.includes(value) ? 1 : 0);
    }
  }
}

/** Correct exactly when the whole answer was right. */
function verdict(score: number): GradeResult {
  return { correct: score === 1, score };
}

function requireOptionValues(questionId: string, values: unknown, options: OptionRef[]): void {
  if (!Array.isArray(values)) throw new InvalidResponseError(`question ${questionId}: expected a list of values`);
  const known = new Set(options.map((o) => o.value));
  for (const value of values) {
    if (typeof value !== "string" || !known.has(value)) {
      throw new InvalidResponseError(`question ${questionId}: "${String(value)}" is not one of its options`);
    }
  }
}

function requireDistinct(questionId: string, values: string[]): void {
  if (new Set(values).size !== values.length) {
    throw new InvalidResponseError(`question ${questionId}: the same option was given twice`);
  }
}
