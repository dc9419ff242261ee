import type { Country } from "../../facts/schema";
import { accessionYearsOf, precisionOf } from "../fact-index";
import type { Random } from "../random";
import { deNoun, enNoun, type OrgNames, type Term, capitalize } from "../templates";
import { byName, countryWithYear, orgNames, termAtAccession, whenOf } from "./accession-wording";
import { countriesWithAccession, countryOption, inOptionOrder, rankCountries } from "./distractors";
import type { Draft, QuestionModule, Wording } from "./module";
import { paramOf } from "./module";
import { joinedIn, trueOptionValues, yearOfDate } from "./truth-helpers";

/** Waves larger than this (the founders) are left to the founding-member types: too many to list. */
const maxWave = 8;
const maxOptions = 9;

/**
 * "Which countries joined in <year>? Select all." Every member of the wave is an option (so
 * the answer set is the whole wave); distractors joined in other years, from neighbouring
 * waves and the same regions or groups. There is always at least one wrong option.
 */
export const waveMembers: QuestionModule = {
  kind: "multi",
  subjects: ({ index, isAllowed }) =>
    index.accessionYears.flatMap((year) => {
      const wave = index.waveByYear.get(year) ?? [];
      if (wave.length === 0 || wave.length > maxWave || !wave.every((a) => isAllowed(a.id))) return [];
      const members = wave.map((a) => index.countryById.get(a.country)).filter((c): c is Country => Boolean(c));
      const memberIds = new Set(members.map((c) => c.id));
      const candidates = countriesWithAccession(index).filter((c) => !memberIds.has(c.id) && !accessionYearsOf(index, c.id).includes(year));
      const distractorCount = Math.min(candidates.length, Math.max(2, 5 - members.length), maxOptions - members.length);
      if (distractorCount < 1) return [];
      return [
        {
          key: String(year),
          focus: wave.map((a) => a.id),
          build: (rng: Random): Draft => {
            const distractors = rankCountries(index, candidates, [year], members, rng, distractorCount);
            const options = rng.shuffle([...members, ...distractors]).map((c) => countryOption(c.id));
            return {
              type: "wave-members",
              kind: "multi",
              factIds: wave.map((a) => a.id),
              params: { year: String(year) },
              options,
              answer: inOptionOrder(options, memberIds),
            };
          },
        },
      ];
    }),
  prompt: (spec, index, t) => wording[t.locale].prompt(paramOf(spec, "year"), orgNames(index, t)),
  explanation: (spec, index, t) => {
    if (spec.kind !== "multi") throw new Error(`question ${spec.id}: type ${spec.type} does not fit kind ${spec.kind}`);
    const year = paramOf(spec, "year");
    const wave = index.waveByYear.get(Number(year)) ?? [];
    const dates = [...new Set(wave.map((a) => a.date))];
    const when = dates.length === 1 && wave[0] && wave.every((a) => precisionOf(a) === "day") ? whenOf(wave[0], t) : t.inYear(year);
    const others = spec.options.filter((o) => !spec.answer.includes(o.value)).map((o) => countryWithYear(o.value, index, t));
    const notes = [...new Set(wave.map((a) => a.note?.[t.locale]).filter((n): n is string => Boolean(n)))];
    const members = byName(wave, index, t).map((a) => termAtAccession(a, index, t));
    return [wording[t.locale].wave(members, when, orgNames(index, t), t.list), wording[t.locale].notThatYear(others, t.list), ...notes]
      .filter(Boolean)
      .join(" ");
  },
  truth: (spec, factSet) => {
    const year = Number(spec.params.year);
    const shown = new Set(spec.kind === "multi" ? spec.options.map((o) => o.value) : []);
    // The whole wave must be among the options, or "select all" would have a missing answer.
    if (factSet.accessions.some((a) => yearOfDate(a.date) === year && !shown.has(a.country))) return null;
    return trueOptionValues(spec, (value) => joinedIn(factSet, value, year));
  },
};

type List = (items: string[]) => string;
const wording: Wording<{
  prompt: (year: string, org: OrgNames) => string;
  wave: (members: Term[], when: string, org: OrgNames, list: List) => string;
  notThatYear: (items: string[], list: List) => string;
}> = {
  de: {
    prompt: (year, org) => `Welche ${deNoun(org).pl} traten ${org.dat} ${year} bei? Wähle alle zutreffenden aus.`,
    wave: (members, when, org, list) =>
      `${capitalize(list(members.map((m) => m.nom)))} ${members.length === 1 && !members[0]?.plural ? "trat" : "traten"} ${org.dat} ${when} bei.`,
    notThatYear: (items, list) => `In anderen Jahren beigetreten: ${list(items)}.`,
  },
  en: {
    prompt: (year, org) => `Which ${enNoun(org).plural} joined ${org.dat} in ${year}? Select all that apply.`,
    wave: (members, when, org, list) => `${capitalize(list(members.map((m) => m.nom)))} joined ${org.dat} ${when}.`,
    notThatYear: (items, list) => `Joined in other years: ${list(items)}.`,
  },
};
