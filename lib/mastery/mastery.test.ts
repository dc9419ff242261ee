import { describe, expect, it } from "vitest";
import { createRandom } from "../questions/random";
import { fixtureFactSet } from "../questions/test-fixtures";
import {
  type Evidence,
  defaultMasteryOptions,
  evidenceWeight,
  factMastery,
  groupMastery,
  masteryByFact,
  priorMastery,
  reviewToEvidence,
  weakestFacts,
} from "./mastery";
import { topicMastery } from "./topic-mastery";

const now = new Date("2026-03-01T12:00:00Z");
const dayMs = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);
const answer = (factId: string, correct: boolean, days: number): Evidence => ({ factId, correct, at: daysAgo(days) });
const masteryOf = (evidence: Evidence[]) => factMastery("f", evidence, now).mastery;

/** Random evidence histories for property tests, reproducible from the seed. */
function randomHistory(seed: number, length: number): Evidence[] {
  const rng = createRandom(seed);
  return Array.from({ length }, () => answer("f", rng.next() < 0.6, Math.floor(rng.next() * 120)));
}

describe("evidenceWeight", () => {
  it("halves every half-life and never exceeds 1", () => {
    expect(evidenceWeight(now, now)).toBe(1);
    expect(evidenceWeight(daysAgo(14), now)).toBeCloseTo(0.5, 10);
    expect(evidenceWeight(daysAgo(28), now)).toBeCloseTo(0.25, 10);
    // A clock running ahead must not make an answer count more than a fresh one.
    expect(evidenceWeight(new Date(now.getTime() + 5 * dayMs), now)).toBe(1);
  });
});

describe("factMastery", () => {
  it("is the prior (0) without evidence", () => {
    expect(masteryOf([])).toBe(0);
    expect(priorMastery()).toBe(0);
  });

  it("weights recent answers more: a recent wrong answer beats an old right one", () => {
    const oldRightRecentWrong = masteryOf([answer("f", true, 30), answer("f", false, 0)]);
    const oldWrongRecentRight = masteryOf([answer("f", false, 30), answer("f", true, 0)]);
    expect(oldWrongRecentRight).toBeGreaterThan(oldRightRecentWrong);
    // Five right answers two months ago do not outweigh two fresh mistakes.
    const fiveOldRight = Array.from({ length: 5 }, () => answer("f", true, 60));
    const history = masteryOf([...fiveOldRight, answer("f", false, 0), answer("f", false, 0)]);
    expect(factMastery("f", [...fiveOldRight, answer("f", false, 0), answer("f", false, 0)], now).accuracy).toBeLessThan(0.5);
    expect(history).toBeLessThan(masteryOf([answer("f", true, 0)]));
  });

  it("the same answer counts less the older it is", () => {
    const byAge = [0, 1, 7, 14, 30, 90, 365].map((days) => masteryOf([answer("f", true, days)]));
    for (let i = 1; i < byAge.length; i++) expect(byAge[i]).toBeLessThan(byAge[i - 1]!);
  });

  it("shrinks back to the prior as evidence ages", () => {
    const history = [answer("f", true, 0), answer("f", true, 0), answer("f", true, 1)];
    const later = (days: number) => factMastery("f", history, new Date(now.getTime() + days * dayMs));
    expect(later(0).mastery).toBeGreaterThan(0.5);
    expect(later(365).mastery).toBeLessThan(0.001);
    expect(later(365).confidence).toBeLessThan(0.001);
    // Accuracy is a ratio of decayed weights: it stays 1, only the confidence fades.
    expect(later(365).accuracy).toBeCloseTo(1, 10);
  });

  it("is monotonic in correct answers: turning a wrong answer right, or adding a right one, never lowers it", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const history = randomHistory(seed, 1 + (seed % 12));
      const base = masteryOf(history);
      const wrongIndex = history.findIndex((item) => !item.correct);
      if (wrongIndex >= 0) {
        const flipped = history.map((item, i) => (i === wrongIndex ? { ...item, correct: true } : item));
        expect(masteryOf(flipped), `seed ${seed} flip`).toBeGreaterThan(base);
      }
      expect(masteryOf([...history, answer("f", true, seed % 40)]), `seed ${seed} add right`).toBeGreaterThan(base);
      expect(masteryOf([...history, answer("f", false, seed % 40)]), `seed ${seed} add wrong`).toBeLessThanOrEqual(base);
    }
  });

  it("is bounded to [0, 1) and equals accuracy × confidence", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const fact = factMastery("f", randomHistory(seed, seed % 30), now);
      for (const value of [fact.mastery, fact.accuracy, fact.confidence]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1 + 1e-12);
      }
      expect(fact.mastery).toBeLessThan(1);
      expect(fact.mastery).toBeCloseTo(fact.accuracy * fact.confidence, 12);
    }
    const manyRight = Array.from({ length: 1000 }, () => answer("f", true, 0));
    expect(masteryOf(manyRight)).toBeLessThan(1);
    expect(masteryOf(manyRight)).toBeGreaterThan(0.99);
  });

  it("counts raw attempts and the last time the fact was seen", () => {
    const fact = factMastery("f", [answer("f", true, 3), answer("f", false, 1), answer("f", true, 9)], now);
    expect(fact).toMatchObject({ attempts: 3, correct: 2, lastSeenAt: daysAgo(1) });
  });
});

