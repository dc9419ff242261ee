import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import type { FactSet } from "../facts/schema";
import { fixtureFactSet } from "../questions/test-fixtures";
import { acceptedAnswers, editDistance, matchTypedAnswer, normalizeCountryName } from "./match-typed-answer";

const factSets: [string, FactSet][] = [
  ["fixture", fixtureFactSet],
  ["nato", getFactSet("nato")],
];

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit each", () => {
    expect(editDistance("polen", "polen")).toBe(0);
    expect(editDistance("polne", "polen")).toBe(1);
    expect(editDistance("polen", "pollen")).toBe(1);
    expect(editDistance("polen", "plen")).toBe(1);
    expect(editDistance("polen", "palen")).toBe(1);
    expect(editDistance("island", "irland")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("stops early beyond the limit", () => {
    expect(editDistance("slowakei", "slowenien", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });
});

describe("normalizeCountryName", () => {
  it("folds case, diacritics, ß, German transliterations, punctuation and articles", () => {
    expect(normalizeCountryName("  Türkei! ")).toBe(normalizeCountryName("tuerkei"));
    expect(normalizeCountryName("Turkei")).toBe(normalizeCountryName("Türkei"));
    expect(normalizeCountryName("Großbritannien")).toBe(normalizeCountryName("Grossbritannien"));
    expect(normalizeCountryName("die Slowakei")).toBe("slowakei");
    expect(normalizeCountryName("The Netherlands.")).toBe("netherlands");
    expect(normalizeCountryName("U.S.A.")).toBe("usa");
    expect(normalizeCountryName("Reykjavík")).toBe("reykjavik");
    expect(normalizeCountryName("  ")).toBe("");
  });
});

describe.each(factSets)("matchTypedAnswer on %s", (_name, fs) => {
  const accepts = (input: string, target: string) => expect(matchTypedAnswer(input, target, fs), input).toEqual({ correct: true, matched: target });
  const rejects = (input: string, target: string) => expect(matchTypedAnswer(input, target, fs).correct, input).toBe(false);

  it("accepts canonical names in both locales, any case, with surrounding noise", () => {
    accepts("Polen", "PL");
    accepts("Poland", "PL");
    accepts("POLEN", "PL");
    accepts("  polen.  ", "PL");
    accepts("„Polen“", "PL");
    accepts("Spanien!", "ES");
  });

  it("accepts aliases and other official names", () => {
    for (const input of ["Tschechien", "Tschechische Republik", "Czechia", "Czech Republic", "die Tschechische Republik"]) accepts(input, "CZ");
    for (const input of ["Türkei", "Türkiye", "Turkey", "Tuerkei", "Turkei", "die Türkei", "Turkiye"]) accepts(input, "TR");
    for (const input of ["Nordmazedonien", "Nordmakedonien", "North Macedonia"]) accepts(input, "MK");
    for (const input of ["Großbritannien", "Grossbritannien", "Vereinigtes Königreich", "das Vereinigte Königreich", "United Kingdom", "UK", "Great Britain"]) {
      accepts(input, "GB");
    }
    for (const input of ["USA", "Vereinigte Staaten", "United States", "the United States", "U.S.A."]) accepts(input, "US");
    for (const input of ["Niederlande", "die Niederlande", "the Netherlands", "Holland"]) accepts(input, "NL");
    for (const input of ["Slowakei", "die Slowakei", "Slovakia"]) accepts(input, "SK");
    for (const input of ["Deutschland", "Bundesrepublik Deutschland", "BRD", "West Germany"]) accepts(input, "DE");
  });

  it("accepts missing or extra diacritics", () => {
    accepts("Danemark", "DK");
    accepts("Daenemark", "DK");
    accepts("Rumanien", "RO");
    accepts("Rumaenien", "RO");
    accepts("Türkei", "TR");
    accepts("Luxembourg", "LU");
    accepts("Dänemark", "DK");
  });

  it("accepts small typos, scaled by length", () => {
    accepts("Polne", "PL");
    accepts("Polenn", "PL");
    accepts("Schwden", "SE");
    accepts("Norwgen", "NO");
    accepts("Lettlant", "LV");
    accepts("Grichenland", "GR");
    accepts("Griechnlant", "GR");
    accepts("Portugl", "PT");
    accepts("Kroatein", "HR");
    // Two edits are too many for a short name, and short names must be exact.
    rejects("Pln", "PL");
    rejects("Pooln", "PL");
    rejects("USB", "US");
  });

  it("rejects the other country of a near pair", () => {
    rejects("Slowakei", "SI");
    rejects("Slowenien", "SK");
    rejects("Slovakia", "SI");
    rejects("Slovenia", "SK");
    rejects("Lettland", "LT");
    rejects("Litauen", "LV");
    rejects("Estland", "LV");
    expect(matchTypedAnswer("Slowakei", "SI", fs).matched).toBe("SK");
  });

  it("rejects inputs equally close to two countries", () => {
    // Two edits from "Slowakei" and two from "Slowenien": ambiguous.
    expect(matchTypedAnswer("Slowakien", "SK", fs)).toEqual({ correct: false });
    expect(matchTypedAnswer("Slowakien", "SI", fs)).toEqual({ correct: false });
  });

  it("rejects countries that are not in the fact set, however close to a member", () => {
    rejects("Österreich", "DE");
    rejects("Oesterreich", "DE");
    rejects("Austria", "AL");
    rejects("Irland", "IS");
    rejects("Ireland", "IS");
    rejects("Schweiz", "SE");
    rejects("Tschechoslowakei", "CZ");
    rejects("Czechoslovakia", "SK");
    rejects("DDR", "DE");
    rejects("Jugoslawien", "SI");
    rejects("Sowjetunion", "EE");
    expect(matchTypedAnswer("Irland", "IS", fs)).toEqual({ correct: false });
    accepts("Island", "IS");
  });

  it("rejects empty, blank, nonsense and overlong input", () => {
    rejects("", "PL");
    rejects("   ", "PL");
    rejects("...", "PL");
    rejects("die", "PL");
    rejects("xyz", "PL");
    rejects("Polen".repeat(30), "PL");
    rejects("Atlantis", "PL");
  });

  it("rejects a right name for the wrong target and reports what it matched", () => {
    expect(matchTypedAnswer("Polen", "HU", fs)).toEqual({ correct: false, matched: "PL" });
  });

  it("accepts every listed spelling of every country for that country", () => {
    for (const country of fs.countries) {
      for (const spelling of [...acceptedAnswers(country.id, fs, "de"), ...acceptedAnswers(country.id, fs, "en")]) {
        expect(matchTypedAnswer(spelling, country.id, fs), `${spelling} for ${country.id}`).toEqual({ correct: true, matched: country.id });
      }
    }
  });
});

describe("acceptedAnswers", () => {
  it("lists the canonical name in the locale first", () => {
    expect(acceptedAnswers("CZ", fixtureFactSet, "de")[0]).toBe("Tschechien");
    expect(acceptedAnswers("CZ", fixtureFactSet, "en")[0]).toBe("Czechia");
    expect(acceptedAnswers("CZ", fixtureFactSet, "de")).toContain("Czech Republic");
    expect(acceptedAnswers("XX", fixtureFactSet, "de")).toEqual([]);
  });
});
