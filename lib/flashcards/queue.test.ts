import { describe, expect, it } from "vitest";
import { getFactSet } from "../facts/load-fact-sets";
import { cardCatalog, type FlashCard } from "./cards";
import { addDays, dayKey, startOfDay, startOfDayKey, startOfNextDay } from "../calendar/days";
import { buildQueue, countNewCardsIntroduced, isDueNow, newCardsLeft, type QueueCardState } from "./queue";
import { applyReview, cardStates, defaultSchedulerParams, type CardSchedule, type ReviewGrade } from "./scheduler";

const { cards } = cardCatalog(getFactSet("nato"));
const minute = 60_000;

/** An in-memory learner: card states and the first reviews of new cards, like the two tables. */
class Learner {
  states = new Map<string, CardSchedule>();
  firstReviews: { cardId: string; reviewedAt: Date }[] = [];
  reviews: { cardId: string; reviewedAt: Date; wasDue: boolean; wasNew: boolean }[] = [];

  constructor(readonly newCardsPerDay: number) {}

  queue(deck: readonly FlashCard[], now: Date) {
    return buildQueue({
      cards: deck,
      states: this.states,
      now,
      newCardsPerDay: this.newCardsPerDay,
      newCardsIntroducedToday: countNewCardsIntroduced(this.firstReviews, now),
    });
  }

  review(card: FlashCard, grade: ReviewGrade, now: Date) {
    const previous = this.states.get(card.id) ?? null;
    const wasDue = previous !== null && isDueNow(previous, now);
    if (previous === null) this.firstReviews.push({ cardId: card.id, reviewedAt: now });
    this.reviews.push({ cardId: card.id, reviewedAt: now, wasDue, wasNew: previous === null });
    this.states.set(card.id, applyReview(previous, grade, now, defaultSchedulerParams).nextState);
  }

  /** Works through the queue as a learner would, one card a minute, until it is empty. */
  session(deck: readonly FlashCard[], now: Date, gradeFor: (card: FlashCard, index: number) => ReviewGrade): Date {
    let clock = now;
    for (let index = 0; index < 500; index++) {
      const next = this.queue(deck, clock).cards[0];
      if (!next) return clock;
      this.review(next, gradeFor(next, index), clock);
      clock = new Date(clock.getTime() + minute);
    }
    throw new Error("session did not end");
  }
}

describe("the daily new-card limit", () => {
  it("starts at most the limit per Berlin day, and resets at local midnight (also across the DST switch)", () => {
    const learner = new Learner(7);
    // 22:30 in Berlin on the evening before the clocks go forward (29 March 2026).
    const evening = new Date("2026-03-28T21:30:00Z");
    const afterSession = learner.session(cards, evening, () => 3);
    expect(countNewCardsIntroduced(learner.firstReviews, afterSession)).toBe(7);
    expect(dayKey(afterSession)).toBe("2026-03-28");

    // 23:59 the same day: nothing new is offered, however long the learner waits.
    const lateEvening = new Date("2026-03-28T22:59:00Z");
    expect(learner.queue(cards, lateEvening).newCardsLeftToday).toBe(0);
    expect(learner.queue(cards, lateEvening).counts.new).toBe(0);

    // 00:01 the next day (still 23:01 UTC): a fresh allowance.
    const afterMidnight = new Date("2026-03-28T23:01:00Z");
    expect(dayKey(afterMidnight)).toBe("2026-03-29");
    expect(learner.queue(cards, afterMidnight).newCardsLeftToday).toBe(7);
    learner.session(cards, afterMidnight, () => 3);
    expect(countNewCardsIntroduced(learner.firstReviews, afterMidnight)).toBe(7);
    expect(learner.firstReviews).toHaveLength(14);
  });

  it("over three simulated weeks never starts more than the limit on any day, and shows due cards before new ones", () => {
    const learner = new Learner(5);
    let grades = 0;
    for (let dayIndex = 0; dayIndex < 21; dayIndex++) {
      // One session a day at a time that wanders between 07:00 and 22:00 Berlin time.
      const dayStart = startOfDayKey(addDays("2026-02-02", dayIndex));
      const sessionStart = new Date(dayStart.getTime() + (7 + ((dayIndex * 5) % 16)) * 60 * minute);
      const before = learner.reviews.length;
      const dueAtStart = new Set([...learner.states].filter(([, state]) => isDueNow(state, sessionStart)).map(([id]) => id));
      learner.session(cards, sessionStart, () => ([3, 3, 1, 3, 2, 4, 3] as const)[grades++ % 7]);
      const today = learner.reviews.slice(before);
      // Every card that was due when the session began was shown before the first new card.
      const firstNew = today.findIndex((review) => review.wasNew);
      const shownBeforeNew = new Set(today.slice(0, firstNew < 0 ? today.length : firstNew).map((review) => review.cardId));
      for (const id of dueAtStart) expect(shownBeforeNew.has(id), `day ${dayIndex}: ${id}`).toBe(true);
    }
    const startedPerDay = new Map<string, number>();
    for (const review of learner.firstReviews) startedPerDay.set(dayKey(review.reviewedAt), (startedPerDay.get(dayKey(review.reviewedAt)) ?? 0) + 1);
    expect([...startedPerDay.values()].every((count) => count <= 5)).toBe(true);
    expect(learner.firstReviews).toHaveLength(Math.min(cards.length, 21 * 5));
    // And the deck got through: every card has been seen, none is left new.
    expect([...learner.states.values()].every((state) => state.state !== cardStates.new)).toBe(true);
  });

  it("never goes below zero and treats a limit of 0 as 'no new cards'", () => {
    expect(newCardsLeft(20, 25)).toBe(0);
    expect(newCardsLeft(0, 0)).toBe(0);
    const learner = new Learner(0);
    expect(learner.queue(cards, new Date("2026-05-01T10:00:00Z")).cards).toEqual([]);
  });
});

