import type { FactSet, FactSource, Locale } from "../facts/schema";
import { type FactIndex, indexFactSet, requireCountry, requireEvent, yearOf } from "./fact-index";
import { type Templates, templatesFor } from "./templates";
import { questionModuleOf } from "./question-types/registry";
import { mapAssetUrlFor } from "../maps/map-assets";
import type { OptionRef, PublicQuestion, QuestionLocator, QuestionReveal, QuestionSpec, RenderedOption } from "./types";

/** A question about more accessions than this gets no locator map: it would point at half of Europe. */
export const maxLocatorCountries = 8;

/**
 * Turns a locale-neutral QuestionSpec into text. `renderQuestion` gives what the browser may
 * see before answering (never the answer); `revealQuestion` gives the answer, an explanation
 * and the source after it.
 */

/** The label of one option, in a locale. */
export function renderOptionLabel(option: OptionRef, factSet: FactSet, locale: Locale): string {
  return optionLabel(option, indexFactSet(factSet), templatesFor(locale));
}

/**
 * The prompt and the option labels of a question, with no answer, explanation or source:
 * safe to send to the browser before the learner answers.
 */
export function renderQuestion(spec: QuestionSpec, factSet: FactSet, locale: Locale): PublicQuestion {
  const index = indexFactSet(factSet);
  const t = templatesFor(locale);
  const rendered = (options: OptionRef[]): RenderedOption[] =>
    options.map((option) => ({ value: option.value, label: optionLabel(option, index, t) }));
  const base = { id: spec.id, type: spec.type, kind: spec.kind, prompt: renderPrompt(spec, index, t) };
  switch (spec.kind) {
    case "single":
    case "multi":
    case "order":
      return { ...base, options: rendered(spec.options) };
    case "match":
      return { ...base, left: rendered(spec.left), right: rendered(spec.right) };
    case "text":
      return base;
    case "map":
      return { ...base, options: rendered(spec.options), ...questionModuleOf(spec.type).publicExtras?.(spec) };
  }
}

/** The correct answer in readable form, an explanation of the fact, and where it comes from. */
export function revealQuestion(spec: QuestionSpec, factSet: FactSet, locale: Locale): QuestionReveal {
  const index = indexFactSet(factSet);
  const t = templatesFor(locale);
  const answer = renderAnswer(spec, factSet, locale);
  let correctAnswer: string;
  if (typeof answer === "string") correctAnswer = answer;
  else if (Array.isArray(answer)) {
    correctAnswer = spec.kind === "order" ? answer.join(t.sequenceSeparator) : answer.join(", ");
  } else correctAnswer = Object.entries(answer).map(([left, right]) => t.pair(left, right)).join(", ");
  const locator = locateAccessions(spec, factSet, locale);
  return {
    correctAnswer,
    explanation: renderExplanation(spec, index, t),
    answerKey: answerKeyOf(spec),
    ...renderSources(spec, index, t),
    ...(locator ? { locator } : {}),
  };
}

/**
 * The locator map of a question: every accession among the facts it tests, with the year it
 * took effect. Undefined when the fact set has no map, the question tests no accession, or
 * more than `maxLocatorCountries` of them.
 */
export function locateAccessions(spec: QuestionSpec, factSet: FactSet, locale: Locale): QuestionLocator | undefined {
  const mapUrl = mapAssetUrlFor(factSet.id);
  if (!mapUrl) return undefined;
  const accessions = spec.factIds.flatMap((factId) => factSet.accessions.filter((accession) => accession.id === factId));
  if (accessions.length === 0 || accessions.length > maxLocatorCountries) return undefined;
  const index = indexFactSet(factSet);
  return {
    mapUrl,
    countries: accessions.map((accession) => ({
      countryId: accession.country,
      name: requireCountry(index, accession.country).name[locale],
      year: yearOf(accession.date),
      founding: accession.founding,
    })),
  };
}

/**
 * The answer as labels: the option label (single), the correct labels in option order
 * (multi), the labels in correct order (order), left label → right label (match), or the
 * canonical name of the country to type (text), every accepted country (map).
 */
