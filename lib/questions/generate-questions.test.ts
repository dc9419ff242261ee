import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import type { FactSet, Locale } from "../facts/schema";
import { factSet as factSetSchema } from "../facts/schema";
import mapAsset from "../../public/maps/nato-map.json";
import { generateQuestions } from "./generate-questions";
import { renderQuestion, revealQuestion } from "./render-question";
import { fixtureFactSet, tinyFactSet } from "./test-fixtures";
import { type OptionRef, type QuestionSpec, type QuestionType, questionKindOf, questionTypes } from "./types";
import { questionModules } from "./question-types/registry";

/*
 * Every check of correctness here recomputes the truth from the raw fact data, without the
 * generator's helpers or its `answer` field: a question passes only if the fact base itself
 * makes exactly the marked option(s) true.
 */

const factSets: [string, FactSet][] = [
  ["fixture", fixtureFactSet],
  ["nato", getFactSet("nato")],
];
const seeds = Array.from({ length: 300 }, (_, i) => i);
const bothLocales: Locale[] = ["de", "en"];

const year = (isoDate: string) => Number(isoDate.slice(0, 4));

function accessionsOf(fs: FactSet, countryId: string) {
  return fs.accessions.filter((a) => a.country === countryId);
}
function joinedIn(fs: FactSet, countryId: string, y: number): boolean {
  return accessionsOf(fs, countryId).some((a) => year(a.date) === y);
}
function eventOf(fs: FactSet, spec: QuestionSpec) {
  const event = fs.events.find((e) => e.id === spec.params.event);
  if (!event) throw new Error(`no event ${spec.params.event}`);
  return event;
}
function optionsOf(spec: QuestionSpec): OptionRef[] {
  if (spec.kind === "match") return [...spec.left, ...spec.right];
  if (spec.kind === "text") return [];
  return spec.options;
}
function values(options: OptionRef[]): string[] {
  return options.map((o) => o.value);
}

/** The option values the fact base makes true, computed from the data alone. */
function trueValues(fs: FactSet, spec: QuestionSpec): string[] {
  if (spec.kind !== "single" && spec.kind !== "multi") throw new Error("only for choice questions");
  const opts = spec.options;
  const truth = questionModules[spec.type].truth;
  if (truth) {
    const key = truth(spec, fs);
    if (!Array.isArray(key)) throw new Error(`${spec.type}: the fact set determines no key: ${JSON.stringify(spec)}`);
    return key;
  }
  switch (spec.type) {
    case "members-after-round": {
      // Members after the round of that day: every accession up to and including it.
      const count = fs.accessions.filter((a) => a.date <= (spec.params.date ?? "")).length;
      return values(opts.filter((o) => Number(o.value) === count));
    }
    case "summit-invited":
      return values(opts.filter((o) => eventOf(fs, spec).invited.includes(o.value)));
    default:
      throw new Error(`${spec.type} is not a choice type`);
  }
}

