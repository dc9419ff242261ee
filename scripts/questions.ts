/**
 * The question audit: prints generated questions with their answers, explanations and
 * sources as JSON, so a person can check every question against the fact base.
 *
 *   npm run --silent questions -- --count 50 --seed 7 --locale de [--types accession-year,event-date]
 *
 * Bad arguments print a message on stderr and exit with code 2.
 */
import { locales, type Locale } from "../lib/facts/schema";
import { getFactSet } from "../lib/facts/load-fact-sets";
import { acceptedAnswers } from "../lib/grading/match-typed-answer";
import { generateQuestions } from "../lib/questions/generate-questions";
import { renderAnswer, renderQuestion, revealQuestion } from "../lib/questions/render-question";
import { type QuestionType, isQuestionType, questionTypes } from "../lib/questions/types";

const usage = `usage: npm run --silent questions -- --count N --seed S --locale ${locales.join("|")} [--types a,b]
  --count   number of questions, 1..10000
  --seed    any string or number; the same seed gives the same questions
  --locale  ${locales.join(" or ")}
  --types   comma-separated question types (default: all): ${questionTypes.join(", ")}`;

class UsageError extends Error {}

interface Arguments {
  count: number;
  seed: string;
  locale: Locale;
  types: QuestionType[];
}

function parseArguments(argv: string[]): Arguments | "help" {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return "help";
    const match = /^--(count|seed|locale|types)(?:=(.*))?$/.exec(arg);
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

  return { count: Number(countText), seed, locale: locale as Locale, types: typeNames.filter(isQuestionType) };
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

  const factSet = getFactSet("nato");
  const { locale } = args;
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

main();
