import type { FactSet, Locale } from "../facts/schema";
import { renderOptionLabel } from "../questions/render-question";
import { templatesFor } from "../questions/templates";
import type { OptionRef, QuestionSpec, Response } from "../questions/types";

/**
 * A stored response in words, formatted like the correct answer `revealQuestion` gives, so
 * the two can be read side by side: option labels (single), labels in option order (multi),
 * labels in the learner's order (order), "left → right" pairs in question order (match), the
 * typed text as typed (text). A value that is not among the options (a changed fact set)
 * shows as itself rather than failing the whole page. An empty response is "".
 */
export function describeResponse(spec: QuestionSpec, response: Response, factSet: FactSet, locale: Locale): string {
  const t = templatesFor(locale);
  const label = (options: readonly OptionRef[], value: string): string => {
    const option = options.find((o) => o.value === value);
    return option ? renderOptionLabel(option, factSet, locale) : value;
  };
  const optionsOf = (s: QuestionSpec): readonly OptionRef[] => ("options" in s ? s.options : []);
  switch (response.kind) {
    case "single":
      return label(optionsOf(spec), response.value);
    case "multi": {
      // In option order, as the correct answer is listed, not in the order they were ticked.
      const options = optionsOf(spec);
      const chosen = new Set(response.values);
      const ordered = options.filter((o) => chosen.has(o.value)).map((o) => o.value);
      const unknown = response.values.filter((v) => !options.some((o) => o.value === v));
      return [...ordered, ...unknown].map((v) => label(options, v)).join(", ");
    }
    case "order":
      return response.values.map((v) => label(optionsOf(spec), v)).join(t.sequenceSeparator);
    case "match": {
      if (spec.kind !== "match") return "";
      return spec.left
        .filter((left) => Object.hasOwn(response.pairs, left.value))
        .map((left) => t.pair(label(spec.left, left.value), label(spec.right, response.pairs[left.value] ?? "")))
        .join(", ");
    }
    case "text":
      return response.text.trim();
    case "map":
      return label(optionsOf(spec), response.value);
  }
}
