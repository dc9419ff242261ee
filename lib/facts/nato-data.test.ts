import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  accessionOf,
  accessionYear,
  acceptedSpellings,
  countryById,
  eventById,
  foundingMembers,
  memberCountAsOf,
  waves,
} from "./fact-queries";
import { loadFactSets } from "./load-fact-sets";
import { parseFactSet } from "./validate-fact-set";

/**
 * The real data/nato.json, checked against an answer key kept here independently of the data
 * file: if someone edits a date in the JSON, this test names it.
 */

const dataFile = path.join(process.cwd(), "data", "nato.json");
const nato = parseFactSet(JSON.parse(readFileSync(dataFile, "utf8")), "data/nato.json");

/** Accession dates: deposit of the instrument of accession (founders: signature of the treaty). */
const ANSWER_KEY: Record<string, string> = {
  BE: "1949-04-04", CA: "1949-04-04", DK: "1949-04-04", FR: "1949-04-04",
  IS: "1949-04-04", IT: "1949-04-04", LU: "1949-04-04", NL: "1949-04-04",
  NO: "1949-04-04", PT: "1949-04-04", GB: "1949-04-04", US: "1949-04-04",
  GR: "1952-02-18", TR: "1952-02-18",
  DE: "1955-05-06",
  ES: "1982-05-30",
  CZ: "1999-03-12", HU: "1999-03-12", PL: "1999-03-12",
  BG: "2004-03-29", EE: "2004-03-29", LV: "2004-03-29", LT: "2004-03-29",
  RO: "2004-03-29", SK: "2004-03-29", SI: "2004-03-29",
  AL: "2009-04-01", HR: "2009-04-01",
  ME: "2017-06-05",
  MK: "2020-03-27",
  FI: "2023-04-04",
  SE: "2024-03-07",
};

const EVENT_KEY: Record<string, { date: string; endDate?: string; precision: "day" | "month" | "year" }> = {
  "washington-treaty": { date: "1949-04-04", precision: "day" },
  "german-reunification": { date: "1990-10-03", precision: "day" },
  "brussels-summit-1994": { date: "1994-01-10", endDate: "1994-01-11", precision: "day" },
  "partnership-for-peace": { date: "1994-01-10", precision: "day" },
  "mediterranean-dialogue": { date: "1994-12-01", precision: "year" },
  "nato-russia-founding-act": { date: "1997-05-27", precision: "day" },
  "nato-russia-pjc": { date: "1997-05-27", precision: "year" },
  "euro-atlantic-partnership-council": { date: "1997-05-30", precision: "month" },
  "madrid-summit-1997": { date: "1997-07-08", endDate: "1997-07-09", precision: "day" },
  "washington-summit-1999": { date: "1999-04-23", endDate: "1999-04-25", precision: "day" },
  "membership-action-plan": { date: "1999-04-24", precision: "month" },
  "berlin-plus": { date: "2002-12-16", precision: "day" },
  "strasbourg-kehl-summit-2009": { date: "2009-04-03", endDate: "2009-04-04", precision: "day" },
  "declaration-on-alliance-security": { date: "2009-04-04", precision: "day" },
  "wmd-conference-2018": { date: "2018-10-29", endDate: "2018-10-30", precision: "day" },
};