describe("queue order", () => {
  const now = new Date("2026-06-10T10:00:00Z"); // 12:00 in Berlin
  const deck = cards.slice(0, 10);
  const state = (due: string, value: QueueCardState["state"]): QueueCardState => ({ due: new Date(due), state: value });

  it("puts due cards first, most overdue first, then new cards in introduction order", () => {
    const states = new Map<string, QueueCardState>([
      [deck[3]!.id, state("2026-06-09T10:00:00Z", cardStates.review)],
      [deck[5]!.id, state("2026-06-01T10:00:00Z", cardStates.review)],
      [deck[7]!.id, state("2026-06-10T09:55:00Z", cardStates.learning)],
      [deck[8]!.id, state("2026-06-12T10:00:00Z", cardStates.review)], // not due yet
    ]);
    const queue = buildQueue({ cards: deck, states, now, newCardsPerDay: 3, newCardsIntroducedToday: 1 });
    expect(queue.cards.map((card) => card.id)).toEqual([deck[5]!.id, deck[3]!.id, deck[7]!.id, deck[0]!.id, deck[1]!.id]);
    expect(queue.counts).toEqual({ new: 2, learning: 1, review: 2 });
    expect(queue.nextDueAt).toEqual(new Date("2026-06-12T10:00:00Z"));
  });

  it("counts a review card as due from the start of its day, a learning card only from its minute", () => {
    expect(isDueNow(state("2026-06-10T20:00:00Z", cardStates.review), now)).toBe(true);
    expect(isDueNow(state("2026-06-10T22:30:00Z", cardStates.review), now)).toBe(false); // 00:30 tomorrow in Berlin
    expect(isDueNow(state("2026-06-10T10:05:00Z", cardStates.learning), now)).toBe(false);
    expect(isDueNow(state("2026-06-10T10:00:00Z", cardStates.relearning), now)).toBe(true);
  });

  it("learns ahead up to 20 minutes only when nothing else is left", () => {
    const states = new Map<string, QueueCardState>(deck.map((card, index) => [card.id, state(`2026-06-1${index === 0 ? 0 : 5}T10:15:00Z`, index === 0 ? cardStates.learning : cardStates.review)]));
    const queue = buildQueue({ cards: deck, states, now, newCardsPerDay: 20, newCardsIntroducedToday: 0 });
    expect(queue.cards.map((card) => card.id)).toEqual([deck[0]!.id]);
    expect(queue.counts.learning).toBe(1);
    const later = buildQueue({ cards: deck, states, now, newCardsPerDay: 20, newCardsIntroducedToday: 0, learnAheadMs: 10 * minute });
    expect(later.cards).toEqual([]);
    expect(later.nextDueAt).toEqual(new Date("2026-06-10T10:15:00Z"));
  });
});

describe("learner days", () => {
  it("follow Berlin's midnight in winter and in summer, and days of 23 and 25 hours", () => {
    expect(startOfDay(new Date("2026-01-15T12:00:00Z")).toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDay(new Date("2026-07-15T12:00:00Z")).toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(dayKey(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
    const springForward = new Date("2026-03-29T12:00:00Z");
    expect(startOfNextDay(springForward).getTime() - startOfDay(springForward).getTime()).toBe(23 * 60 * minute);
    const fallBack = new Date("2026-10-25T12:00:00Z");
    expect(startOfNextDay(fallBack).getTime() - startOfDay(fallBack).getTime()).toBe(25 * 60 * minute);
  });
});
