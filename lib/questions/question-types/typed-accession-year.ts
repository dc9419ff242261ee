import { yearOf } from "../fact-index";
import type { QuestionModule, Wording } from "./module";
import { orgOf } from "./module";
import type { Templates } from "../templates";
import { requireAccession, requireCountry } from "../fact-index";

/**
 * "In welchem Jahr trat Spanien der NATO bei?", typed. Asked only for countries that joined
 * once, so exactly one year is right. Grading (`gradeTypedYear`) accepts that year as four
 * digits with surrounding spaces; anything that is not a four-digit year is refused with a
 * message, not graded.
 */
export const typedAccessionYear: QuestionModule = {
  kind: "text",
  subjects: ({ index, isAllowed }) =>
    index.factSet.accessions
      .filter((a) => isAllowed(a.id) && (index.accessionsByCountry.get(a.country) ?? []).length === 1)
      .map((accession) => ({
        key: accession.id,
        focus: [accession.id],
        build: () => ({
          type: "typed-accession-year",
          kind: "text",
          factIds: [accession.id],
          params: { country: accession.country },
          answer: { of: "year", value: String(yearOf(accession.date)) },
        }),
      })),
  prompt: (spec, index, t) => {
    const accession = requireAccession(index, spec.factIds[0] ?? "");
    const name = accession.nameAtAccession?.[t.locale] ?? requireCountry(index, accession.country).name[t.locale];
    return t.prompt.accessionYear(t.term(name), orgOf(index, t));
  },
  explanation: (spec, index, t) => {
    const accession = requireAccession(index, spec.factIds[0] ?? "");
    const name = accession.nameAtAccession?.[t.locale] ?? requireCountry(index, accession.country).name[t.locale];
    const when = t.atTime({ date: accession.date, precision: accession.precision ?? "day" });
    const founding = accession.founding ? (index.factSet.foundingDate === "joined" ? "joined" : "signed") : "no";
    return wording[t.locale](t.term(name), when, orgOf(index, t).dat, founding);
  },
};

/** `when` is phrased by `atTime` ("am 4. April 1949", "im Jahr 1973"). */
const wording: Wording<(c: ReturnType<Templates["term"]>, when: string, org: string, founding: "signed" | "joined" | "no") => string> = {
  de: (c, when, org, founding) =>
    founding === "signed"
      ? `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} ${c.plural ? "sind" : "ist"} Gründungsmitglied ${org}: Der Gründungsvertrag wurde ${when} unterzeichnet.`
      : founding === "joined"
        ? `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} ${c.plural ? "sind" : "ist"} Gründungsmitglied ${org}: Die Mitgliedschaft begann ${when}.`
        : `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} ${c.plural ? "traten" : "trat"} ${org} ${when} bei.`,
  en: (c, when, org, founding) =>
    founding === "signed"
      ? `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} ${c.plural ? "are" : "is"} a founding member of ${org}: the founding treaty was signed ${when}.`
      : founding === "joined"
        ? `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} ${c.plural ? "are" : "is"} a founding member of ${org}: membership began ${when}.`
        : `${c.nom.charAt(0).toLocaleUpperCase()}${c.nom.slice(1)} joined ${org} ${when}.`,
};

/** A typed year: four digits, surrounding white space allowed. */
const yearPattern = /^\s*(\d{4})\s*$/;

/** The year a typed answer states, or null when the input is not a four-digit year. */
export function parseTypedYear(input: string): string | null {
  return yearPattern.exec(input)?.[1] ?? null;
}