describe("data/nato.json", () => {
  it("loads through the directory loader", () => {
    const sets = loadFactSets(path.join(process.cwd(), "data"));
    expect(sets.get("nato")?.accessions).toHaveLength(32);
  });

  it("has 32 members as of its asOf date", () => {
    expect(nato.asOf).toBe("2026-11-27");
    expect(memberCountAsOf(nato, nato.asOf)).toBe(32);
    expect(nato.countries).toHaveLength(32);
  });

  it("dates every accession exactly as the answer key does", () => {
    const actual = Object.fromEntries(nato.accessions.map((a) => [a.country, a.date]));
    expect(actual).toEqual(ANSWER_KEY);
  });

  it("counts members correctly before and after each enlargement", () => {
    expect(memberCountAsOf(nato, "1949-04-03")).toBe(0);
    expect(memberCountAsOf(nato, "1949-04-04")).toBe(12);
    expect(memberCountAsOf(nato, "1952-02-18")).toBe(14);
    expect(memberCountAsOf(nato, "1955-05-06")).toBe(15);
    expect(memberCountAsOf(nato, "1982-05-30")).toBe(16);
    expect(memberCountAsOf(nato, "1990-10-03")).toBe(16); // reunification is not an accession
    expect(memberCountAsOf(nato, "1999-03-12")).toBe(19);
    expect(memberCountAsOf(nato, "2004-03-29")).toBe(26);
    expect(memberCountAsOf(nato, "2009-04-01")).toBe(28);
    expect(memberCountAsOf(nato, "2017-06-05")).toBe(29);
    expect(memberCountAsOf(nato, "2020-03-27")).toBe(30);
    expect(memberCountAsOf(nato, "2023-04-04")).toBe(31);
    expect(memberCountAsOf(nato, "2024-03-06")).toBe(31);
    expect(memberCountAsOf(nato, "2024-03-07")).toBe(32);
  });

  it("has the twelve founders of the Washington Treaty", () => {
    expect(foundingMembers(nato).map((c) => c.id).sort()).toEqual(
      ["BE", "CA", "DK", "FR", "GB", "IS", "IT", "LU", "NL", "NO", "PT", "US"],
    );
  });

  it("groups the accessions into the known waves", () => {
    expect(waves(nato).map((w) => [w.year, w.accessions.length])).toEqual([
      [1949, 12], [1952, 2], [1955, 1], [1982, 1], [1999, 3], [2004, 7],
      [2009, 2], [2017, 1], [2020, 1], [2023, 1], [2024, 1],
    ]);
    for (const wave of waves(nato)) for (const a of wave.accessions) expect(accessionYear(a)).toBe(wave.year);
  });

  it("classifies former Warsaw Pact and former communist members", () => {
    const ids = (pick: (c: (typeof nato.countries)[number]) => boolean) =>
      nato.countries.filter(pick).map((c) => c.id).sort();
    // Albania was a Warsaw Pact founder (1955) and left formally in 1968.
    expect(ids((c) => Boolean(c.groups?.includes("former-warsaw-pact")))).toEqual(["AL", "BG", "CZ", "HU", "PL", "RO", "SK"]);
    // Their territory was in the Warsaw Pact, the country itself not: neither right nor wrong.
    expect(ids((c) => Boolean(c.unclearGroups?.includes("former-warsaw-pact")))).toEqual(["DE", "EE", "LT", "LV"]);
    expect(nato.groups).toEqual([
      expect.objectContaining({ id: "former-warsaw-pact", label: { de: "ehemaliger Warschauer-Pakt-Staat", en: "former Warsaw Pact state" } }),
    ]);
    expect(ids((c) => c.formerCommunist)).toEqual(
      ["AL", "BG", "CZ", "EE", "HR", "HU", "LT", "LV", "ME", "MK", "PL", "RO", "SI", "SK"],
    );
    for (const id of ["DE", "EE", "LV", "LT"]) expect(countryById(nato, id)?.note).toBeDefined();
  });

  it("keeps Germany's accession in 1955 as West Germany and models reunification as a milestone", () => {
    const germany = accessionOf(nato, "DE");
    expect(germany?.date).toBe("1955-05-06");
    expect(germany?.nameAtAccession?.en).toMatch(/West Germany/);
    expect(germany?.nameAtAccession?.de).toMatch(/Bundesrepublik Deutschland/);
    expect(countryById(nato, "DE")).toMatchObject({ formerCommunist: false, unclearGroups: ["former-warsaw-pact"] });
    expect(countryById(nato, "DE")?.groups).toBeUndefined();
    expect(eventById(nato, "german-reunification")).toMatchObject({ kind: "milestone", date: "1990-10-03" });
  });

  it("dates every event as the answer key does", () => {
    const actual = Object.fromEntries(
      nato.events.map((e) => [e.id, { date: e.date, ...(e.endDate ? { endDate: e.endDate } : {}), precision: e.precision }]),
    );
    expect(actual).toEqual(EVENT_KEY);
  });

  it("links summits to what they launched and whom they invited", () => {
    expect(eventById(nato, "madrid-summit-1997")?.invited.sort()).toEqual(["CZ", "HU", "PL"]);
    expect(eventById(nato, "washington-summit-1999")?.launched).toEqual(["membership-action-plan"]);
    expect(eventById(nato, "strasbourg-kehl-summit-2009")?.launched).toEqual(["declaration-on-alliance-security"]);
    expect(eventById(nato, "brussels-summit-1994")?.launched).toEqual(["partnership-for-peace"]);
    expect(eventById(nato, "nato-russia-founding-act")?.launched).toEqual(["nato-russia-pjc"]);
  });

  it("keeps the source text's wrong year for the Permanent Joint Council only in the note", () => {
    const pjc = eventById(nato, "nato-russia-pjc");
    expect(accessionYear(pjc!)).toBe(1997);
    expect(pjc?.note?.de).toMatch(/1998/);
    expect(pjc?.note?.en).toMatch(/1998/);
  });

  it("accepts the spellings a learner may type", () => {
    const accepts = (id: string, text: string) => acceptedSpellings(countryById(nato, id)!).includes(text);
    expect(accepts("MK", "nordmakedonien")).toBe(true);
    expect(accepts("CZ", "tschechische republik")).toBe(true);
    expect(accepts("TR", "turkey")).toBe(true);
    expect(accepts("TR", "turkei")).toBe(true);
    expect(accepts("GB", "grossbritannien")).toBe(true);
    expect(accepts("US", "vereinigte staaten von amerika")).toBe(true);
    expect(accepts("NL", "holland")).toBe(true);
    expect(accepts("DE", "westdeutschland")).toBe(true);
  });

  it("gives every fact a source and a natural date prompt", () => {
    for (const a of nato.accessions) expect(a.sources.length).toBeGreaterThan(0);
    for (const e of nato.events) {
      expect(e.sources.length).toBeGreaterThan(0);
      expect(e.datePrompt.de).toMatch(/\?$/);
      expect(e.datePrompt.en).toMatch(/\?$/);
    }
  });

  const seedSource = nato.sources.find((s) => s.id === "seed");
  const seedPath = [process.cwd(), path.dirname(process.cwd())]
    .map((root) => path.join(root, seedSource?.path ?? ""))
    .find((candidate) => seedSource?.path !== undefined && existsSync(candidate));

  it.skipIf(seedPath === undefined)("quotes the source text verbatim", () => {
    const seedText = readFileSync(seedPath!, "utf8");
    const quotes = [...nato.countries, ...nato.accessions, ...nato.events]
      .flatMap((fact) => fact.sources ?? [])
      .filter((source) => source.ref === "seed");
    expect(quotes.length).toBeGreaterThan(20);
    for (const source of quotes) {
      expect(source.quote, "a seed reference needs its quote").toBeDefined();
      expect(seedText.includes(source.quote!), source.quote).toBe(true);
    }
  });
});
