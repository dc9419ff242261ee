/**
 * Class statistics of an assignment, from one observation per learner and question (see the
 * gradebook in lib/server/gradebook.ts for which attempt they come from):
 * - per question: the share who answered correctly, and the most common wrong answer;
 * - per fact: the share of correct answers to questions testing it, weakest first.
 * An unanswered question of a submitted attempt is an observation too, and a wrong one.
 */

export interface QuestionObservation {
  /** What groups observations: a position ("same" variant) or a question type and its facts (individual variants). */
  key: string;
  /** How the question is shown in the report (its prompt, or its type). */
  label: string;
  /** Sorts groups in the report (the position, or the first occurrence). */
  order: number;
  factIds: readonly string[];
  correct: boolean;
  /** The wrong answer in words; null for a correct answer; "" for no answer. */
  wrongAnswer: string | null;
}

export interface QuestionStat {
  key: string;
  label: string;
  order: number;
  answered: number;
  correct: number;
  /** correct / answered, 0..1. */
  correctShare: number;
  /** The most frequent wrong answer ("" for no answer) and how often it was given; null when nobody was wrong. */
  mostCommonWrong: { answer: string; count: number } | null;
}

export interface FactStat {
  factId: string;
  answered: number;
  correct: number;
  correctShare: number;
}

/** Per question group: share correct and the most common wrong answer (ties: the alphabetically first, for stable output). */
export function summariseQuestions(observations: readonly QuestionObservation[]): QuestionStat[] {
  const groups = new Map<string, { label: string; order: number; answered: number; correct: number; wrong: Map<string, number> }>();
  for (const o of observations) {
    let group = groups.get(o.key);
    if (!group) {
      group = { label: o.label, order: o.order, answered: 0, correct: 0, wrong: new Map() };
      groups.set(o.key, group);
    }
    group.order = Math.min(group.order, o.order);
    group.answered += 1;
    if (o.correct) group.correct += 1;
    else group.wrong.set(o.wrongAnswer ?? "", (group.wrong.get(o.wrongAnswer ?? "") ?? 0) + 1);
  }
  return [...groups.entries()]
    .map(([key, g]): QuestionStat => {
      const mostCommon = [...g.wrong.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      return {
        key,
        label: g.label,
        order: g.order,
        answered: g.answered,
        correct: g.correct,
        correctShare: g.answered > 0 ? g.correct / g.answered : 0,
        mostCommonWrong: mostCommon ? { answer: mostCommon[0], count: mostCommon[1] } : null,
      };
    })
    .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/**
 * The facts the class knows least: per fact, the share of correct answers among questions
 * that tested it; lowest share first, then the most evidence, then the id. At most `limit`,
 * and only facts that were got wrong at least once (a fact everyone knows is not "weak").
 */
export function findWeakestFacts(observations: readonly QuestionObservation[], limit = 5): FactStat[] {
  const facts = new Map<string, { answered: number; correct: number }>();
  for (const o of observations) {
    for (const factId of new Set(o.factIds)) {
      const fact = facts.get(factId) ?? { answered: 0, correct: 0 };
      fact.answered += 1;
      if (o.correct) fact.correct += 1;
      facts.set(factId, fact);
    }
  }
  return [...facts.entries()]
    .filter(([, f]) => f.correct < f.answered)
    .map(([factId, f]) => ({ factId, ...f, correctShare: f.correct / f.answered }))
    .sort((a, b) => a.correctShare - b.correctShare || b.answered - a.answered || a.factId.localeCompare(b.factId))
    .slice(0, limit);
}

/** Average of the scores that exist (null when none does). */
export function averageScore(scores: readonly (number | null)[]): number | null {
  const present = scores.filter((s): s is number => s !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}
