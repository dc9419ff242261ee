import mapAsset from "../../../public/maps/nato-map.json";
import { requireAccession, requireCountry, yearOf } from "../fact-index";
import type { FactIndex } from "../fact-index";
import type { Templates } from "../templates";
import type { OptionRef } from "../types";
import type { QuestionModule, Wording } from "./module";
import { orgOf, paramOf } from "./module";

/**
 * Map questions (kind `map`): the learner picks a country on the map or from its searchable
 * list. The options are every member drawn on the map, so picking is never a choice among
 * four; grading accepts any id in `answer`.
 */

/** Members drawn on the map: the only countries a map question may ask about or offer. */
function mapOptions(index: FactIndex): OptionRef[] {
  const drawn = new Set(mapAsset.countries.filter((c) => c.isMember).map((c) => c.id));
  return index.factSet.countries.filter((c) => drawn.has(c.id)).map((c): OptionRef => ({ of: "country", value: c.id }));
}

/**
 * "Klicke auf ein Land, das 2004 der NATO beitrat." Every country that joined that year is
 * accepted, and the prompt says so when there are several.
 */
export const mapClickWave: QuestionModule = {
  kind: "map",
  subjects: ({ index, isAllowed }) => {
    const options = mapOptions(index);
    const onMap = new Set(options.map((o) => o.value));
    return index.accessionYears.flatMap((year) => {
      const wave = index.waveByYear.get(year) ?? [];
      if (!wave.every((a) => isAllowed(a.id) && onMap.has(a.country))) return [];
      const answer = [...new Set(wave.map((a) => a.country))];
      if (answer.length >= options.length) return [];
      return [
        {
          key: String(year),
          focus: wave.map((a) => a.id),
          build: () => ({
            type: "map-click-wave" as const,
            kind: "map" as const,
            factIds: wave.map((a) => a.id),
            params: { year: String(year) },
            options,
            answer: options.filter((o) => answer.includes(o.value)).map((o) => o.value),
          }),
        },
      ];
    });
  },
  prompt: (spec, index, t) => {
    const year = paramOf(spec, "year");
    const wave = index.waveByYear.get(Number(year)) ?? [];
    return clickWording[t.locale](year, wave.length, wave.some((a) => a.founding), orgOf(index, t).dat);
  },
  explanation: (spec, index, t) => {
    const year = paramOf(spec, "year");
    const names = (index.waveByYear.get(Number(year)) ?? []).map((a) => nameOf(a.id, index, t));
    return waveWording[t.locale](year, t.list(names), orgOf(index, t).dat);
  },
};

/**
 * "Welches markierte Land trat 1982 der NATO bei?" The shape is sent as a bare path, with no
 * id or name; the learner answers by name from the list. Asked for countries that joined once.
 */
export const mapNameHighlighted: QuestionModule = {
  kind: "map",
  subjects: ({ index, isAllowed }) => {
    const options = mapOptions(index);
    const onMap = new Set(options.map((o) => o.value));
    return index.factSet.accessions
      .filter((a) => isAllowed(a.id) && onMap.has(a.country) && (index.accessionsByCountry.get(a.country) ?? []).length === 1)
      .map((accession) => ({
        key: accession.id,
        focus: [accession.id],
        build: () => ({
          type: "map-name-highlighted" as const,
          kind: "map" as const,
          factIds: [accession.id],
          params: { country: accession.country, year: String(yearOf(accession.date)) },
          options,
          answer: [accession.country],
        }),
      }));
  },
  prompt: (spec, index, t) => {
    const wave = index.waveByYear.get(Number(paramOf(spec, "year"))) ?? [];
    return nameWording[t.locale](paramOf(spec, "year"), wave.some((a) => a.founding), orgOf(index, t).dat);
  },
  explanation: (spec, index, t) => {
    const accession = requireAccession(index, spec.factIds[0] ?? "");
    return joinedWording[t.locale](nameOf(accession.id, index, t), t.formatDate(accession.date), orgOf(index, t).dat);
  },
  publicExtras: (spec) => ({ highlight: mapAsset.countries.find((c) => c.id === spec.params.country)?.d ?? "" }),
};

function nameOf(accessionId: string, index: FactIndex, t: Templates): string {
  const accession = requireAccession(index, accessionId);
  return t.term(accession.nameAtAccession?.[t.locale] ?? requireCountry(index, accession.country).name[t.locale]).nom;
}

const clickWording: Wording<(year: string, size: number, founding: boolean, org: string) => string> = {
  de: (year, size, founding, org) =>
    founding
      ? `Klicke auf ein Gründungsmitglied ${org} (${year}). Jedes der ${size} Gründungsmitglieder zählt als richtig.`
      : size === 1
        ? `Klicke auf das Land, das ${year} ${org} beitrat.`
        : `Klicke auf ein Land, das ${year} ${org} beitrat. Jedes der ${size} Länder dieses Jahres zählt als richtig.`,
  en: (year, size, founding, org) =>
    founding
      ? `Click a founding member of ${org} (${year}). Any of the ${size} founding members counts as right.`
      : size === 1
        ? `Click the country that joined ${org} in ${year}.`
        : `Click a country that joined ${org} in ${year}. Any of the ${size} countries of that year counts as right.`,
};
const nameWording: Wording<(year: string, founding: boolean, org: string) => string> = {
  de: (year, founding, org) =>
    founding ? `Welches markierte Land ist Gründungsmitglied ${org} (${year})?` : `Welches markierte Land trat ${year} ${org} bei?`,
  en: (year, founding, org) =>
    founding ? `Which highlighted country is a founding member of ${org} (${year})?` : `Which highlighted country joined ${org} in ${year}?`,
};
const waveWording: Wording<(year: string, names: string, org: string) => string> = {
  de: (year, names, org) => `${year} wurden Mitglied ${org}: ${names}.`,
  en: (year, names, org) => `Members of ${org} since ${year}: ${names}.`,
};
const joinedWording: Wording<(name: string, date: string, org: string) => string> = {
  de: (name, date, org) => `Markiert ist ${name}: Mitglied ${org} seit dem ${date}.`,
  en: (name, date, org) => `Highlighted: ${name}, a member of ${org} since ${date}.`,
};