/** Asserts that the fact base makes the question's marked answer, and only it, true. */
function expectFactuallyCorrect(fs: FactSet, spec: QuestionSpec): void {
  const context = JSON.stringify(spec);
  expect(spec.kind, context).toBe(questionKindOf[spec.type]);
  const opts = optionsOf(spec);
  expect(new Set(values(opts)).size, `duplicate option values: ${context}`).toBe(opts.length);

  const truthRule = questionModules[spec.type].truth;
  if (truthRule && (spec.kind === "order" || spec.kind === "match" || spec.kind === "text")) {
    const key = truthRule(spec, fs);
    expect(key, `the fact set determines no key: ${context}`).not.toBeNull();
    // Text: every value that fits the prompt, which must be the answer alone.
    expect(key, context).toEqual(spec.kind === "text" ? [spec.answer.value] : spec.answer);
  }
  switch (spec.kind) {
    case "single": {
      expect(values(spec.options), context).toContain(spec.answer);
      expect(trueValues(fs, spec), context).toEqual([spec.answer]);
      expect(spec.options.length, context).toBeGreaterThanOrEqual(spec.type === "founding-member-true-false" ? 2 : 3);
      break;
    }
    case "multi": {
      const truth = trueValues(fs, spec);
      expect(truth.length, `no correct option: ${context}`).toBeGreaterThanOrEqual(1);
      expect(truth.length, `no wrong option: ${context}`).toBeLessThan(spec.options.length);
      expect([...spec.answer].sort(), context).toEqual([...truth].sort());
      for (const value of spec.answer) expect(values(spec.options), context).toContain(value);
      break;
    }
    case "order": {
      if (spec.type === "event-order") {
        expect(spec.options.length, context).toBe(4);
        const events = spec.options.map((o) => fs.events.find((e) => e.id === o.value));
        const spans = events.map((e) => {
          if (!e) throw new Error(`no event in ${context}`);
          expect(e.name.de + e.name.en, `label names a year: ${context}`).not.toMatch(/\b\d{4}\b/);
          return [year(e.date), year(e.endDate ?? e.date)] as const;
        });
        // No two events share a year, so not a day either, whatever their precision.
        for (const [i, a] of spans.entries()) {
          for (const b of spans.slice(i + 1)) expect(a[1] < b[0] || b[1] < a[0], `overlapping years: ${context}`).toBe(true);
        }
        const chronological = [...values(spec.options)].sort(
          (a, b) => (fs.events.find((e) => e.id === a)?.date ?? "").localeCompare(fs.events.find((e) => e.id === b)?.date ?? ""),
        );
        expect(spec.answer, context).toEqual(chronological);
        expect(values(spec.options), `shown already solved: ${context}`).not.toEqual(spec.answer);
        break;
      }
      expect(truthRule, `no truth rule: ${context}`).toBeDefined();
      break;
    }
    case "match": {
      expect(spec.right.length, context).toBe(spec.left.length);
      expect(truthRule, `no truth rule: ${context}`).toBeDefined();
      break;
    }
    case "text": {
      if (spec.type === "typed-accession-year") {
        const years = accessionsOf(fs, spec.params.country ?? "").map((a) => String(year(a.date)));
        expect(spec.answer.of, context).toBe("year");
        expect(years, `country joined ${years.length} times: ${context}`).toEqual([spec.answer.value]);
        break;
      }
      expect(truthRule, `no truth rule: ${context}`).toBeDefined();
      break;
    }
  }

  if (spec.kind === "map") {
    const onMap = new Set(mapAsset.countries.filter((c) => c.isMember).map((c) => c.id));
    for (const o of spec.options) expect(onMap.has(o.value), `not on the map: ${context}`).toBe(true);
    let accepted: string[];
    if (spec.type === "map-click-wave") {
      accepted = fs.accessions.filter((a) => year(a.date) === Number(spec.params.year)).map((a) => a.country);
    } else {
      expect(spec.type, context).toBe("map-name-highlighted");
      const list = accessionsOf(fs, spec.params.country ?? "");
      expect(list.map((a) => String(year(a.date))), context).toEqual([spec.params.year]);
      accepted = [spec.params.country ?? ""];
      const shape = mapAsset.countries.find((c) => c.id === spec.params.country)?.d;
      expect(renderQuestion(spec, fs, "de").highlight, context).toBe(shape);
      // The shape is the country's alone: no other member is drawn the same.
      expect(mapAsset.countries.filter((c) => c.d === shape).length, context).toBe(1);
    }
    expect([...spec.answer].sort(), context).toEqual([...new Set(accepted)].sort());
    expect(spec.answer.length, `every option right: ${context}`).toBeLessThan(spec.options.length);
  }

  // Extra rules per type, beyond "exactly one true".
  expect(questionModules[spec.type].checks?.(spec, fs) ?? [], context).toEqual([]);
}

