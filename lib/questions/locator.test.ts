import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { generateQuestions } from "./generate-questions";
import { locateAccessions, maxLocatorCountries, renderQuestion, revealQuestion } from "./render-question";
import { questionTypes } from "./types";

const nato = getFactSet("nato");

describe("the locator map of a revealed question", () => {
  it("points at exactly the accessions a question tests, with their years, and only in the reveal (40 seeds, every type)", () => {
    let located = 0;
    for (let seed = 0; seed < 40; seed++) {
      for (const spec of generateQuestions(nato, { seed, count: questionTypes.length * 2, types: [...questionTypes] })) {
        const accessions = nato.accessions.filter((a) => spec.factIds.includes(a.id));
        const reveal = revealQuestion(spec, nato, seed % 2 ? "de" : "en");
        expect(JSON.stringify(renderQuestion(spec, nato, "de")), spec.type).not.toContain("locator");
        if (accessions.length === 0 || accessions.length > maxLocatorCountries) {
          expect(reveal.locator, spec.type).toBeUndefined();
          continue;
        }
        located++;
        expect(reveal.locator?.mapUrl).toBe("/maps/nato-map.json");
        expect(reveal.locator?.countries.map((c) => c.countryId).sort()).toEqual(accessions.map((a) => a.country).sort());
        for (const country of reveal.locator?.countries ?? []) {
          const accession = accessions.find((a) => a.country === country.countryId)!;
          expect(country.year).toBe(Number(accession.date.slice(0, 4)));
          expect(country.founding).toBe(accession.founding);
          expect(country.name).toBe(nato.countries.find((c) => c.id === country.countryId)!.name[seed % 2 ? "de" : "en"]);
        }
      }
    }
    expect(located).toBeGreaterThan(100);
  });

  it("is absent for a fact set without a map", () => {
    const [spec] = generateQuestions(nato, { seed: 1, count: 1, types: ["accession-year"] });
    expect(locateAccessions(spec!, nato, "de")?.countries).toHaveLength(1);
    expect(locateAccessions(spec!, { ...nato, id: "other" }, "de")).toBeUndefined();
  });
});
