import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { generateQuestions } from "../questions/generate-questions";
import { fixtureFactSet } from "../questions/test-fixtures";
import type { MatchSpec, MultiSpec, OrderSpec, QuestionSpec, Response, SingleSpec, TextSpec } from "../questions/types";
import { InvalidResponseError, gradeResponse } from "./grade-response";

const fs = fixtureFactSet;

const single: SingleSpec = {
  id: "q-single",
  type: "accession-year",
  kind: "single",
  factIds: ["pl-1999"],
  params: { country: "PL" },
  options: ["1999", "2004", "1982", "2009"].map((value) => ({ of: "year", value })),
  answer: "1999",
};

const multi: MultiSpec = {
  id: "q-multi",
  type: "wave-members",
  kind: "multi",
  factIds: ["cz-1999", "hu-1999", "pl-1999"],
  params: { year: "1999" },
  options: ["CZ", "SK", "HU", "PL", "ES"].map((value) => ({ of: "country", value })),
  answer: ["CZ", "HU", "PL"],
};

const order: OrderSpec = {
  id: "q-order",
  type: "accession-order",
  kind: "order",
  factIds: ["be-1949", "es-1982", "pl-1999", "fi-2023"],
  params: {},
  options: ["PL", "BE", "FI", "ES"].map((value) => ({ of: "country", value })),
  answer: ["BE", "ES", "PL", "FI"],
};

const match: MatchSpec = {
  id: "q-match",
  type: "match-country-year",
  kind: "match",
  factIds: ["be-1949", "es-1982", "pl-1999", "fi-2023"],
  params: {},
  left: ["PL", "BE", "FI", "ES"].map((value) => ({ of: "country", value })),
  right: ["1949", "2023", "1982", "1999"].map((value) => ({ of: "year", value })),
  answer: { BE: "1949", ES: "1982", PL: "1999", FI: "2023" },
};

const text: TextSpec = {
  id: "q-text",
  type: "typed-country",
  kind: "text",
  factIds: ["es-1982"],
  params: { mode: "alone", year: "1982" },
  answer: { of: "country", value: "ES" },
};

const grade = (spec: QuestionSpec, response: Response) => gradeResponse(spec, response, fs);

