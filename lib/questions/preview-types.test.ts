import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { toFactSet } from "../facts/membership";
import { parseMembershipTable } from "../facts/parse-membership-table";
import { describeUnsupported, previewQuestionTypes, supportedQuestionTypes } from "./preview-types";
import { questionTypes } from "./types";

function table(csv: string) {
  const result = parseMembershipTable(csv, { asOf: "2026-12-03" });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return toFactSet(result.membership, {
    id: "t",
    title: { de: "T", en: "T" },
    organization: { name: { de: "die Union", en: "the Union" }, dative: { de: "der Union", en: "the Union" } },
    asOf: "2026-12-03",
  });
}

describe("previewQuestionTypes", () => {
  it("lists every type once, with a sample of the right type or a reason", () => {
    const preview = previewQuestionTypes(getFactSet("nato"));
    expect(preview.map((p) => p.type)).toEqual([...questionTypes]);
    for (const p of preview) if (p.supported) expect(p.sample.type).toBe(p.type);
    expect(preview.find((p) => p.type === "group-members-select")).toMatchObject({ supported: false, reason: "no-groups" });
    expect(preview.find((p) => p.type === "former-warsaw-pact-select")?.supported).toBe(true);
  });

  it("says why a table without groups, founders or leaves cannot support those types", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `M${i},N${i},${1990 + i}-0${1 + (i % 9)}-01`).join("\n");
    const preview = previewQuestionTypes(table(`name_de,name_en,joined\n${rows}`));
    const reasons = Object.fromEntries(preview.filter((p) => !p.supported).map((p) => [p.type, p.supported ? "" : p.reason]));
    expect(reasons["group-members-select"]).toBe("no-groups");
    expect(reasons["founding-members-select"]).toBe("no-founders");
    expect(reasons["member-today-true-false"]).toBe("no-leaves");
    expect(reasons["event-year"]).toBe("no-events");
    expect(reasons["map-click-wave"]).toBe("not-on-map");
    expect(describeUnsupported("no-groups", "de")).toBe("Keine Gruppen, also keine Gruppenfragen.");
    expect(preview.find((p) => p.type === "accession-year")?.supported).toBe(true);
  });

  it("shows group and member-today samples for the EU example", async () => {
    const { readFileSync } = await import("node:fs");
    const preview = previewQuestionTypes(table(readFileSync("data/examples/eu-membership.csv", "utf8")));
    const supported = preview.filter((p) => p.supported).map((p) => p.type);
    expect(supported).toEqual(expect.arrayContaining(["group-members-select", "member-today-true-false", "founding-members-select", "accession-date", "typed-country", "members-after-round"]));
  });
});

describe("supportedQuestionTypes", () => {
  it("offers NATO every type it can build and none of the table-only ones (the start form lists these)", () => {
    const nato = getFactSet("nato");
    const offered = supportedQuestionTypes(nato);
    expect(offered).not.toContain("group-members-select");
    expect(offered).not.toContain("member-today-true-false");
    expect(offered.length).toBe(questionTypes.length - 2);
    expect(supportedQuestionTypes(nato)).toBe(offered); // cached per fact set
  });
});