/** Asserts the rendered question and reveal read cleanly and leak nothing before answering. */
function expectCleanRendering(fs: FactSet, spec: QuestionSpec): void {
  for (const locale of bothLocales) {
    const question = renderQuestion(spec, fs, locale);
    const reveal = revealQuestion(spec, fs, locale);
    const json = JSON.stringify(question);
    const all = JSON.stringify([question, reveal]);
    expect(all).not.toMatch(/undefined|NaN|\[object /);
    for (const text of [question.prompt, reveal.correctAnswer, reveal.explanation, reveal.source]) {
      expect(text, all).not.toContain("undefined");
      expect(text, all).not.toContain("{");
      expect(text.trim().length, all).toBeGreaterThan(0);
    }
    const publicKeys = ["id", "type", "kind", "prompt", "options", "left", "right", ...(spec.kind === "map" ? ["highlight"] : [])];
    expect(Object.keys(question).every((k) => publicKeys.includes(k)), json).toBe(true);
    if (spec.kind === "map" && question.highlight !== undefined) {
      // A bare path: nothing in it names the country.
      expect(question.highlight, json).toMatch(/^[MLZ0-9,.-]+$/);
    }
    expect(json).not.toMatch(/"(answer|explanation|source|params|factIds)"/);
    const labelLists = [question.options, question.left, question.right].filter((l) => l !== undefined);
    for (const list of labelLists) {
      const labels = list.map((o) => o.label.toLocaleLowerCase());
      expect(new Set(labels).size, `duplicate labels: ${json}`).toBe(labels.length);
      for (const label of labels) expect(label).not.toContain("undefined");
    }
    if (spec.kind === "text" && spec.answer.of === "year") {
      expect(question.prompt, `prompt names its answer: ${json}`).not.toContain(spec.answer.value);
    }
    if (spec.kind === "text" && spec.answer.of === "country") {
      const country = fs.countries.find((c) => c.id === spec.answer.value);
      expect(question.prompt, `prompt names its answer: ${json}`).not.toContain(country?.name[locale]);
    }
  }
}

describe("test fixtures", () => {
  it("match the fact set schema", () => {
    expect(factSetSchema.safeParse(fixtureFactSet).success).toBe(true);
    expect(factSetSchema.safeParse(tinyFactSet).success).toBe(true);
  });
});

/**
 * The types the NATO data supports. Group and "member today" questions need named groups and
 * a member that left, which only imported tables have; lib/facts/membership-table.test.ts
 * checks them over random tables.
 */
const tableOnlyTypes: QuestionType[] = ["group-members-select", "member-today-true-false"];
const natoTypes = questionTypes.filter((type) => !tableOnlyTypes.includes(type));

describe.each(factSets)("generateQuestions on %s", (_name, fs) => {
  it("gives questions whose one marked answer is what the fact base says, for hundreds of seeds", () => {
    let checked = 0;
    for (const seed of seeds) {
      for (const spec of generateQuestions(fs, { seed, count: natoTypes.length })) {
        expectFactuallyCorrect(fs, spec);
        checked++;
      }
    }
    expect(checked).toBe(seeds.length * natoTypes.length);
  });

  it.each(natoTypes)("builds %s correctly for many seeds and renders it cleanly", (type) => {
    let built = 0;
    for (const seed of seeds.slice(0, 60)) {
      const specs = generateQuestions(fs, { seed: `t-${seed}`, count: 5, types: [type] });
      for (const spec of specs) {
        expect(spec.type).toBe(type);
        expectFactuallyCorrect(fs, spec);
        expectCleanRendering(fs, spec);
        built++;
      }
    }
    expect(built, `type ${type} never built`).toBe(60 * 5);
  });

  it("is deterministic: the same seed and options give identical output", () => {
    for (const seed of [0, 1, "abc", "2024-01-01"]) {
      const a = generateQuestions(fs, { seed, count: 40 });
      const b = generateQuestions(fs, { seed, count: 40 });
      expect(b).toEqual(a);
    }
    expect(generateQuestions(fs, { seed: 7, count: 20 })).toEqual(generateQuestions(fs, { seed: "7", count: 20 }));
    expect(generateQuestions(fs, { seed: 1, count: 20 })).not.toEqual(generateQuestions(fs, { seed: 2, count: 20 }));
  });

  it("gives ids unique within a set", () => {
    const specs = generateQuestions(fs, { seed: "ids", count: 1000 });
    expect(new Set(specs.map((s) => s.id)).size).toBe(1000);
  });

  it("makes 1,000 questions, mixed, never the same question twice in a row", () => {
    const specs = generateQuestions(fs, { seed: "big", count: 1000 });
    expect(specs).toHaveLength(1000);
    expect(new Set(specs.map((s) => s.type))).toEqual(new Set(natoTypes));
    for (let i = 1; i < specs.length; i++) {
      const [prev, cur] = [specs[i - 1] as QuestionSpec, specs[i] as QuestionSpec];
      expect(cur.type, `same type twice at ${i}`).not.toBe(prev.type);
    }
    for (const spec of specs) expectFactuallyCorrect(fs, spec);
    // Mixed from the start: the first round has every type once.
    expect(new Set(specs.slice(0, natoTypes.length).map((s) => s.type)).size).toBe(natoTypes.length);
  });

  it("covers distinct facts before repeating within a type, and varies the repeats", () => {
    const count = fs.accessions.length;
    const specs = generateQuestions(fs, { seed: "cover", count, types: ["accession-year"] });
    expect(new Set(specs.map((s) => s.factIds.join())).size).toBe(count);
    for (let i = 1; i < specs.length; i++) expect(specs[i]?.factIds).not.toEqual(specs[i - 1]?.factIds);

    const many = generateQuestions(fs, { seed: "repeat", count: 200, types: ["accession-year"] });
    const variants = new Set(many.map((s) => JSON.stringify(s.kind === "single" ? [s.factIds, s.options] : s)));
    expect(variants.size).toBeGreaterThan(count);
  });

  it("keeps to the type filter", () => {
    const types: QuestionType[] = ["accession-order", "typed-country", "event-place"];
    const specs = generateQuestions(fs, { seed: 3, count: 60, types });
    expect(specs).toHaveLength(60);
    expect(new Set(specs.map((s) => s.type))).toEqual(new Set(types));
  });

  it("keeps to the factIds filter (practise my mistakes)", () => {
    const accessionIds = fs.accessions.slice(0, 6).map((a) => a.id);
    const pick = [...accessionIds, ...fs.accessions.slice(-8).map((a) => a.id), ...fs.events.slice(0, 3).map((e) => e.id)];
    for (const seed of seeds.slice(0, 50)) {
      const specs = generateQuestions(fs, { seed, count: 30, factIds: pick });
      expect(specs).toHaveLength(30);
      for (const spec of specs) {
        for (const id of spec.factIds) expect(pick, JSON.stringify(spec)).toContain(id);
        expectFactuallyCorrect(fs, spec);
      }
    }
    const one = fs.accessions.find((a) => !a.founding)?.id ?? "";
    const single = generateQuestions(fs, { seed: 1, count: 10, factIds: [one] });
    expect(single.length).toBe(10);
    for (const spec of single) expect(spec.factIds).toEqual([one]);
    expect(generateQuestions(fs, { seed: 1, count: 10, factIds: [] })).toEqual([]);
    expect(generateQuestions(fs, { seed: 1, count: 10, factIds: ["no-such-fact"] })).toEqual([]);
  });

  it("uses names at accession and declines German names in prompts", () => {
    const renamed = fs.accessions.find((a) => a.nameAtAccession);
    if (!renamed) return;
    const specs = generateQuestions(fs, { seed: 1, count: 1, types: ["accession-year"], factIds: [renamed.id] });
    const spec = specs[0] as QuestionSpec;
    expect(renderQuestion(spec, fs, "de").prompt).toContain(renamed.nameAtAccession?.de);
    expect(renderQuestion(spec, fs, "en").prompt).toContain(renamed.nameAtAccession?.en);
  });
});

describe("shuffles carry no information", () => {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  /**
   * Each arrangement of n items is shown with probability 1/n!, the solved one included: a
   * generator that never shows the answer lets a learner rule one arrangement out. Counts the
   * solved arrangements per size over many seeds and checks them against a binomial bound.
   */
  function expectUniform(isSolved: (spec: QuestionSpec) => boolean, sizeOf: (spec: QuestionSpec) => number, type: QuestionType) {
    const shown = new Map<number, { total: number; solved: number }>();
    for (let seed = 0; seed < 4000; seed++) {
      for (const spec of generateQuestions(fixtureFactSet, { seed: `shuffle-${seed}`, count: 1, types: [type] })) {
        const entry = shown.get(sizeOf(spec)) ?? { total: 0, solved: 0 };
        entry.total++;
        if (isSolved(spec)) entry.solved++;
        shown.set(sizeOf(spec), entry);
      }
    }
    expect(shown.size).toBeGreaterThan(0);
    for (const [n, { total, solved }] of shown) {
      const p = 1 / factorial(n);
      const expected = total * p;
      const sd = Math.sqrt(total * p * (1 - p));
      expect(total, `too few questions of size ${n}`).toBeGreaterThan(200);
      expect(solved, `size ${n}: ${solved} solved of ${total}, expected about ${expected.toFixed(1)}`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(expected - 4 * sd)));
      expect(solved, `size ${n}: ${solved} solved of ${total}`).toBeLessThanOrEqual(Math.ceil(expected + 4 * sd));
    }
  }

  it("shows an order question in the correct order with probability 1/n!", () => {
    expectUniform(
      (spec) => spec.kind === "order" && spec.options.every((o, i) => o.value === spec.answer[i]),
      (spec) => (spec.kind === "order" ? spec.options.length : 0),
      "accession-order",
    );
  });

  it("shows a match question already matched with probability 1/n!", () => {
    expectUniform(
      (spec) => spec.kind === "match" && spec.left.every((o, i) => spec.answer[o.value] === spec.right[i]?.value),
      (spec) => (spec.kind === "match" ? spec.left.length : 0),
      "match-country-year",
    );
  });
});

