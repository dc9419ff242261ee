import type { FlashCard } from "./cards";
import { learnerTimeZone, startOfDay, startOfNextDay } from "../calendar/days";
import { cardStates, type CardStateValue } from "./scheduler";

/**
 * Which card comes next. Rules, in order:
 * 1. cards that are due: review cards from the start of the day they fall due on (day
 *    granularity, as FSRS schedules them in whole days), learning and relearning cards at their
 *    exact time (their steps are minutes); the most overdue first;
 * 2. new cards, in the deck's introduction order, while the learner's daily new-card limit
 *    (counted per day in the learner's time zone, over all decks) is not used up;
 * 3. when nothing else is left, a learning card due within the next `learnAheadMs` (20 min,
 *    Anki's default), so a session does not stall for a 10-minute step.
 */

/** What the queue needs to know about a card's stored state. */
export interface QueueCardState {
  due: Date;
  state: CardStateValue;
}

export interface QueueInput {
  /** The deck's cards, in any order (introduction order is `card.order`). */
  cards: readonly FlashCard[];
  /** Stored states by card id; a card without one is new. */
  states: ReadonlyMap<string, QueueCardState>;
  now: Date;
  newCardsPerDay: number;
  /** How many cards the learner has reviewed for the first time today (see `countNewCardsIntroduced`). */
  newCardsIntroducedToday: number;
  timeZone?: string;
  learnAheadMs?: number;
}

export interface QueueCounts {
  /** New cards that can still be introduced today in this deck. */
  new: number;
  /** Learning and relearning cards due now. */
  learning: number;
  /** Review cards due today. */
  review: number;
}

export interface ReviewQueue {
  /** Cards to show now, in order: due cards, then new cards within the limit (then learn-ahead). */
  cards: FlashCard[];
  counts: QueueCounts;
  /** New cards the learner may still start today, over all decks. */
  newCardsLeftToday: number;
  /** When the next card not in `cards` falls due (for "come back at …"), if any. */
  nextDueAt: Date | null;
}

export const defaultLearnAheadMs = 20 * 60 * 1000;

/** Whether a stored card is due at `now` (see the rules above). */
export function isDueNow(state: QueueCardState, now: Date, timeZone: string = learnerTimeZone): boolean {
  if (state.state === cardStates.review) return state.due.getTime() < startOfNextDay(now, timeZone).getTime();
  return state.due.getTime() <= now.getTime();
}

/** Whether a stored card falls due before the end of the learner's day: the "due today" count. */
export function isDueToday(state: QueueCardState, now: Date, timeZone: string = learnerTimeZone): boolean {
  return state.due.getTime() < startOfNextDay(now, timeZone).getTime();
}

/** How many new cards may still be started today: the limit minus those started, never below 0. */
export function newCardsLeft(newCardsPerDay: number, newCardsIntroducedToday: number): number {
  return Math.max(0, newCardsPerDay - newCardsIntroducedToday);
}

/**
 * How many distinct cards had their first review on the learner's current day. `firstReviews`
 * are the reviews that found a card new (ReviewLog rows with no previous state).
 */
export function countNewCardsIntroduced(
  firstReviews: readonly { cardId: string; reviewedAt: Date }[],
  now: Date,
  timeZone: string = learnerTimeZone,
): number {
  const from = startOfDay(now, timeZone).getTime();
  const to = startOfNextDay(now, timeZone).getTime();
  return new Set(firstReviews.filter((r) => r.reviewedAt.getTime() >= from && r.reviewedAt.getTime() < to).map((r) => r.cardId)).size;
}

/** Builds the queue for a deck (see the rules at the top of this file). Pure. */
export function buildQueue(input: QueueInput): ReviewQueue {
  const timeZone = input.timeZone ?? learnerTimeZone;
  const learnAheadMs = input.learnAheadMs ?? defaultLearnAheadMs;
  const now = input.now;
  const byOrder = [...input.cards].sort((a, b) => a.order - b.order);

  const due: { card: FlashCard; state: QueueCardState }[] = [];
  const later: { card: FlashCard; state: QueueCardState }[] = [];
  const unseen: FlashCard[] = [];
  for (const card of byOrder) {
    const state = input.states.get(card.id);
    if (!state || state.state === cardStates.new) unseen.push(card);
    else if (isDueNow(state, now, timeZone)) due.push({ card, state });
    else later.push({ card, state });
  }
  due.sort((a, b) => a.state.due.getTime() - b.state.due.getTime() || a.card.order - b.card.order);
  later.sort((a, b) => a.state.due.getTime() - b.state.due.getTime() || a.card.order - b.card.order);

  const newCardsLeftToday = newCardsLeft(input.newCardsPerDay, input.newCardsIntroducedToday);
  const fresh = unseen.slice(0, newCardsLeftToday);
  const cards = [...due.map((entry) => entry.card), ...fresh];

  let rest = later;
  let ahead: typeof later = [];
  if (cards.length === 0) {
    const aheadUntil = now.getTime() + learnAheadMs;
    ahead = later.filter((entry) => entry.state.state !== cardStates.review && entry.state.due.getTime() <= aheadUntil);
    cards.push(...ahead.map((entry) => entry.card));
    rest = later.filter((entry) => !ahead.includes(entry));
  }

  return {
    cards,
    counts: {
      new: fresh.length,
      learning: due.filter((entry) => entry.state.state !== cardStates.review).length + ahead.length,
      review: due.filter((entry) => entry.state.state === cardStates.review).length,
    },
    newCardsLeftToday,
    nextDueAt: rest[0]?.state.due ?? null,
  };
}
