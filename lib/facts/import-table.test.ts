import { describe, expect, it } from "vitest";
import { buildFactSetFromTable, describeStoredFactSet, type TableImportDescription } from "./import-table";

const description: TableImportDescription = {
  title: { de: "EU-Erweiterung", en: "EU enlargement" },
  organization: { nominativeDe: "die EU", dativeDe: "der EU", nameEn: "the EU" },
  memberNoun: { de: { singular: "Staat", plural: "Staaten", gender: "m" }, en: { singular: "state", plural: "states" } },
};
const target = { id: "import-abc", version: 3, asOf: "2026-12-01" };

describe("buildFactSetFromTable", () => {
  it("builds the fact set with the given id, version and names; English repeats the name where German declines it", () => {
    const result = buildFactSetFromTable("name_de,name_en,joined,founding\nBelgien,Belgium,1958-01-01,ja\nDänemark,Denmark,1973-01-01,nein", description, target);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.factSet).toMatchObject({ id: "import-abc", version: 3, asOf: "2026-12-01", organization: { name: { de: "die EU", en: "the EU" }, dative: { de: "der EU", en: "the EU" } } });
    expect(result.factSet.memberNoun?.de.singular).toBe("Staat");
    expect(describeStoredFactSet(result.factSet)).toEqual(description);
  });

  it("returns every problem of the table by row and column instead of throwing", () => {
    const result = buildFactSetFromTable("name_de,name_en,joined\nBelgien,Belgium,1958-13-01\n,Denmark,2030-01-01", description, target);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: "not-a-date", row: 2, column: "joined", value: "1958-13-01" },
      expect.objectContaining({ code: "required", row: 3, column: "name_de" }),
      expect.objectContaining({ code: "in-future", row: 3, column: "joined" }),
    ]);
  });
});
