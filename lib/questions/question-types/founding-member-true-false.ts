import { isFoundingMember, requireCountry } from "../fact-index";
import { capitalize, type OrgNames, type Term } from "../templates";
import { accessionSentence, foundingWhen, orgNames } from "./accession-wording";
import { accessionsOf, countriesWithAccession } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { paramOf } from "./module";
import { rawAccessionsOf, trueOptionValues } from "./truth-helpers";

/** "<country> is a founding member: true or false?" True exactly for countries with a founding accession. */
export const foundingMemberTrueFalse: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    if (!index.foundingDate) return [];
    return countriesWithAccession(index)
      .filter((c) => accessionsOf(index, c.id).every((a) => isAllowed(a.id)))
      .map((country) => {
        const factIds = accessionsOf(index, country.id).map((a) => a.id);
        return {
          key: country.id,
          focus: factIds,
          build: (): Draft => ({
            type: "founding-member-true-false",
            kind: "single",
            factIds,
            params: { country: country.id },
            options: [
              { of: "boolean", value: "true" },
              { of: "boolean", value: "false" },
            ],
            answer: String(isFoundingMember(index, country.id)),
          }),
        };
      });
  },
  prompt: (spec, index, t) => wording[t.locale].prompt(t.term(requireCountry(index, paramOf(spec, "country")).name[t.locale]), orgNames(index, t)),
  explanation: (spec, index, t) => {
    const countryId = paramOf(spec, "country");
    const sentences = (index.accessionsByCountry.get(countryId) ?? []).map((a) => accessionSentence(a, index, t));
    if (!isFoundingMember(index, countryId) && index.foundingDate) {
      sentences.push(t.explain.foundingMembersAre(foundingWhen(index, t), index.factSet.foundingDate !== "joined", orgNames(index, t)));
    }
    return sentences.join(" ");
  },
  truth: (spec, factSet) => {
    const isFounder = rawAccessionsOf(factSet, spec.params.country ?? "").some((a) => a.founding);
    return trueOptionValues(spec, (value) => value === String(isFounder));
  },
};

const wording: Wording<{ prompt: (country: Term, org: OrgNames) => string }> = {
  de: { prompt: (c, org) => `Richtig oder falsch? ${capitalize(c.nom)} ${c.plural ? "sind" : "ist"} Gründungsmitglied ${org.dat}.` },
  en: { prompt: (c, org) => `True or false: ${c.nom} is a founding member of ${org.name}.` },
};
