/**
 * How well a learner knows each fact, from the evidence of quiz answers and flashcard reviews.
 *
 * THE MODEL: a time-decayed Beta–Bernoulli estimate with a sceptical prior.
 *
 *   w_i       = 0.5 ^ (age_i / halfLifeDays)                (age in days, never negative)
 *   mastery   = (priorCorrect + Σ w_i·correct_i) / (priorCorrect + priorWrong + Σ w_i)
 *
 * with priorCorrect = 0 and priorWrong = 2 by default: "nothing counts as mastered until it
 * has been shown, and two fresh right answers are needed for one half". The estimate factors
 * into two numbers the dashboard can explain:
 *
 *   mastery   = accuracy × confidence
 *   accuracy   = Σ w·correct / Σ w               (recency-weighted share of right answers)
 *   confidence = Σ w / (priorWrong + Σ w)        (how much recent evidence backs it)
 *
 * WHY THIS MODEL (the issue asks: recency-weighted answers, or the flashcard scheduler's
 * retrievability?):
 * - It uses both kinds of evidence. FSRS retrievability exists only for flashcards a learner
 *   has reviewed, per card rather than per fact, and ignores quiz answers — most learners' main
 *   evidence. A decayed Beta count treats a quiz answer and a review of a card that tests the
 *   fact alike (a review maps to each of its factIds; grade 1 "Again" = wrong, 2–4 = recalled).
 * - Recency: with a half-life of 14 days, today's answer counts twice as much as one from two
 *   weeks ago and 8× one from six weeks ago, so a recent mistake outweighs an old success.
 * - Ageing shrinks the estimate back to the prior (0 = "not demonstrated") as the weights
 *   decay: knowledge not refreshed fades from the dashboard, as it fades from memory, and the
 *   confidence factor states how uncertain the estimate has become.
 * - The sceptical prior (0 pseudo-successes, 2 pseudo-failures) rather than a uniform Beta(1,1):
 *   with Beta(1,1) a never-seen fact is worth 50 % and a single WRONG answer would raise a
 *   topic's mastery from 0 (unseen) to 33 %. With this prior an unseen fact, a forgotten fact
 *   and a fact only ever answered wrongly are all 0, every right answer raises mastery and
 *   every wrong one lowers it, and a topic's mastery can only be earned.
 * - It is a closed formula over a few hundred rows per learner: cheap, reproducible from the
 *   inputs (`now` is an argument), and bounded to [0, 1) without clamping.
 *
 * TOPICS: a topic's (or wave's) mastery is the mean over ALL its facts, unseen facts counting
 * as 0 (the prior). "Mastery of NATO history" answers "how much of it do I command", so facts
 * never practised must pull it down; per-fact numbers for seen facts are shown separately.
 */

/** One observation of whether the learner knew a fact. */
export interface Evidence {
  factId: string;
  correct: boolean;
  /**
   * The share of the answer that was right, 0..1: the one scoring rule of summary, history,
   * gradebook and mastery (a partly right answer earns its share). Absent: 1 if correct, else 0.
   */
  score?: number;
  at: Date;
}

/** The credit an observation earns: its score, or all or nothing from `correct`. */
export function evidenceCredit(item: Evidence): number {
  if (item.correct) return 1;
  return item.score === undefined || !Number.isFinite(item.score) ? 0 : Math.min(1, Math.max(0, item.score));
}

/**
 * Below this recency-weighted accuracy a fact counts as weak. A fact answered right, or mostly
 * right, is not weak, even while the sceptical prior keeps its mastery low after one answer:
 * "weakest facts" lists the ones the learner gets wrong, not the ones practised least.
 */
export const weakAccuracyBelow = 0.8;

/** A flashcard review as stored (grade 1 Again … 4 Easy); it is evidence for each of its facts. */
export interface ReviewEvidence {
  factIds: readonly string[];
  grade: number;
  at: Date;
}

export interface MasteryOptions {
  /** Days after which an observation counts half as much. */
  halfLifeDays: number;
  /** Pseudo-successes of the prior. */
  priorCorrect: number;
  /** Pseudo-failures of the prior. */
  priorWrong: number;
}

export const defaultMasteryOptions: MasteryOptions = { halfLifeDays: 14, priorCorrect: 0, priorWrong: 2 };

export interface FactMastery {
  factId: string;
  /** The estimate, 0..1. */
  mastery: number;
  /** Recency-weighted share of right answers, 0..1. */
  accuracy: number;
  /** Σ w / (priorWrong + Σ w): how much fresh evidence backs the estimate, 0..1. */
  confidence: number;
  /** Σ w: the evidence, in "fresh answers". */
  weight: number;
  /** Σ w over wrong answers: breaks ties between facts that are all wrong. */
  wrongWeight: number;
  /** Raw counts, unweighted. */
  attempts: number;
  correct: number;
  lastSeenAt: Date;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The weight of an observation made at `at`, seen from `now`; future observations weigh 1. */
export function evidenceWeight(at: Date, now: Date, halfLifeDays = defaultMasteryOptions.halfLifeDays): number {
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / dayMs);
  return Math.pow(0.5, ageDays / halfLifeDays);
}

