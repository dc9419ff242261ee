/**
 * The question audit: prints generated questions with their answers, explanations and
 * sources as JSON, so a person can check every question against the fact base.
 *
 *   npm run --silent questions -- --count 50 --seed 7 --locale de [--types accession-year,event-date]
 *   npm run --silent questions -- --fact-set FILE.csv --title-de T --title-en T --organization-de "die EU" \
 *     --organization-dative-de "der EU" --organization-en "the EU" --count N --seed S --locale de|en
 *
 * Bad arguments, and a malformed table (one line per problem, by row and column, in the
 * chosen locale), print on stderr and exit with code 2.
 */
import { locales, type Locale } from "../lib/facts/schema";
import { readFileSync } from "node:fs";
import { getFactSet } from "../lib/facts/load-fact-sets";
import type { FactSet } from "../lib/facts/schema";
import { type MemberNoun, type Membership, defaultMemberNoun, toFactSet } from "../lib/facts/membership";
import { InvalidFactSetError } from "../lib/facts/validate-fact-set";
import { describeTableProblem, parseMembershipTable } from "../lib/facts/parse-membership-table";
import { acceptedAnswers } from "../lib/grading/match-typed-answer";
import { generateQuestions } from "../lib/questions/generate-questions";
import { renderAnswer, renderQuestion, revealQuestion } from "../lib/questions/render-question";
import { type QuestionType, isQuestionType, questionTypes } from "../lib/questions/types";

const usage = `usage: npm run --silent questions -- --count N --seed S --locale ${locales.join("|")} [--types a,b]
  --count   number of questions, 1..10000
  --seed    any string or number; the same seed gives the same questions
  --locale  ${locales.join(" or ")}
  --types   comma-separated question types (default: all): ${questionTypes.join(", ")}
  --fact-set FILE.csv   a membership table instead of NATO (docs/fact-set-tables.md); then also
  --title-de, --title-en, --organization-de, --organization-dative-de, --organization-en (required),
  --organization-dative-en (default: the English name), --as-of YYYY-MM-DD (default: today, UTC),
  --member-de "Singular|Plural|m/f/n" and --member-en "singular|plural" (default: Land|Länder|n, country|countries)`;

class UsageError extends Error {}

interface Arguments {
  count: number;
  seed: string;
  locale: Locale;
  types: QuestionType[];
  table?: { file: string; titleDe: string; titleEn: string; orgDe: string; orgDativeDe: string; orgEn: string; orgDativeEn: string; asOf: string; memberNoun?: MemberNoun };
}

function parseArguments(argv: string[]): Arguments | "help" {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return "help";
    const match = /^--(count|seed|locale|types|fact-set|title-de|title-en|organization-de|organization-dative-de|organization-en|organization-dative-en|as-of|member-de|member-en)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"`);
    const name = match[1] as string;
    const value = match[2] ?? argv[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith("--"))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (values.has(name)) throw new UsageError(`--${name} given twice`);
    values.set(name, value);
  }

  const countText = values.get("count");
  if (countText === undefined) throw new UsageError("--count is required");
  if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > 10_000) {
    throw new UsageError(`--count must be a whole number from 1 to 10000, got "${countText}"`);
  }
  const seed = values.get("seed");
  if (seed === undefined || seed === "") throw new UsageError("--seed is required");
  const locale = values.get("locale");
  if (locale === undefined) throw new UsageError("--locale is required");
  if (!(locales as readonly string[]).includes(locale)) {
    throw new UsageError(`--locale must be one of ${locales.join(", ")}, got "${locale}"`);
  }
  const typeNames = (values.get("types") ?? "").split(",").map((t) => t.trim()).filter(Boolean);
  const unknown = typeNames.filter((t) => !isQuestionType(t));
  if (unknown.length > 0) throw new UsageError(`unknown question type(s): ${unknown.join(", ")}`);
  if (values.has("types") && typeNames.length === 0) throw new UsageError("--types needs at least one type");

  let table: Arguments["table"];
  const file = values.get("fact-set");
  if (file !== undefined) {
    const need = (name: string): string => {
      const value = values.get(name)?.trim();
      if (!value) throw new UsageError(`--${name} is required with --fact-set`);
      return value;
    };
    const asOf = values.get("as-of") ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`--as-of must be YYYY-MM-DD, got "${asOf}"`);
    table = {
      file,
      titleDe: need("title-de"),
      titleEn: need("title-en"),
      orgDe: need("organization-de"),
      orgDativeDe: need("organization-dative-de"),
      orgEn: need("organization-en"),
      orgDativeEn: values.get("organization-dative-en")?.trim() || need("organization-en"),
      asOf,
      memberNoun: parseMemberNoun(values.get("member-de"), values.get("member-en")),
    };
  } else {
    for (const name of ["title-de", "title-en", "organization-de", "organization-dative-de", "organization-en", "organization-dative-en", "as-of", "member-de", "member-en"]) {
      if (values.has(name)) throw new UsageError(`--${name} only goes with --fact-set`);
    }
  }

  return { count: Number(countText), seed, locale: locale as Locale, types: typeNames.filter(isQuestionType), table };
}