describe("reviews and answers combine", () => {
  it("maps grade 1 to forgotten and 2–4 to recalled, for each fact of the card", () => {
    expect(reviewToEvidence({ factIds: ["a", "b"], grade: 1, at: now })).toEqual([
      { factId: "a", correct: false, at: now },
      { factId: "b", correct: false, at: now },
    ]);
    for (const grade of [2, 3, 4]) {
      expect(reviewToEvidence({ factIds: ["a"], grade, at: now })).toEqual([{ factId: "a", correct: true, at: now }]);
    }
    expect(reviewToEvidence({ factIds: ["a", "a", ""], grade: 3, at: now })).toHaveLength(1);
  });

  it("a review counts like an answer of the same age and outcome", () => {
    const viaAnswers = masteryByFact([answer("a", true, 2), answer("a", false, 1)], now).get("a")!;
    const mixed = masteryByFact(
      [answer("a", true, 2), ...reviewToEvidence({ factIds: ["a"], grade: 1, at: daysAgo(1) })],
      now,
    ).get("a")!;
    expect(mixed.mastery).toBeCloseTo(viaAnswers.mastery, 12);
  });

  it("reviews add to quiz evidence: a recalled card raises a fact's mastery, a forgotten one lowers it", () => {
    const answers = [answer("a", true, 3)];
    const base = masteryByFact(answers, now).get("a")!.mastery;
    const recalled = masteryByFact([...answers, ...reviewToEvidence({ factIds: ["a"], grade: 3, at: now })], now).get("a")!;
    const forgotten = masteryByFact([...answers, ...reviewToEvidence({ factIds: ["a"], grade: 1, at: now })], now).get("a")!;
    expect(recalled.mastery).toBeGreaterThan(base);
    expect(forgotten.mastery).toBeLessThan(base);
    expect(recalled.attempts).toBe(2);
  });
});