/**
 * A flashcard grade as evidence: 1 ("Again") means the fact was forgotten, 2–4 (Hard, Good,
 * Easy) that it was recalled. A review tests every fact of its card.
 */
export function reviewToEvidence(review: ReviewEvidence): Evidence[] {
  const correct = review.grade >= 2;
  return [...new Set(review.factIds)].filter(Boolean).map((factId) => ({ factId, correct, at: review.at }));
}

/** The mastery of one fact from its evidence (which must all be about that fact), at `now`. */
export function factMastery(factId: string, evidence: readonly Evidence[], now: Date, options: MasteryOptions = defaultMasteryOptions): FactMastery {
  let weight = 0;
  let correctWeight = 0;
  let correct = 0;
  let lastSeen = -Infinity;
  for (const item of evidence) {
    const w = evidenceWeight(item.at, now, options.halfLifeDays);
    weight += w;
    correctWeight += w * evidenceCredit(item);
    if (item.correct) correct++;
    lastSeen = Math.max(lastSeen, item.at.getTime());
  }
  const { priorCorrect, priorWrong } = options;
  const denominator = priorCorrect + priorWrong + weight;
  return {
    factId,
    mastery: denominator > 0 ? (priorCorrect + correctWeight) / denominator : 0,
    accuracy: weight > 0 ? correctWeight / weight : 0,
    confidence: priorWrong + weight > 0 ? weight / (priorWrong + weight) : 0,
    weight,
    wrongWeight: weight - correctWeight,
    attempts: evidence.length,
    correct,
    lastSeenAt: new Date(Number.isFinite(lastSeen) ? lastSeen : 0),
  };
}

/** The mastery of an unseen fact: the prior mean (0 with the default, sceptical prior). */
export function priorMastery(options: MasteryOptions = defaultMasteryOptions): number {
  const total = options.priorCorrect + options.priorWrong;
  return total > 0 ? options.priorCorrect / total : 0;
}

/**
 * The mastery of every fact that has evidence, keyed by fact id. Facts without evidence are
 * absent: callers decide how to count them (topic means count them at the prior).
 */
export function masteryByFact(evidence: readonly Evidence[], now: Date, options: MasteryOptions = defaultMasteryOptions): Map<string, FactMastery> {
  const byFact = new Map<string, Evidence[]>();
  for (const item of evidence) {
    const list = byFact.get(item.factId);
    if (list) list.push(item);
    else byFact.set(item.factId, [item]);
  }
  const result = new Map<string, FactMastery>();
  for (const [factId, items] of byFact) result.set(factId, factMastery(factId, items, now, options));
  return result;
}

export interface GroupMastery {
  /** Mean mastery over all the group's facts, unseen ones at the prior. 0 for an empty group. */
  mastery: number;
  /** How many of the group's facts have evidence. */
  seen: number;
  total: number;
}

/** The mean mastery of a group of facts (a topic, a wave), unseen facts counting as the prior. */
export function groupMastery(factIds: readonly string[], mastery: ReadonlyMap<string, FactMastery>, options: MasteryOptions = defaultMasteryOptions): GroupMastery {
  const unique = [...new Set(factIds)];
  if (unique.length === 0) return { mastery: 0, seen: 0, total: 0 };
  const prior = priorMastery(options);
  let sum = 0;
  let seen = 0;
  for (const id of unique) {
    const fact = mastery.get(id);
    if (fact) {
      sum += fact.mastery;
      seen++;
    } else sum += prior;
  }
  return { mastery: sum / unique.length, seen, total: unique.length };
}

/**
 * The weakest facts: those with evidence whose recency-weighted accuracy (partial credit at its
 * share) is below `weakAccuracyBelow`, lowest mastery first (ordered as `leastMasteredFacts`).
 * A fact answered right or mostly right is never among them, however little evidence backs it.
 */
export function weakestFacts(mastery: ReadonlyMap<string, FactMastery>, limit: number, allowed?: ReadonlySet<string>): FactMastery[] {
  return leastMasteredFacts(mastery, Number.POSITIVE_INFINITY, allowed)
    .filter((fact) => fact.accuracy < weakAccuracyBelow)
    .slice(0, Math.max(0, limit));
}

/**
 * The facts with evidence, lowest mastery first, right or wrong. Ties (typically facts only
 * ever answered wrongly, all at 0) go to the one with more recent wrong evidence, then to the
 * one seen longest ago, then by id, so the order is stable.
 */
export function leastMasteredFacts(mastery: ReadonlyMap<string, FactMastery>, limit: number, allowed?: ReadonlySet<string>): FactMastery[] {
  return [...mastery.values()]
    .filter((fact) => !allowed || allowed.has(fact.factId))
    .sort(
      (a, b) =>
        a.mastery - b.mastery ||
        b.wrongWeight - a.wrongWeight ||
        a.lastSeenAt.getTime() - b.lastSeenAt.getTime() ||
        a.factId.localeCompare(b.factId),
    )
    .slice(0, Math.max(0, limit));
}
