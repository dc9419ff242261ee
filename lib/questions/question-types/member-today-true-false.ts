import { isMemberAt, requireCountry } from "../fact-index";
import type { QuestionModule, Wording } from "./module";
import { orgOf, paramOf } from "./module";
import { capitalize } from "../templates";

/**
 * "True or false: <member> is a member of <org> today (as of <asOf>)." Asked only for fact
 * sets in which someone has left, where being a member once no longer means being one now.
 * True exactly when a membership of the member had begun and not ended by the fact set's
 * `asOf` day (leaving takes effect on the `left` day); members whose status that day an
 * imprecise date leaves open are not asked.
 */
export const memberTodayTrueFalse: QuestionModule = {
  kind: "single",
  subjects: ({ index, isAllowed }) => {
    if (!index.factSet.accessions.some((a) => a.left)) return [];
    return index.factSet.countries.flatMap((country) => {
      const accessions = index.accessionsByCountry.get(country.id) ?? [];
      if (accessions.length === 0 || !accessions.every((a) => isAllowed(a.id))) return [];
      const isMember = isMemberAt(index, country.id, index.factSet.asOf);
      if (isMember === undefined) return [];
      const factIds = accessions.map((a) => a.id);
      return [
        {
          key: country.id,
          focus: factIds,
          build: () => ({
            type: "member-today-true-false",
            kind: "single",
            factIds,
            params: { country: country.id },
            options: [
              { of: "boolean", value: "true" },
              { of: "boolean", value: "false" },
            ],
            answer: String(isMember),
          }),
        },
      ];
    });
  },
  prompt: (spec, index, t) => {
    const country = t.term(requireCountry(index, paramOf(spec, "country")).name[t.locale]);
    return wording[t.locale].prompt(country.nom, country.plural, t.formatDate(index.factSet.asOf), orgOf(index, t));
  },
  explanation: (spec, index, t) => {
    const id = paramOf(spec, "country");
    const country = t.term(requireCountry(index, id).name[t.locale]);
    const periods = (index.accessionsByCountry.get(id) ?? []).map((a) => ({
      joined: t.atTime({ date: a.date, precision: a.precision ?? "day" }),
      left: a.left ? t.atTime({ date: a.left, precision: a.leftPrecision ?? "day" }) : undefined,
    }));
    return wording[t.locale].explain(country.nom, country.plural, periods, orgOf(index, t));
  },
};

type Org = { name: string; dat: string };
type Period = { joined: string; left?: string };
const wording: Wording<{
  prompt: (name: string, plural: boolean, asOf: string, org: Org) => string;
  explain: (name: string, plural: boolean, periods: Period[], org: Org) => string;
}> = {
  de: {
    prompt: (name, plural, asOf, org) => `Richtig oder falsch? ${capitalize(name)} ${plural ? "sind" : "ist"} heute Mitglied ${org.dat} (Stand: ${asOf}).`,
    explain: (name, plural, periods, org) =>
      periods
        .map((p, i) => {
          const verb = plural ? "traten" : "trat";
          const joined = `${i === 0 ? capitalize(name) : "Dann"} ${verb}${i === 0 ? "" : ` ${name}`} ${org.dat} ${p.joined} ${i === 0 ? "" : "wieder "}bei`;
          return p.left ? `${joined} und ${verb} ${p.left} aus.` : `${joined}.`;
        })
        .join(" "),
  },
  en: {
    prompt: (name, _plural, asOf, org) => `True or false: ${name} is a member of ${org.name} today (as of ${asOf}).`,
    explain: (name, _plural, periods, org) =>
      periods
        .map((p, i) => {
          const joined = `${i === 0 ? capitalize(name) : "It"} ${i === 0 ? "joined" : "rejoined"} ${org.dat} ${p.joined}`;
          return p.left ? `${joined} and left ${p.left}.` : `${joined}.`;
        })
        .join(" "),
  },
};
