import { describe, expect, it } from "vitest";
import {
  accessionOf,
  accessionYear,
  acceptedSpellings,
  allFactIds,
  countryById,
  eventById,
  foundingMembers,
  memberCountAsOf,
  normalizeSpelling,
  waves,
} from "./fact-queries";
import type { Country, FactSet } from "./schema";

function country(id: string, de: string, en: string, aliases: Partial<Country["aliases"]> = {}): Country {
  return {
    id,
    name: { de, en },
    aliases: { de: aliases.de ?? [], en: aliases.en ?? [] },
    region: "central-europe",
    formerCommunist: false,
  };
}

const sources = [{ ref: "test" }];
/** Deliberately out of order, to show the helpers sort. */
const fixture: FactSet = {
  id: "fixture",
  version: 1,
  title: { de: "Test", en: "Test" },
  description: { de: "Test", en: "Test" },
  organization: { name: { de: "Bund", en: "League" }, dative: { de: "dem Bund", en: "the League" } },
  asOf: "2020-01-01",
  sources: [{ id: "test", title: "Test" }],
  countries: [country("AA", "Aland", "Aland"), country("BB", "Bland", "Bland"), country("CC", "Cland", "Cland"), country("DD", "Dland", "Dland")],
  accessions: [
    { id: "acc-dd", country: "DD", date: "2001-12-31", founding: false, sources },
    { id: "acc-bb", country: "BB", date: "1990-05-01", founding: true, sources },
    { id: "acc-cc", country: "CC", date: "2001-01-01", founding: false, sources },
    { id: "acc-aa", country: "AA", date: "1990-05-01", founding: true, sources },
  ],
  events: [
    {
      id: "summit",
      kind: "summit",
      name: { de: "Gipfel", en: "Summit" },
      aliases: { de: [], en: [] },
      date: "2000-06-01",
      precision: "day",
      description: { de: "Ein Gipfel.", en: "A summit." },
      launched: [],
      invited: ["CC", "DD"],
      datePrompt: { de: "Wann?", en: "When?" },
      sources,
    },
  ],
};

describe("fact queries", () => {
  it("reads the accession year from the date", () => {
    expect(accessionYear({ date: "2004-03-29" })).toBe(2004);
  });

  it("groups accessions by calendar year, oldest first, sorted within a wave", () => {
    const result = waves(fixture);
    expect(result.map((w) => w.year)).toEqual([1990, 2001]);
    expect(result[0]!.accessions.map((a) => a.country)).toEqual(["AA", "BB"]);
    // One calendar year is one wave, even eleven months apart.
    expect(result[1]!.accessions.map((a) => a.country)).toEqual(["CC", "DD"]);
  });

  it("lists the founding members", () => {
    expect(foundingMembers(fixture).map((c) => c.id)).toEqual(["BB", "AA"]);
  });

  it("counts members at the end of a day, inclusive", () => {
    expect(memberCountAsOf(fixture, "1990-04-30")).toBe(0);
    expect(memberCountAsOf(fixture, "1990-05-01")).toBe(2);
    expect(memberCountAsOf(fixture, "2001-12-30")).toBe(3);
    expect(memberCountAsOf(fixture, "2001-12-31")).toBe(4);
  });

  it("looks up countries, events and accessions by id", () => {
    expect(countryById(fixture, "CC")?.name.en).toBe("Cland");
    expect(countryById(fixture, "ZZ")).toBeUndefined();
    expect(eventById(fixture, "summit")?.invited).toEqual(["CC", "DD"]);
    expect(eventById(fixture, "nope")).toBeUndefined();
    expect(accessionOf(fixture, "DD")?.id).toBe("acc-dd");
  });

  it("lists every fact id", () => {
    expect(allFactIds(fixture)).toEqual(["acc-dd", "acc-bb", "acc-cc", "acc-aa", "summit"]);
  });

  it("normalises spellings: case, diacritics, ß, white space", () => {
    expect(normalizeSpelling("  Türkei ")).toBe("turkei");
    expect(normalizeSpelling("Türkiye")).toBe("turkiye");
    expect(normalizeSpelling("Großbritannien")).toBe("grossbritannien");
    expect(normalizeSpelling("Vereinigte   Staaten")).toBe("vereinigte staaten");
    expect(normalizeSpelling("Reykjavík")).toBe("reykjavik");
  });

  it("collects accepted spellings across locales without duplicates", () => {
    const turkey = country("TR", "Türkei", "Türkiye", { de: ["Türkiye"], en: ["Turkey"] });
    expect(acceptedSpellings(turkey)).toEqual(["turkei", "turkiye", "turkey"]);
  });
});
