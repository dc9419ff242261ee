import type { Country } from "../../facts/schema";
import { isFoundingMember, yearOf } from "../fact-index";
import type { Random } from "../random";
import { deNoun, enNoun, type OrgNames } from "../templates";
import { countryInText, countryWithYear, foundingWhen, orgNames } from "./accession-wording";
import { accessionsOf, countriesWithAccession, countryOption, inOptionOrder, minSingleOptions, rankCountries } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { rawAccessionsOf, trueOptionValues } from "./truth-helpers";

/**
 * "Which of these countries are founding members? Select all." One to three founders and
 * enough later members (early waves, same regions or groups first) to make five options; at
 * least one of each, so neither "all" nor "none" is the answer.
 */
export const foundingMembersSelect: QuestionModule = {
  kind: "multi",
  subjects: ({ index, isAllowed }) => {
    const eligible = (c: Country) => accessionsOf(index, c.id).every((a) => isAllowed(a.id));
    const founders = countriesWithAccession(index).filter((c) => isFoundingMember(index, c.id) && eligible(c));
    const later = countriesWithAccession(index).filter((c) => !isFoundingMember(index, c.id) && eligible(c));
    if (founders.length === 0 || later.length === 0 || founders.length + later.length < minSingleOptions) return [];
    const foundingYear = yearOf(index.foundingDate ?? "0000");
    return founders.map((focus) => ({
      key: focus.id,
      focus: accessionsOf(index, focus.id).map((a) => a.id),
      build: (rng: Random): Draft => {
        const total = Math.min(5, founders.length + later.length);
        const maxFounders = Math.min(3, founders.length, total - 1);
        const founderCount = 1 + rng.int(maxFounders);
        const chosenFounders = [focus, ...rng.sample(founders.filter((c) => c !== focus), founderCount - 1)];
        const chosenLater = rankCountries(index, later, [foundingYear], chosenFounders, rng, total - founderCount);
        const options = rng.shuffle([...chosenFounders, ...chosenLater]).map((c) => countryOption(c.id));
        return {
          type: "founding-members-select",
          kind: "multi",
          factIds: options.flatMap((o) => accessionsOf(index, o.value).map((a) => a.id)),
          params: {},
          options,
          answer: inOptionOrder(options, new Set(chosenFounders.map((c) => c.id))),
        };
      },
    }));
  },
  prompt: (_spec, index, t) => wording[t.locale].prompt(orgNames(index, t)),
  explanation: (spec, index, t) => {
    if (spec.kind !== "multi") throw new Error(`question ${spec.id}: type ${spec.type} does not fit kind ${spec.kind}`);
    const founders = spec.options.filter((o) => spec.answer.includes(o.value)).map((o) => countryInText(o.value, index, t));
    const later = spec.options.filter((o) => !spec.answer.includes(o.value)).map((o) => countryWithYear(o.value, index, t));
    return wording[t.locale].explain(t.list, founders, later, foundingWhen(index, t), index.factSet.foundingDate !== "joined");
  },
  truth: (spec, factSet) => trueOptionValues(spec, (value) => rawAccessionsOf(factSet, value).some((a) => a.founding)),
};

const wording: Wording<{
  prompt: (org: OrgNames) => string;
  explain: (list: (items: string[]) => string, founders: string[], later: string[], foundingWhen: string, signed: boolean) => string;
}> = {
  de: {
    prompt: (org) => `Welche dieser ${deNoun(org).pl} sind Gründungsmitglieder ${org.dat}? Wähle alle zutreffenden aus.`,
    explain: (list, founders, later, foundingWhen, signed) =>
      [
        founders.length ? `Gründungsmitglieder (${signed ? "Unterzeichnung" : "Mitglied"} ${foundingWhen}): ${list(founders)}.` : "",
        later.length ? `Später beigetreten: ${list(later)}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
  },
  en: {
    prompt: (org) => `Which of these ${enNoun(org).plural} are founding members of ${org.name}? Select all that apply.`,
    explain: (list, founders, later, foundingWhen, signed) =>
      [
        founders.length ? `Founding members (${signed ? "treaty signed" : "members"} ${foundingWhen}): ${list(founders)}.` : "",
        later.length ? `Joined later: ${list(later)}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
  },
};
