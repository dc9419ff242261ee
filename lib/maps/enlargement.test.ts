import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { accessionSteps, buildTimeline, enlargementRounds, masteryBand, membersAsOf, stepOfDate } from "./enlargement";

const nato = getFactSet("nato");

/** A PRNG with a fixed seed, so the "today"s below are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe("enlargementRounds", () => {
  it("puts every accession in exactly one round, by calendar year, founders first", () => {
    const rounds = enlargementRounds(nato);
    expect(rounds[0]?.year).toBe(1949);
    expect(rounds[0]?.countryIds).toHaveLength(12);
    const all = rounds.flatMap((r) => r.countryIds);
    expect(new Set(all).size).toBe(nato.accessions.length);
    for (const accession of nato.accessions) {
      const round = rounds.find((r) => r.countryIds.includes(accession.country));
      expect(round?.year).toBe(Number(accession.date.slice(0, 4)));
    }
    expect(rounds.map((r) => r.year)).toEqual([...rounds.map((r) => r.year)].sort((a, b) => a - b));
  });

  it("gives neighbouring rounds different colours", () => {
    const rounds = enlargementRounds(nato);
    expect(new Set(rounds.map((r) => r.colour)).size).toBe(rounds.length);
  });
});

describe("buildTimeline", () => {
  it("starts on 4 April 1949 and ends today, with ascending month-end steps", () => {
    const timeline = buildTimeline(nato, "2026-12-03");
    expect(timeline.steps[0]).toBe("1949-04-04");
    expect(timeline.steps[1]).toBe("1949-04-30");
    expect(timeline.steps.at(-1)).toBe("2026-12-03");
    expect(timeline.steps.at(-2)).toBe("2026-11-30");
    for (let i = 1; i < timeline.steps.length; i++) expect(timeline.steps[i]! > timeline.steps[i - 1]!).toBe(true);
  });

  it("has one step on the founding day itself", () => {
    expect(buildTimeline(nato, "1949-04-04").steps).toEqual(["1949-04-04"]);
    expect(() => buildTimeline(nato, "1949-04-03")).toThrow(RangeError);
  });

  it("shows every member at the first step on or after its accession and never before (200 random todays)", () => {
    const next = random(12);
    const from = Date.UTC(1949, 3, 4);
    const to = Date.UTC(2030, 0, 1);
    for (let run = 0; run < 200; run++) {
      const today = isoDay(from + Math.floor(next() * (to - from)));
      const timeline = buildTimeline(nato, today);
      for (const accession of nato.accessions) {
        if (accession.date > today) {
          expect(membersAsOf(nato, today).has(accession.country)).toBe(false);
          continue;
        }
        const step = stepOfDate(timeline, accession.date);
        expect(membersAsOf(nato, timeline.steps[step]!).has(accession.country)).toBe(true);
        if (step > 0) expect(membersAsOf(nato, timeline.steps[step - 1]!).has(accession.country)).toBe(false);
      }
      // The last step is today: its members are exactly those who joined by today.
      const expected = nato.accessions.filter((a) => a.date <= today).length;
      expect(membersAsOf(nato, timeline.steps.at(-1)!).size).toBe(expected);
    }
  });

  it("has one accession step per distinct accession month, and the count changes exactly there", () => {
    const timeline = buildTimeline(nato, "2026-12-03");
    const steps = accessionSteps(nato, timeline);
    const months = new Set(nato.accessions.map((a) => a.date.slice(0, 7)));
    expect(steps).toHaveLength(months.size);
    for (let i = 1; i < timeline.steps.length; i++) {
      const changed = membersAsOf(nato, timeline.steps[i]!).size !== membersAsOf(nato, timeline.steps[i - 1]!).size;
      expect(changed).toBe(steps.includes(i));
    }
    expect(membersAsOf(nato, timeline.steps.at(-1)!).size).toBe(32);
  });
});

describe("masteryBand", () => {
  it("bands at 50 % and 80 %, and calls a missing estimate unseen", () => {
    expect(masteryBand(undefined)).toBe("unseen");
    expect(masteryBand(Number.NaN)).toBe("unseen");
    expect(masteryBand(0)).toBe("weak");
    expect(masteryBand(0.4999)).toBe("weak");
    expect(masteryBand(0.5)).toBe("learning");
    expect(masteryBand(0.7999)).toBe("learning");
    expect(masteryBand(0.8)).toBe("known");
    expect(masteryBand(1)).toBe("known");
  });
});
