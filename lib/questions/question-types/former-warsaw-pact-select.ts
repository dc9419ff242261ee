import type { Country, MemberGroup } from "../../facts/schema";
import type { FactIndex } from "../fact-index";
import { groupMembers } from "../fact-index";
import type { Random } from "../random";
import type { QuestionSpec } from "../types";
import { countryInText } from "./accession-wording";
import { accessionsOf, countriesWithAccession, countryOption, inOptionOrder, minSingleOptions } from "./distractors";
import type { Draft, QuestionModule } from "./module";
import { pickNearest } from "./module";
import { trueOptionValues } from "./truth-helpers";

/**
 * "Welche dieser Länder gehörten früher dem Warschauer Pakt an?" A named group asked in its
 * own words (`group.question`); groups without them are asked by `group-members-select`. The
 * type keeps its historical id, which stored attempts name, but nothing in it knows NATO: the
 * group, its members and its wording are data.
 *
 * One to three members of the group and enough members outside it to make five options, at
 * least one of each, so neither "all" nor "none" is the answer. A member for which the group
 * is unclear (`unclearGroups`: the Baltic states were Soviet republics, not Warsaw Pact
 * members) is never offered. Outsiders with a communist past and from the same region as the
 * chosen members come first: the plausible mistakes.
 */
export const formerWarsawPactSelect: QuestionModule = {
  kind: "multi",
  subjects: ({ index, isAllowed }) =>
    wordedGroups(index).flatMap((group) => {
      const eligible = (c: Country) => accessionsOf(index, c.id).every((a) => isAllowed(a.id));
      const memberIds = new Set(groupMembers(index, group.id).map((c) => c.id));
      const members = countriesWithAccession(index).filter((c) => memberIds.has(c.id) && eligible(c));
      const others = countriesWithAccession(index).filter((c) => !memberIds.has(c.id) && !c.unclearGroups?.includes(group.id) && eligible(c));
      if (members.length === 0 || others.length === 0 || members.length + others.length < minSingleOptions) return [];
      return members.map((focus) => ({
        key: `${group.id}:${focus.id}`,
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
            params: { group: group.id },
            options,
            answer: inOptionOrder(options, new Set(chosenMembers.map((c) => c.id))),
          };
        },
      }));
    }),
  prompt: (spec, index, t) => questionOf(groupOf(spec, index)).prompt[t.locale],
  explanation: (spec, index, t) => {
    if (spec.kind !== "multi") throw new Error(`question ${spec.id}: type ${spec.type} does not fit kind ${spec.kind}`);
    const question = questionOf(groupOf(spec, index));
    const members = spec.options.filter((o) => spec.answer.includes(o.value)).map((o) => countryInText(o.value, index, t));
    const nonMembers = spec.options.filter((o) => !spec.answer.includes(o.value)).map((o) => countryInText(o.value, index, t));
    return [
      members.length ? `${question.members[t.locale]}: ${t.list(members)}.` : "",
      nonMembers.length ? `${question.nonMembers[t.locale]}: ${t.list(nonMembers)}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
  },
  truth: (spec, factSet) => {
    const groupId = spec.params.group ?? "";
    const countryOf = (id: string) => factSet.countries.find((c) => c.id === id);
    // A member for which the group is unclear is neither right nor wrong: offering one is no question.
    if (spec.kind === "multi" && spec.options.some((o) => countryOf(o.value)?.unclearGroups?.includes(groupId))) return null;
    return trueOptionValues(spec, (value) => Boolean(countryOf(value)?.groups?.includes(groupId)));
  },
};

/** The groups that come with their own question. */
function wordedGroups(index: FactIndex): (MemberGroup & { question: NonNullable<MemberGroup["question"]> })[] {
  return (index.factSet.groups ?? []).flatMap((group) => (group.question ? [{ ...group, question: group.question }] : []));
}

/**
 * The group a question asks about. Questions stored before the group was data carry no
 * `group` parameter; they asked about the fact set's one worded group.
 */
function groupOf(spec: QuestionSpec, index: FactIndex): MemberGroup {
  const id = spec.params.group;
  const group = id === undefined ? wordedGroups(index)[0] : (index.factSet.groups ?? []).find((g) => g.id === id);
  if (!group) throw new Error(`question ${spec.id}: unknown group "${id ?? ""}" in fact set "${index.factSet.id}"`);
  return group;
}

function questionOf(group: MemberGroup): NonNullable<MemberGroup["question"]> {
  if (!group.question) throw new Error(`group "${group.id}" has no question of its own`);
  return group.question;
}
