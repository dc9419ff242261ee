import { precisionOf, requireCountry, yearOf } from "../fact-index";
import { deNoun, enNoun, type OrgNames, type Term } from "../templates";
import { accessionSentence, firstAccession, orgNames, termAtAccession } from "./accession-wording";
import type { Draft, QuestionModule, Subject, Wording } from "./module";
import { paramOf } from "./module";
import { yearOfDate } from "./truth-helpers";

/** "Together with" lists at most this many others, so the prompt stays readable. */
const maxGroup = 4;

/**
 * "Type the country that …" Asked only where exactly one country fits: the only accession of
 * its year, or an accession named by its exact day together with every other country that
 * joined that day. "Together with" names a day, so it is asked only when every accession of
 * that year is known to the day: one known only to the month or year could have taken effect
 * that same day, and the rest would not be determined.
 */
export const typedCountry: QuestionModule = {
  kind: "text",
  subjects: ({ index, isAllowed }) =>
    index.factSet.accessions
      .filter((a) => isAllowed(a.id) && !a.founding)
      .flatMap((accession): Subject[] => {
        const year = yearOf(accession.date);
        const wave = index.waveByYear.get(year) ?? [];
        const sameDay = index.accessionsByDate.get(accession.date) ?? [];
        let params: Record<string, string>;
        const isDayDetermined = wave.every((a) => precisionOf(a) === "day");
        if (wave.length === 1) params = { mode: "alone", year: String(year) };
        else if (isDayDetermined && sameDay.length >= 2 && sameDay.length <= maxGroup) {
          // Naming every other country of that day leaves exactly one country that fits.
          const others = sameDay.filter((a) => a.id !== accession.id).map((a) => a.country);
          params = { mode: "together", date: accession.date, with: others.join(",") };
        } else return [];
        return [
          {
            key: accession.id,
            focus: [accession.id],
            build: (): Draft => ({
              type: "typed-country",
              kind: "text",
              factIds: [accession.id],
              params,
              answer: { of: "country", value: accession.country },
            }),
          },
        ];
      }),
  prompt: (spec, index, t) => {
    const org = orgNames(index, t);
    if (spec.params.mode === "alone") return wording[t.locale].alone(paramOf(spec, "year"), org);
    const others = paramOf(spec, "with")
      .split(",")
      .map((countryId) => {
        const accession = index.accessionsByCountry.get(countryId)?.[0];
        return accession ? termAtAccession(accession, index, t) : t.term(requireCountry(index, countryId).name[t.locale]);
      });
    return wording[t.locale].together(t.formatDate(paramOf(spec, "date")), others, org, t.list);
  },
  explanation: (spec, index, t) => accessionSentence(firstAccession(spec, index), index, t),
  truth: (spec, factSet) => {
    if (spec.params.mode === "alone") {
      return factSet.accessions.filter((a) => yearOfDate(a.date) === Number(spec.params.year)).map((a) => a.country);
    }
    const day = spec.params.date ?? "";
    const named = (spec.params.with ?? "").split(",");
    // Every named country joined that very day, or the prompt states something false.
    if (named.some((id) => !factSet.accessions.some((a) => a.country === id && a.date === day && (a.precision ?? "day") === "day"))) return null;
    // Every country whose accession may have taken effect that day, at the precision its date is known, and is not named.
    const mayBeThatDay = factSet.accessions.filter((a) => {
      const precision = a.precision ?? "day";
      const prefix = precision === "year" ? a.date.slice(0, 4) : precision === "month" ? a.date.slice(0, 7) : a.date;
      return day.startsWith(prefix);
    });
    return [...new Set(mayBeThatDay.map((a) => a.country).filter((id) => !named.includes(id)))];
  },
};

const wording: Wording<{
  alone: (year: string, org: OrgNames) => string;
  together: (date: string, others: Term[], org: OrgNames, list: (items: string[]) => string) => string;
}> = {
  de: {
    alone: (year, org) => `${deNoun(org).which} ${deNoun(org).sg} trat ${org.dat} ${year} als ${deNoun(org).only} bei?`,
    together: (date, others, org, list) =>
      `${deNoun(org).which} ${deNoun(org).sg} trat ${org.dat} am ${date} zusammen mit ${list(others.map((o) => o.dat))} bei?`,
  },
  en: {
    alone: (year, org) => `Which was the only ${enNoun(org).singular} to join ${org.dat} in ${year}?`,
    together: (date, others, org, list) =>
      `Which ${enNoun(org).singular} joined ${org.dat} on ${date} together with ${list(others.map((o) => o.nom))}?`,
  },
};