function main(): void {
  let args: Arguments | "help";
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`questions: ${error.message}\n${usage}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (args === "help") {
    process.stdout.write(`${usage}\n`);
    return;
  }

  const { locale } = args;
  const factSet = args.table ? readTable(args.table, locale) : getFactSet("nato");
  const specs = generateQuestions(factSet, { seed: args.seed, count: args.count, types: args.types });
  const audit = specs.map((spec) => {
    const question = renderQuestion(spec, factSet, locale);
    const reveal = revealQuestion(spec, factSet, locale);
    const labels = (options: { label: string }[] | undefined) => (options ?? []).map((o) => o.label);
    return {
      id: spec.id,
      type: spec.type,
      kind: spec.kind,
      prompt: question.prompt,
      ...(spec.kind === "match"
        ? { options: { left: labels(question.left), right: labels(question.right) } }
        : spec.kind === "text"
          ? {}
          : { options: labels(question.options) }),
      answer:
        spec.kind === "text"
          ? spec.answer.of === "year"
            ? [spec.answer.value]
            : acceptedAnswers(spec.answer.value, factSet, locale)
          : renderAnswer(spec, factSet, locale),
      explanation: reveal.explanation,
      source: reveal.source,
      factIds: spec.factIds,
    };
  });
  process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
}

/** "Bundesstaat|Bundesstaaten|m" and "state|states"; either may be left out (then: countries). */
function parseMemberNoun(de: string | undefined, en: string | undefined): MemberNoun | undefined {
  if (de === undefined && en === undefined) return undefined;
  const [singularDe, pluralDe, gender] = (de ?? "").split("|").map((part) => part.trim());
  const [singularEn, pluralEn] = (en ?? "").split("|").map((part) => part.trim());
  if (de !== undefined && (!singularDe || !pluralDe || !(gender === "m" || gender === "f" || gender === "n"))) {
    throw new UsageError(`--member-de must be "Singular|Plural|m", "…|f" or "…|n", got "${de}"`);
  }
  if (en !== undefined && (!singularEn || !pluralEn)) throw new UsageError(`--member-en must be "singular|plural", got "${en}"`);
  return {
    de: de !== undefined ? { singular: singularDe!, plural: pluralDe!, gender: gender as "m" | "f" | "n" } : defaultMemberNoun.de,
    en: en !== undefined ? { singular: singularEn!, plural: pluralEn! } : defaultMemberNoun.en,
  };
}

/** The fact set of a membership table; a malformed one is reported by row and column, exit 2. */
function readTable(table: NonNullable<Arguments["table"]>, locale: Locale): FactSet {
  let text: string;
  try {
    text = readFileSync(table.file, "utf8");
  } catch (error) {
    process.stderr.write(`questions: cannot read ${table.file}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const result = parseMembershipTable(text, { asOf: table.asOf });
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`${table.file}: ${describeTableProblem(problem, locale)}\n`);
    process.exit(2);
  }
  try {
    return tableFactSet(table, result.membership);
  } catch (error) {
    if (!(error instanceof InvalidFactSetError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

function tableFactSet(table: NonNullable<Arguments["table"]>, membership: Membership): FactSet {
  return toFactSet(membership, {
    id: "table",
    title: { de: table.titleDe, en: table.titleEn },
    organization: { name: { de: table.orgDe, en: table.orgEn }, dative: { de: table.orgDativeDe, en: table.orgDativeEn } },
    asOf: table.asOf,
    memberNoun: table.memberNoun,
  });
}

main();