describe("generateQuestions edge cases", () => {
  it("skips types a small fact set cannot support and still fills the count", () => {
    const specs = generateQuestions(tinyFactSet, { seed: 1, count: 50 });
    expect(specs).toHaveLength(50);
    for (const spec of specs) expectFactuallyCorrect(tinyFactSet, spec);
    expect(specs.some((s) => s.type === "accession-order")).toBe(false);
  });

  it("returns nothing for count 0 and rejects bad counts and types", () => {
    expect(generateQuestions(fixtureFactSet, { seed: 1, count: 0 })).toEqual([]);
    expect(() => generateQuestions(fixtureFactSet, { seed: 1, count: -1 })).toThrow(RangeError);
    expect(() => generateQuestions(fixtureFactSet, { seed: 1, count: 1.5 })).toThrow(RangeError);
    expect(() => generateQuestions(fixtureFactSet, { seed: 1, count: 1, types: ["nope" as QuestionType] })).toThrow(RangeError);
  });
});

describe("rendering", () => {
  const nato = getFactSet("nato");

  it("formats dates per locale in UTC", () => {
    const spec = generateQuestions(fixtureFactSet, { seed: 1, count: 1, types: ["accession-date"], factIds: ["pl-1999"] })[0] as QuestionSpec;
    const de = renderQuestion(spec, fixtureFactSet, "de").options?.map((o) => o.label) ?? [];
    const en = renderQuestion(spec, fixtureFactSet, "en").options?.map((o) => o.label) ?? [];
    expect(de).toContain("12. März 1999");
    expect(en).toContain("12 March 1999");
  });

  it("writes German with the dative and declined articles", () => {
    const specs = generateQuestions(nato, { seed: "de", count: 300 });
    for (const spec of specs) {
      const prompt = renderQuestion(spec, nato, "de").prompt;
      if (/trat|traten/.test(prompt)) expect(prompt).toContain("der NATO");
      expect(prompt).not.toMatch(/\b(trat|ist) die (Niederlande|Vereinigten Staaten)\b/);
      expect(prompt).not.toMatch(/\btrat Slowakei\b|\btrat Türkei\b/);
    }
    const slovakia = nato.accessions.find((a) => a.country === "SK");
    if (slovakia) {
      const spec = generateQuestions(nato, { seed: 1, count: 1, types: ["accession-year"], factIds: [slovakia.id] })[0] as QuestionSpec;
      expect(renderQuestion(spec, nato, "de").prompt).toBe("In welchem Jahr trat die Slowakei der NATO bei?");
    }
    const netherlands = nato.accessions.find((a) => a.country === "NL");
    if (netherlands) {
      const spec = generateQuestions(nato, { seed: 1, count: 1, types: ["founding-member-true-false"], factIds: [netherlands.id] })[0] as QuestionSpec;
      expect(renderQuestion(spec, nato, "de").prompt).toBe("Richtig oder falsch? Die Niederlande sind Gründungsmitglied der NATO.");
    }
  });

  it("explains an accession with its date and companions", () => {
    const spec = generateQuestions(fixtureFactSet, { seed: 1, count: 1, types: ["accession-year"], factIds: ["pl-1999"] })[0] as QuestionSpec;
    const reveal = revealQuestion(spec, fixtureFactSet, "de");
    expect(reveal.correctAnswer).toBe("1999");
    expect(reveal.explanation).toContain("Polen trat der NATO am 12. März 1999 bei – zusammen mit der Tschechischen Republik und Ungarn.");
    expect(reveal.source).toContain("Fixture: PL 1999-03-12.");
  });
});