describe("gradeResponse: single", () => {
  it("is right for the answer and wrong for any other option", () => {
    expect(grade(single, { kind: "single", value: "1999" })).toEqual({ correct: true, score: 1 });
    expect(grade(single, { kind: "single", value: "2004" })).toEqual({ correct: false, score: 0 });
  });

  it("rejects values that are not options", () => {
    expect(() => grade(single, { kind: "single", value: "1998" })).toThrow(InvalidResponseError);
    expect(() => grade(single, { kind: "single", value: "" })).toThrow(InvalidResponseError);
    expect(() => grade(single, { kind: "single", value: 1999 } as unknown as Response)).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: multi", () => {
  it("is right only for exactly the answer set, in any order", () => {
    expect(grade(multi, { kind: "multi", values: ["PL", "CZ", "HU"] })).toEqual({ correct: true, score: 1 });
  });

  it("gives partial credit: (hits − wrong picks) / answers, never below 0", () => {
    expect(grade(multi, { kind: "multi", values: ["CZ", "HU"] })).toEqual({ correct: false, score: 2 / 3 });
    expect(grade(multi, { kind: "multi", values: ["CZ", "HU", "PL", "SK"] })).toEqual({ correct: false, score: 2 / 3 });
    expect(grade(multi, { kind: "multi", values: ["CZ", "SK"] })).toEqual({ correct: false, score: 0 });
    expect(grade(multi, { kind: "multi", values: ["SK", "ES"] })).toEqual({ correct: false, score: 0 });
    expect(grade(multi, { kind: "multi", values: [] })).toEqual({ correct: false, score: 0 });
    expect(grade(multi, { kind: "multi", values: ["CZ", "SK", "HU", "PL", "ES"] }).correct).toBe(false);
  });

  it("rejects unknown and repeated values", () => {
    expect(() => grade(multi, { kind: "multi", values: ["CZ", "DE"] })).toThrow(InvalidResponseError);
    expect(() => grade(multi, { kind: "multi", values: ["CZ", "CZ", "HU", "PL"] })).toThrow(InvalidResponseError);
    expect(() => grade(multi, { kind: "multi", values: "CZ" } as unknown as Response)).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: order", () => {
  it("is right only for the exact sequence; score is the share in place", () => {
    expect(grade(order, { kind: "order", values: ["BE", "ES", "PL", "FI"] })).toEqual({ correct: true, score: 1 });
    expect(grade(order, { kind: "order", values: ["BE", "ES", "FI", "PL"] })).toEqual({ correct: false, score: 0.5 });
    expect(grade(order, { kind: "order", values: ["FI", "PL", "ES", "BE"] })).toEqual({ correct: false, score: 0 });
  });

  it("rejects incomplete, repeated or foreign sequences", () => {
    expect(() => grade(order, { kind: "order", values: ["BE", "ES", "PL"] })).toThrow(InvalidResponseError);
    expect(() => grade(order, { kind: "order", values: ["BE", "BE", "PL", "FI"] })).toThrow(InvalidResponseError);
    expect(() => grade(order, { kind: "order", values: ["BE", "ES", "PL", "SE"] })).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: match", () => {
  it("is right only when every pair is; score is the share of pairs right", () => {
    expect(grade(match, { kind: "match", pairs: { BE: "1949", ES: "1982", PL: "1999", FI: "2023" } })).toEqual({ correct: true, score: 1 });
    expect(grade(match, { kind: "match", pairs: { BE: "1949", ES: "1999", PL: "1982", FI: "2023" } })).toEqual({ correct: false, score: 0.5 });
    expect(grade(match, { kind: "match", pairs: { BE: "1949" } })).toEqual({ correct: false, score: 0.25 });
    expect(grade(match, { kind: "match", pairs: {} })).toEqual({ correct: false, score: 0 });
  });

  it("rejects pairs that name unknown items", () => {
    expect(() => grade(match, { kind: "match", pairs: { SE: "1949" } })).toThrow(InvalidResponseError);
    expect(() => grade(match, { kind: "match", pairs: { BE: "1950" } })).toThrow(InvalidResponseError);
    expect(() => grade(match, { kind: "match", pairs: ["BE"] } as unknown as Response)).toThrow(InvalidResponseError);
    expect(() => grade(match, { kind: "match" } as unknown as Response)).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: text", () => {
  it("grades through the typed-answer matcher", () => {
    expect(grade(text, { kind: "text", text: "Spanien" })).toEqual({ correct: true, score: 1 });
    expect(grade(text, { kind: "text", text: " spain " })).toEqual({ correct: true, score: 1 });
    expect(grade(text, { kind: "text", text: "Spanein" })).toEqual({ correct: true, score: 1 });
    expect(grade(text, { kind: "text", text: "Portugal" })).toEqual({ correct: false, score: 0 });
    expect(grade(text, { kind: "text", text: "" })).toEqual({ correct: false, score: 0 });
  });

  it("rejects a missing or absurdly long text", () => {
    expect(() => grade(text, { kind: "text" } as unknown as Response)).toThrow(InvalidResponseError);
    expect(() => grade(text, { kind: "text", text: "x".repeat(201) })).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: typed year", () => {
  const typedYear: TextSpec = {
    id: "q-year",
    type: "typed-accession-year",
    kind: "text",
    factIds: ["pl-1999"],
    params: { country: "PL" },
    answer: { of: "year", value: "1999" },
  };
  const grade = (text: string) => gradeResponse(typedYear, { kind: "text", text }, fs);

  it("accepts the year, with surrounding spaces", () => {
    expect(grade("1999")).toEqual({ correct: true, score: 1 });
    expect(grade("  1999 \t")).toEqual({ correct: true, score: 1 });
  });

  it("grades another year as wrong", () => {
    expect(grade("2004")).toEqual({ correct: false, score: 0 });
    expect(grade("1998")).toEqual({ correct: false, score: 0 });
  });

  it("refuses anything that is not a four-digit year, saying so", () => {
    for (const text of ["", "99", "19 99", "1999.", "neunzehnhundertneunundneunzig", "Polen", "19999", "1999-03-12"]) {
      expect(() => grade(text), text).toThrow(InvalidResponseError);
      expect(() => grade(text), text).toThrow(/not a four-digit year/);
    }
  });
});

describe("gradeResponse: map", () => {
  const mapSpec: QuestionSpec = {
    id: "q-map",
    type: "map-click-wave",
    kind: "map",
    factIds: ["cz-1999", "hu-1999", "pl-1999"],
    params: { year: "1999" },
    options: ["CZ", "HU", "PL", "ES", "SK"].map((value) => ({ of: "country", value })),
    answer: ["CZ", "HU", "PL"],
  };
  it("accepts any fitting country and no other", () => {
    for (const value of ["CZ", "HU", "PL"]) expect(gradeResponse(mapSpec, { kind: "map", value }, fs)).toEqual({ correct: true, score: 1 });
    expect(gradeResponse(mapSpec, { kind: "map", value: "SK" }, fs)).toEqual({ correct: false, score: 0 });
  });
  it("refuses a country that is not on the map", () => {
    expect(() => gradeResponse(mapSpec, { kind: "map", value: "XX" }, fs)).toThrow(InvalidResponseError);
  });
});

describe("gradeResponse: wrong kind", () => {
  it("rejects a response of another kind than the question", () => {
    expect(() => grade(single, { kind: "multi", values: ["1999"] })).toThrow(InvalidResponseError);
    expect(() => grade(multi, { kind: "single", value: "CZ" })).toThrow(InvalidResponseError);
    expect(() => grade(order, { kind: "match", pairs: {} })).toThrow(InvalidResponseError);
    expect(() => grade(text, { kind: "single", value: "ES" })).toThrow(InvalidResponseError);
    expect(() => grade(single, null as unknown as Response)).toThrow(InvalidResponseError);
  });

  it("is an Error with its own name, for the server to map to a 4xx", () => {
    try {
      grade(single, { kind: "text", text: "1999" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).name).toBe("InvalidResponseError");
    }
  });
});

describe("gradeResponse on generated questions", () => {
  it("grades each generated question's own answer as correct, for every kind", () => {
    const nato = getFactSet("nato");
    for (const factSet of [fs, nato]) {
      for (const spec of generateQuestions(factSet, { seed: "grade", count: 500 })) {
        let response: Response;
        switch (spec.kind) {
          case "single":
            response = { kind: "single", value: spec.answer };
            break;
          case "multi":
            response = { kind: "multi", values: [...spec.answer].reverse() };
            break;
          case "order":
            response = { kind: "order", values: spec.answer };
            break;
          case "match":
            response = { kind: "match", pairs: spec.answer };
            break;
          case "text": {
            const country = factSet.countries.find((c) => c.id === spec.answer.value);
            response = { kind: "text", text: spec.answer.of === "year" ? spec.answer.value : (country?.name.de ?? "") };
            break;
          }
          case "map":
            response = { kind: "map", value: spec.answer[spec.answer.length - 1] ?? "" };
            break;
        }
        expect(gradeResponse(spec, response, factSet), JSON.stringify(spec)).toEqual({ correct: true, score: 1 });
      }
    }
  });
});
