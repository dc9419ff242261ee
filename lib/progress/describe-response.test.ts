import { describe, expect, it } from "vitest";
import { generateQuestions } from "../questions/generate-questions";
import { revealQuestion } from "../questions/render-question";
import { fixtureFactSet } from "../questions/test-fixtures";
import type { QuestionSpec, Response } from "../questions/types";
import { describeResponse } from "./describe-response";

/** The right response to a question, from its spec. */
function correctResponse(spec: QuestionSpec): Response {
  switch (spec.kind) {
    case "single":
      return { kind: "single", value: spec.answer };
    case "multi":
      return { kind: "multi", values: [...spec.answer].reverse() };
    case "order":
      return { kind: "order", values: spec.answer };
    case "match":
      return { kind: "match", pairs: spec.answer };
    case "text":
      return { kind: "text", text: "  anything typed  " };
    case "map":
      return { kind: "map", value: spec.answer[0] ?? "" };
  }
}

describe("describeResponse", () => {
  it("words a right response exactly as the reveal words the correct answer, in both locales", () => {
    for (let seed = 1; seed <= 30; seed++) {
      for (const spec of generateQuestions(fixtureFactSet, { seed, count: 14 })) {
        if (spec.kind === "text") continue;
        for (const locale of ["de", "en"] as const) {
          if (spec.kind === "map") {
            // One country picked; the reveal lists every accepted one.
            const picked = describeResponse(spec, correctResponse(spec), fixtureFactSet, locale);
            expect(revealQuestion(spec, fixtureFactSet, locale).correctAnswer.split(", "), spec.type).toContain(picked);
            continue;
          }
          expect(describeResponse(spec, correctResponse(spec), fixtureFactSet, locale), `${spec.type} seed ${seed} ${locale}`).toBe(
            revealQuestion(spec, fixtureFactSet, locale).correctAnswer,
          );
        }
      }
    }
  });

  it("shows typed text as typed, unknown values as themselves, and partial or empty responses", () => {
    const [single] = generateQuestions(fixtureFactSet, { seed: 3, count: 1, types: ["accession-year"] });
    const [match] = generateQuestions(fixtureFactSet, { seed: 3, count: 1, types: ["match-country-year"] });
    const [text] = generateQuestions(fixtureFactSet, { seed: 3, count: 1, types: ["typed-country"] });
    expect(describeResponse(text!, { kind: "text", text: "  Atlantis " }, fixtureFactSet, "de")).toBe("Atlantis");
    expect(describeResponse(single!, { kind: "single", value: "1234" }, fixtureFactSet, "de")).toBe("1234");
    if (match?.kind !== "match") throw new Error("match expected");
    const [first] = match.left;
    const pairs = { [first!.value]: match.answer[first!.value]! };
    expect(describeResponse(match, { kind: "match", pairs }, fixtureFactSet, "de")).toMatch(/^[^,]+ → \d{4}$/);
    expect(describeResponse(match, { kind: "match", pairs: {} }, fixtureFactSet, "de")).toBe("");
  });
});