describe("former Warsaw Pact questions", () => {
  it("never offer a country that was only part of a member state (Baltic states, Germany)", () => {
    const factSet = getFactSet("nato");
    const ambiguous = new Set(factSet.countries.filter((c) => c.unclearGroups?.includes("former-warsaw-pact")).map((c) => c.id));
    expect(ambiguous.size).toBeGreaterThan(0);
    for (let seed = 0; seed < 200; seed++) {
      for (const spec of generateQuestions(factSet, { seed, count: 5, types: ["former-warsaw-pact-select"] })) {
        if (spec.kind !== "multi") throw new Error("expected a multi question");
        for (const option of spec.options) expect(ambiguous.has(option.value), `seed ${seed}: ${option.value}`).toBe(false);
      }
    }
  });
});

describe("the sources of a revealed question", () => {
  const nato = getFactSet("nato");
  it("quote the source text first, list every other reference once by title, and never show a bare address or 'Quelltext'", () => {
    const references = new Map(nato.sources.map((s) => [s.id, s]));
    for (const locale of bothLocales) {
      for (let seed = 0; seed < 60; seed++) {
        for (const spec of generateQuestions(nato, { seed, count: 4 })) {
          const reveal = revealQuestion(spec, nato, locale);
          const facts = spec.factIds.map((id) => nato.accessions.find((a) => a.id === id) ?? nato.events.find((e) => e.id === id)!);
          const cited = new Set(facts.flatMap((fact) => fact.sources.map((s) => s.ref)));
          const seedQuotes = facts.flatMap((fact) => fact.sources.filter((s) => s.ref === "seed" && s.quote).map((s) => s.quote!));
          if (seedQuotes.length > 0) {
            expect(reveal.quote?.citation).toBe(locale === "de" ? "Ausgangstext: NATO-Geschichte" : "Source text (in German): NATO-Geschichte");
            expect(reveal.quote?.text).toContain(seedQuotes[0]);
          }
          const titles = reveal.references.map((r) => r.title);
          expect(new Set(titles).size).toBe(titles.length);
          for (const reference of reveal.references) {
            expect(reference.title).not.toMatch(/^https?:|Quelltext/);
            const known = [...cited].map((ref) => references.get(ref)).find((r) => r?.title === reference.title);
            expect(known, `${spec.id}: ${reference.title}`).toBeDefined();
            expect(reference.url).toBe(known?.url ?? null);
          }
          // Every cited reference is either the quotation's or among the links.
          expect(reveal.references.length + (reveal.quote ? 1 : 0)).toBe(cited.size);
          expect(reveal.source).not.toContain("Quelltext");
        }
      }
    }
  });

  it("give the answer by value, so the feedback can mark each option", () => {
    for (let seed = 0; seed < 100; seed++) {
      for (const spec of generateQuestions(nato, { seed, count: 6 })) {
        const key = revealQuestion(spec, nato, "de").answerKey;
        if (spec.kind === "match") expect(key).toEqual(spec.answer);
        else if (spec.kind === "text") expect(key).toEqual([spec.answer.value]);
        else if (spec.kind === "single") expect(key).toEqual([spec.answer]);
        else expect(key).toEqual(spec.answer);
      }
    }
  });
});