describe("groups and topics", () => {
  it("counts unseen facts at the prior (0), so practising a new fact right raises the group", () => {
    const mastery = masteryByFact([answer("a", true, 0), answer("a", true, 0)], now);
    const group = groupMastery(["a", "b", "c", "d"], mastery);
    expect(group).toEqual({ mastery: mastery.get("a")!.mastery / 4, seen: 1, total: 4 });
    expect(groupMastery([], mastery)).toEqual({ mastery: 0, seen: 0, total: 0 });
    // A wrong answer on an unseen fact cannot raise the group above the prior.
    const wrongOnly = masteryByFact([answer("b", false, 0)], now);
    expect(groupMastery(["a", "b"], wrongOnly).mastery).toBe(0);
  });

  it("a uniform prior would count unseen facts at one half", () => {
    const uniform = { ...defaultMasteryOptions, priorCorrect: 1, priorWrong: 1 };
    expect(groupMastery(["a", "b"], new Map(), uniform).mastery).toBe(0.5);
  });

  it("breaks a topic down by enlargement wave (one calendar year) and events", () => {
    const poland = fixtureFactSet.accessions.find((a) => a.country === "PL")!;
    const event = fixtureFactSet.events[0]!;
    const mastery = masteryByFact([answer(poland.id, true, 0), answer(poland.id, true, 0), answer(event.id, true, 0)], now);
    const topic = topicMastery(fixtureFactSet, mastery);
    const total = fixtureFactSet.accessions.length + fixtureFactSet.events.length;
    expect(topic).toMatchObject({ factSetId: "fixture", seen: 2, total });
    expect(topic.waves.map((w) => w.year)).toEqual([1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024]);
    const wave1999 = topic.waves.find((w) => w.year === 1999)!;
    expect(wave1999).toMatchObject({ seen: 1, total: 3 });
    expect(wave1999.mastery).toBeCloseTo(mastery.get(poland.id)!.mastery / 3, 12);
    expect(topic.waves.find((w) => w.year === 1949)).toMatchObject({ mastery: 0, seen: 0, total: 12 });
    expect(topic.events).toMatchObject({ seen: 1, total: fixtureFactSet.events.length });
    expect(topic.mastery).toBeCloseTo((mastery.get(poland.id)!.mastery + mastery.get(event.id)!.mastery) / total, 12);
  });
});

describe("weakestFacts", () => {
  it("orders seen facts by mastery, more recent mistakes first among equals", () => {
    const mastery = masteryByFact(
      [
        answer("strong", true, 0),
        answer("strong", true, 0),
        answer("wrong-once", false, 10),
        answer("wrong-twice", false, 0),
        answer("wrong-twice", false, 1),
        answer("half", true, 0),
        answer("half", false, 0),
      ],
      now,
    );
    expect(weakestFacts(mastery, 10).map((f) => f.factId)).toEqual(["wrong-twice", "wrong-once", "half"]);
    expect(weakestFacts(mastery, 2).map((f) => f.factId)).toEqual(["wrong-twice", "wrong-once"]);
    expect(weakestFacts(mastery, 10, new Set(["half", "strong"])).map((f) => f.factId)).toEqual(["half"]);
  });

  it("never lists a fact answered right or mostly right, however little evidence backs it", () => {
    // One right answer leaves mastery at 1/3 (the sceptical prior), below a fact answered half
    // right many times: low on evidence, but not weak.
    const mastery = masteryByFact(
      [
        answer("right-once", true, 0),
        { factId: "mostly-right", correct: false, score: 0.9, at: now },
        ...Array.from({ length: 6 }, (_, i) => answer("half", i % 2 === 0, 0)),
        answer("wrong", false, 0),
      ],
      now,
    );
    expect(mastery.get("right-once")!.mastery).toBeLessThan(mastery.get("half")!.mastery);
    expect(weakestFacts(mastery, 10).map((f) => f.factId)).toEqual(["wrong", "half"]);
  });
});

describe("partial credit", () => {
  it("counts a partly right answer with its share, as the summary, history and gradebook do", () => {
    const partial = factMastery("f", [{ factId: "f", correct: false, score: 0.6, at: now }], now);
    const right = factMastery("f", [answer("f", true, 0)], now);
    const wrong = factMastery("f", [answer("f", false, 0)], now);
    expect(partial.accuracy).toBeCloseTo(0.6, 12);
    expect(partial.mastery).toBeCloseTo(0.6 * right.mastery, 12);
    expect(partial.mastery).toBeGreaterThan(wrong.mastery);
    // A correct answer is worth all of it, whatever score it carries.
    expect(factMastery("f", [{ factId: "f", correct: true, score: 0.2, at: now }], now).mastery).toBeCloseTo(right.mastery, 12);
  });
});