export function renderAnswer(
  spec: QuestionSpec,
  factSet: FactSet,
  locale: Locale,
): string | string[] | Record<string, string> {
  const index = indexFactSet(factSet);
  const t = templatesFor(locale);
  const labelOf = (options: OptionRef[], value: string): string => {
    const option = options.find((o) => o.value === value);
    if (!option) throw new Error(`question ${spec.id}: answer "${value}" is not among its options`);
    return optionLabel(option, index, t);
  };
  switch (spec.kind) {
    case "single":
      return labelOf(spec.options, spec.answer);
    case "multi":
    case "order":
      return spec.answer.map((value) => labelOf(spec.options, value));
    case "match":
      return Object.fromEntries(
        spec.left.map((left) => [optionLabel(left, index, t), labelOf(spec.right, spec.answer[left.value] ?? "")]),
      );
    case "text":
      return optionLabel(spec.answer, index, t);
    case "map":
      return spec.answer.map((value) => labelOf(spec.options, value));
  }
}

function optionLabel(option: OptionRef, index: FactIndex, t: Templates): string {
  switch (option.of) {
    case "country":
      return requireCountry(index, option.value).name[t.locale];
    case "year":
      return option.value;
    case "date":
      return t.formatDate(option.value);
    case "event":
      return requireEvent(index, option.value).name[t.locale];
    case "place": {
      const place = index.eventByPlaceKey.get(option.value)?.place;
      if (!place) throw new Error(`unknown place "${option.value}" in fact set "${index.factSet.id}"`);
      return place[t.locale];
    }
    case "boolean":
      return t.booleanLabel(option.value === "true");
    case "count":
      return option.value;
  }
}

function renderPrompt(spec: QuestionSpec, index: FactIndex, t: Templates): string {
  return questionModuleOf(spec.type).prompt(spec, index, t);
}

function renderExplanation(spec: QuestionSpec, index: FactIndex, t: Templates): string {
  return questionModuleOf(spec.type).explanation(spec, index, t);
}

function answerKeyOf(spec: QuestionSpec): QuestionReveal["answerKey"] {
  switch (spec.kind) {
    case "single":
      return [spec.answer];
    case "text":
      return [spec.answer.value];
    case "match":
      return { ...spec.answer };
    default:
      return [...spec.answer];
  }
}

/** At most this many seed quotes in one source line; the rest are cited by title only. */
const maxQuotes = 3;

/** The id of the seed text among a fact set's references: it is quoted, not linked. */
const seedReferenceId = "seed";

/**
 * The sources of the facts a question tests: the seed text's sentences that state them as a
 * quotation first, then every other reference by its title (and address, when it has one),
 * each once; and all of it as one line of text for history and export.
 */
function renderSources(spec: QuestionSpec, index: FactIndex, t: Templates): Pick<QuestionReveal, "source" | "quote" | "references"> {
  const sources: FactSource[] = [];
  for (const id of spec.factIds) {
    const fact = index.accessionById.get(id) ?? index.eventById.get(id);
    if (fact) sources.push(...fact.sources);
  }
  const quotesByRef = new Map<string, string[]>();
  let quoteCount = 0;
  for (const source of sources) {
    const quotes = quotesByRef.get(source.ref) ?? [];
    if (source.quote && !quotes.includes(source.quote) && quoteCount < maxQuotes) {
      quotes.push(source.quote);
      quoteCount++;
    }
    quotesByRef.set(source.ref, quotes);
  }
  const references = new Map(index.factSet.sources.map((s) => [s.id, s]));
  const titleOf = (ref: string) => (ref === seedReferenceId ? t.seedTitle(references.get(ref)?.title ?? ref) : (references.get(ref)?.title ?? ref));
  const line = [...quotesByRef.entries()]
    .map(([ref, quotes]) => {
      // A repository path means nothing to a learner; an address can be followed.
      const title = [titleOf(ref), ref === seedReferenceId ? undefined : references.get(ref)?.url].filter(Boolean).join(", ");
      return quotes.length ? `${quotes.map((q) => t.quote(q)).join(" ")} – ${title}` : title;
    })
    .join(" · ");
  const seedQuotes = quotesByRef.get(seedReferenceId) ?? [];
  const [firstRef, firstQuotes] = [...quotesByRef.entries()].find(([, quotes]) => quotes.length > 0) ?? [];
  // The seed text first; a fact the seed does not state is quoted from the reference that does.
  const quoted = seedQuotes.length ? { ref: seedReferenceId, quotes: seedQuotes } : firstRef && firstQuotes ? { ref: firstRef, quotes: firstQuotes } : null;
  return {
    source: line,
    quote: quoted ? { text: quoted.quotes.map((q) => t.quote(q)).join(" "), citation: titleOf(quoted.ref) } : null,
    references: [...quotesByRef.keys()]
      .filter((ref) => ref !== seedReferenceId && ref !== quoted?.ref)
      .map((ref) => ({ title: titleOf(ref), url: references.get(ref)?.url ?? null })),
  };
}
