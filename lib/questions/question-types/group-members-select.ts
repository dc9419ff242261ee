import type { Country } from "../../facts/schema";
import type { FactIndex } from "../fact-index";
import { accessionYearsOf, groupMembers } from "../fact-index";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { memberNounOf, paramOf, pickNearest } from "./module";

/**
 * "Which of these countries belong to the group “euro area”? Select all." For a named group of
 * the fact set (a `group:` column of a table): one to three members of the group and enough
 * members outside it to make five options, at least one of each, so neither "all" nor "none"
 * is the answer. Group membership is a yes/no fact per member, so the key is determined.
 * Outsiders that joined near the group's members in time come first (the plausible mix-ups).
 */
export const groupMembersSelect: QuestionModule = {
  kind: "multi",
  subjects: ({ index, isAllowed }) =>
    // Groups with a question of their own are asked in its words (former-warsaw-pact-select).
    (index.factSet.groups ?? []).filter((group) => !group.question).flatMap((group) => {
      const eligible = (c: Country) =>
        (index.accessionsByCountry.get(c.id) ?? []).length > 0 && (index.accessionsByCountry.get(c.id) ?? []).every((a) => isAllowed(a.id));
      const inGroup = groupMembers(index, group.id).filter(eligible);
      const inGroupIds = new Set(inGroup.map((c) => c.id));
      // A member for which the group is unclear is neither a right nor a wrong answer.
      const outside = index.factSet.countries.filter((c) => !inGroupIds.has(c.id) && !c.unclearGroups?.includes(group.id) && eligible(c));
      if (inGroup.length === 0 || outside.length === 0 || inGroup.length + outside.length < 3) return [];
      return inGroup.map((focus) => ({
        key: `${group.id}:${focus.id}`,
        focus: factIdsOf(index, focus.id),
        build: (rng) => {
          const total = Math.min(5, inGroup.length + outside.length);
          const maxMembers = Math.min(3, inGroup.length, total - 1);
          const memberCount = 1 + rng.int(maxMembers);
          const chosen = [focus, ...rng.sample(inGroup.filter((c) => c !== focus), memberCount - 1)];
          const years = chosen.flatMap((c) => accessionYearsOf(index, c.id));
          const others = pickNearest(
            outside,
            total - memberCount,
            (c) => Math.min(...accessionYearsOf(index, c.id).flatMap((y) => years.map((year) => Math.abs(y - year)))) / 10,
            rng,
            2,
          );
          const options = rng.shuffle([...chosen, ...others]).map((c): OptionRef => ({ of: "country", value: c.id }));
          const chosenIds = new Set(chosen.map((c) => c.id));
          return {
            type: "group-members-select",
            kind: "multi",
            factIds: options.flatMap((o) => factIdsOf(index, o.value)),
            params: { group: group.id },
            options,
            answer: options.filter((o) => chosenIds.has(o.value)).map((o) => o.value),
          };
        },
      }));
    }),
  prompt: (spec, index, t) => wording[t.locale].prompt(memberNounOf(index, t).plural, groupLabel(index, paramOf(spec, "group"), t.locale)),
  explanation: (spec, index, t) => {
    if (spec.kind !== "multi") return "";
    const label = groupLabel(index, paramOf(spec, "group"), t.locale);
    const name = (id: string) => t.term(index.countryById.get(id)?.name[t.locale] ?? id).nom;
    const yesNames = spec.options.filter((o) => spec.answer.includes(o.value)).map((o) => name(o.value));
    const noNames = spec.options.filter((o) => !spec.answer.includes(o.value)).map((o) => name(o.value));
    return wording[t.locale].explain(label, t.list(yesNames), t.list(noNames));
  },
};

function factIdsOf(index: FactIndex, countryId: string): string[] {
  return (index.accessionsByCountry.get(countryId) ?? []).map((a) => a.id);
}

function groupLabel(index: FactIndex, groupId: string, locale: "de" | "en"): string {
  const group = (index.factSet.groups ?? []).find((g) => g.id === groupId);
  if (!group) throw new Error(`unknown group "${groupId}" in fact set "${index.factSet.id}"`);
  return group.label[locale];
}

const wording: Wording<{ prompt: (plural: string, label: string) => string; explain: (label: string, yes: string, no: string) => string }> = {
  de: {
    prompt: (plural, label) => `Welche dieser ${plural} gehören zur Gruppe „${label}“? Wähle alle zutreffenden aus.`,
    explain: (label, yes, no) => `Zur Gruppe „${label}“ gehören: ${yes}. Nicht dazu gehören: ${no}.`,
  },
  en: {
    prompt: (plural, label) => `Which of these ${plural} belong to the group “${label}”? Select all that apply.`,
    explain: (label, yes, no) => `In the group “${label}”: ${yes}. Not in it: ${no}.`,
  },
};
