import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memberCountAsOf, waves } from "./fact-queries";
import { clearFactSetCache, FactSetNotFoundError, getFactSet, listFactSets, loadFactSets } from "./load-fact-sets";
import type { FactSet } from "./schema";
import { InvalidFactSetError } from "./validate-fact-set";

/** A second topic, as a new data file: it must load with no code change. */
const benelux: FactSet = {
  id: "benelux-union",
  version: 1,
  title: { de: "Benelux-Union", en: "Benelux Union" },
  description: { de: "Ein zweites Thema, nur zum Testen.", en: "A second topic, for tests only." },
  organization: { name: { de: "Benelux", en: "Benelux" }, dative: { de: "der Benelux-Union", en: "the Benelux Union" } },
  asOf: "2026-11-27",
  sources: [{ id: "test", title: "Test fixture" }],
  countries: [
    { id: "BE", name: { de: "Belgien", en: "Belgium" }, aliases: { de: [], en: [] }, region: "western-europe", formerCommunist: false },
    { id: "NL", name: { de: "Niederlande", en: "Netherlands" }, aliases: { de: ["Holland"], en: ["Holland"] }, region: "western-europe", formerCommunist: false },
    { id: "LU", name: { de: "Luxemburg", en: "Luxembourg" }, aliases: { de: [], en: [] }, region: "western-europe", formerCommunist: false },
  ],
  accessions: ["BE", "NL", "LU"].map((id) => ({
    id: `benelux-${id.toLowerCase()}`,
    country: id,
    date: "1958-02-03",
    founding: true,
    sources: [{ ref: "test" }],
  })),
  events: [],
};

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(path.join(tmpdir(), "faktum-facts-"));
  clearFactSetCache();
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
  clearFactSetCache();
});

function write(file: string, content: unknown) {
  writeFileSync(path.join(directory, file), typeof content === "string" ? content : JSON.stringify(content));
}

describe("loadFactSets", () => {
  it("loads every JSON file in a directory, by id, with no code change for a new topic", () => {
    copyFileSync(path.join(process.cwd(), "data", "nato.json"), path.join(directory, "nato.json"));
    write("benelux.json", benelux);
    write("README.md", "not a fact set");
    mkdirSync(path.join(directory, "drafts.json")); // a directory, even with a .json name, is skipped

    const sets = loadFactSets(directory);
    expect([...sets.keys()].sort()).toEqual(["benelux-union", "nato"]);
    const loaded = sets.get("benelux-union")!;
    expect(memberCountAsOf(loaded, loaded.asOf)).toBe(3);
    expect(waves(loaded)).toHaveLength(1);
  });

  it("names the file when a fact set is invalid", () => {
    write("broken.json", { ...benelux, accessions: [{ ...benelux.accessions[0], date: "1958-2-3" }] });
    expect(() => loadFactSets(directory)).toThrowError(InvalidFactSetError);
    try {
      loadFactSets(directory);
    } catch (error) {
      expect((error as InvalidFactSetError).message).toMatch(/broken\.json: accessions\[0\]\.date: expected a date as YYYY-MM-DD/);
    }
  });

  it("names the file when it is not valid JSON", () => {
    write("garbled.json", "{ not json");
    expect(() => loadFactSets(directory)).toThrowError(/garbled\.json: \(root\): not valid JSON/);
  });

  it("refuses two files with the same fact set id", () => {
    write("a.json", benelux);
    write("b.json", benelux);
    expect(() => loadFactSets(directory)).toThrowError(/b\.json: id: fact set id "benelux-union" is already used by .*a\.json/);
  });
});

describe("getFactSet", () => {
  it("returns a fact set by id and reads the files only once", () => {
    write("benelux.json", benelux);
    const first = getFactSet("benelux-union", directory);
    rmSync(path.join(directory, "benelux.json"));
    expect(getFactSet("benelux-union", directory)).toBe(first);
    expect(listFactSets(directory).map((s) => s.id)).toEqual(["benelux-union"]);

    clearFactSetCache();
    expect(() => getFactSet("benelux-union", directory)).toThrowError(FactSetNotFoundError);
  });

  it("throws a typed error for an unknown id", () => {
    write("benelux.json", benelux);
    expect(() => getFactSet("warsaw-pact", directory)).toThrowError(FactSetNotFoundError);
  });

  it("serves the real NATO fact set from the default data directory", () => {
    expect(getFactSet("nato").accessions).toHaveLength(32);
  });
});
