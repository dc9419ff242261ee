import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidFactSetError, parseFactSet } from "./validate-fact-set";

/** Malformed variants of the real file: each must fail and name the file and the field. */

const FILE = "data/nato.json";
/** Test variants edit the raw JSON freely, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawJson = any;
const valid: RawJson = JSON.parse(readFileSync(path.join(process.cwd(), FILE), "utf8"));

function variant(edit: (json: RawJson) => void): RawJson {
  const json = structuredClone(valid);
  edit(json);
  return json;
}

function issuesOf(json: unknown): InvalidFactSetError {
  try {
    parseFactSet(json, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFactSetError);
    return error as InvalidFactSetError;
  }
  throw new Error("expected parseFactSet to throw");
}

function expectIssue(json: unknown, fieldPath: string, message: RegExp) {
  const error = issuesOf(json);
  const issue = error.issues.find((i) => i.path === fieldPath);
  expect(issue, `no issue at ${fieldPath}; got ${JSON.stringify(error.issues)}`).toBeDefined();
  expect(issue!.message).toMatch(message);
  expect(error.message).toContain(`${FILE}: ${fieldPath}: `);
  expect(error.fileName).toBe(FILE);
}

describe("parseFactSet", () => {
  it("accepts the real file", () => {
    expect(parseFactSet(valid, FILE).id).toBe("nato");
  });

  it("reports a missing field with its path", () => {
    expectIssue(variant((j) => delete j.accessions[3].date), "accessions[3].date", /./);
    expectIssue(variant((j) => delete j.events[0].datePrompt), "events[0].datePrompt", /./);
    expectIssue(variant((j) => delete j.countries[5].name.de), "countries[5].name.de", /./);
  });

  it("reports a date in the wrong format", () => {
    const error = issuesOf(variant((j) => (j.accessions[3].date = "12.03.1999")));
    expect(error.message).toBe(`${FILE}: accessions[3].date: expected a date as YYYY-MM-DD`);
    expect(error.issues).toEqual([{ path: "accessions[3].date", message: "expected a date as YYYY-MM-DD" }]);
  });

  it("reports a day that does not exist", () => {
    expectIssue(variant((j) => (j.accessions[20].date = "2004-02-30")), "accessions[20].date", /not a calendar date/);
    expectIssue(variant((j) => (j.events[2].endDate = "1994-13-01")), "events[2].endDate", /not a calendar date/);
  });

  it("reports an end date before the start date", () => {
    expectIssue(variant((j) => (j.events[2].endDate = "1994-01-09")), "events[2].endDate", /before it starts/);
  });

  it("reports a fact dated after asOf", () => {
    expectIssue(variant((j) => (j.asOf = "2024-03-06")), `accessions[31].date`, /after the fact set's asOf/);
  });

  it("reports an unknown country reference", () => {
    expectIssue(variant((j) => (j.accessions[0].country = "XX")), "accessions[0].country", /unknown country "XX"/);
    expectIssue(variant((j) => j.events[0].invited.push("UA")), "events[0].invited[0]", /unknown country "UA"/);
  });

  it("reports unknown event and source references", () => {
    expectIssue(variant((j) => j.events[0].launched.push("nope")), "events[0].launched[0]", /unknown event "nope"/);
    expectIssue(variant((j) => (j.accessions[4].sources[0].ref = "wiki")), "accessions[4].sources[0].ref", /unknown source "wiki"/);
  });

  it("reports duplicate ids", () => {
    expectIssue(variant((j) => (j.countries[1].id = j.countries[0].id)), "countries[1].id", /duplicate country id "BE"/);
    expectIssue(variant((j) => (j.events[1].id = j.events[0].id)), "events[1].id", /duplicate event id/);
    expectIssue(variant((j) => (j.sources[2].id = "seed")), "sources[2].id", /duplicate source id "seed"/);
    expectIssue(variant((j) => (j.events[0].id = j.accessions[0].id)), "events[0].id", /also an accession id/);
  });

  it("reports a second accession of the same country", () => {
    expectIssue(
      variant((j) => j.accessions.push({ ...j.accessions[14], id: "accession-de-1990", date: "1990-10-03" })),
      "accessions[32].country",
      /already has an accession/,
    );
  });

  it("requires exactly the founding accessions on the earliest date", () => {
    expectIssue(variant((j) => (j.accessions[13].founding = true)), "accessions[13].date", /not the earliest date/);
    expectIssue(variant((j) => (j.accessions[0].founding = false)), "accessions[0].founding", /must be marked founding/);
  });

  it("reports an alias that two countries would share", () => {
    const sk = valid.countries.findIndex((c: { id: string }) => c.id === "SK");
    const si = valid.countries.findIndex((c: { id: string }) => c.id === "SI");
    expect(si).toBeGreaterThan(sk);
    // "SLOVENÍA" normalises to "slovenia", the English name of SI.
    expectIssue(
      variant((j) => j.countries[sk].aliases.en.push("SLOVENÍA")),
      `countries[${si}].name.en`,
      new RegExp(`also accepted for country "SK" \\(countries\\[${sk}\\]\\.aliases\\.en\\[1\\]\\)`),
    );
  });

  it("reports an alias colliding with another country's name after removing diacritics", () => {
    const tr = valid.countries.findIndex((c: { id: string }) => c.id === "TR");
    const si = valid.countries.findIndex((c: { id: string }) => c.id === "SI");
    expect(si).toBeGreaterThan(tr);
    // "Turkei" is the German name of TR without its umlaut.
    expectIssue(
      variant((j) => j.countries[si].aliases.de.push("TURKEI")),
      `countries[${si}].aliases.de[0]`,
      /also accepted for country "TR" \(countries\[\d+\]\.name\.de\)/,
    );
  });

  it("collects several issues at once", () => {
    const error = issuesOf(
      variant((j) => {
        j.accessions[0].country = "XX";
        j.accessions[1].date = "1949-02-29";
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["accessions[0].country", "accessions[1].date"]));
    expect(error.message.split("\n").every((line) => line.startsWith(`${FILE}: `))).toBe(true);
  });

  it("reports a non-object document at the root", () => {
    expectIssue([], "(root)", /./);
  });
});
