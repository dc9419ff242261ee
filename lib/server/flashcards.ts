import { z } from "zod";
import type { FactSet, LocalizedText } from "../facts/schema";
import { cardCatalog, deckRef, factSetIdOfCard, parseDeckRef, type Deck, type DeckKind, type FlashCard } from "../flashcards/cards";
import { learnerTimeZone, startOfDay } from "../calendar/days";
import { buildQueue, countNewCardsIntroduced, isDueToday, newCardsLeft, type QueueCardState, type QueueCounts } from "../flashcards/queue";
import {
  applyReview,
  cardStates,
  defaultDesiredRetention,
  desiredRetentionRange,
  isDesiredRetentionAllowed,
  parseReviewLog,
  parseSchedule,
  previewIntervals,
  schedulerParams,
  serializeReviewLog,
  serializeSchedule,
  undoReview,
  type CardSchedule,
  type CardStateValue,
  type IntervalPreview,
  type ReviewGrade,
  type SchedulerParams,
} from "../flashcards/scheduler";
import { dueForecast, reviewsPerDay, trueRetention, type DayCount, type ReviewsOnDay, type TrueRetention } from "../flashcards/stats";
import { db, type Tx } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { getVisibleFactSet, listVisibleFactSets } from "./fact-sets";

/**
 * Flashcard reviews: decks and their counts, the next card, grading, undo, settings and
 * statistics. The only module that touches CardState, ReviewLog and LearnerSettings for
 * flashcards. Every function takes the acting learner's id and scopes its queries by it; `null`
 * stands for a visitor without a session, who has reviewed nothing yet and gets the defaults.
 *
 * Rules held here:
 * - A review's state change and its log row are written in one transaction; the log keeps the
 *   state before the review (null for a new card), so undo restores it exactly.
 * - A grade names the card's repetition count the learner saw (`expectedReps`): a stale or
 *   doubled submission is refused instead of grading the card twice.
 * - The daily new-card limit counts first reviews (log rows without a previous state) since
 *   the learner's local midnight, across all decks; undoing such a review gives the card back.
 */

/** The default number of new cards a learner starts per day. */
export const defaultNewCardsPerDay = 20;
export const maxNewCardsPerDay = 500;

export interface FlashcardSettings {
  desiredRetention: number;
  newCardsPerDay: number;
}

export const defaultFlashcardSettings: FlashcardSettings = {
  desiredRetention: defaultDesiredRetention,
  newCardsPerDay: defaultNewCardsPerDay,
};

/** The settings form: retention within the range the FSRS authors permit, 0–500 new cards a day. */
export const flashcardSettingsInput = z.object({
  desiredRetention: z.coerce
    .number({ error: "flashcards.settings.errors.retention" })
    .min(desiredRetentionRange.min, { error: "flashcards.settings.errors.retention" })
    .max(desiredRetentionRange.max, { error: "flashcards.settings.errors.retention" }),
  newCardsPerDay: z.coerce
    .number({ error: "flashcards.settings.errors.newCardsPerDay" })
    .int({ error: "flashcards.settings.errors.newCardsPerDay" })
    .min(0, { error: "flashcards.settings.errors.newCardsPerDay" })
    .max(maxNewCardsPerDay, { error: "flashcards.settings.errors.newCardsPerDay" }),
});
export type FlashcardSettingsInput = z.input<typeof flashcardSettingsInput>;

/** A grade as submitted: the card, the grade, and the repetition count the learner was shown. */
export const reviewInput = z.object({
  cardId: z.string().min(1).max(200),
  grade: z.coerce.number().int().min(1).max(4).transform((grade) => grade as ReviewGrade),
  expectedReps: z.coerce.number().int().min(0).optional(),
});
export type ReviewInput = z.input<typeof reviewInput>;

// ── Settings ────────────────────────────────────────────────────────────────────────────

/** The learner's settings, or the defaults if they never changed them (or have no session). */
export async function getSettings(userId: string | null): Promise<FlashcardSettings> {
  if (!userId) return { ...defaultFlashcardSettings };
  const row = await db.learnerSettings.findUnique({ where: { userId }, select: { desiredRetention: true, newCardsPerDay: true } });
  if (!row) return { ...defaultFlashcardSettings };
  // A value stored before the bounds existed (or edited by hand) falls back to the default.
  return {
    desiredRetention: isDesiredRetentionAllowed(row.desiredRetention) ? row.desiredRetention : defaultDesiredRetention,
    newCardsPerDay: Math.min(maxNewCardsPerDay, Math.max(0, row.newCardsPerDay)),
  };
}

/** Validates and stores the learner's settings; throws ZodError for values out of range. */
export async function updateSettings(userId: string, input: FlashcardSettingsInput): Promise<FlashcardSettings> {
  const settings = flashcardSettingsInput.parse(input);
  const row = await db.learnerSettings.upsert({
    where: { userId },
    create: { userId, ...settings },
    update: settings,
    select: { desiredRetention: true, newCardsPerDay: true },
  });
  return row;
}

function paramsFor(settings: FlashcardSettings): SchedulerParams {
  return schedulerParams({ desiredRetention: settings.desiredRetention });
}

// ── Decks and counts ────────────────────────────────────────────────────────────────────

export interface DeckSummary {
  /** What `?deck=` takes: `nato`, `nato:wave-2004`. */
  ref: string;
  factSetId: string;
  key: string;
  kind: DeckKind;
  year?: number;
  /** The fact set's title: a topic deck is named by it. */
  topicTitle: LocalizedText;
  cardCount: number;
  /** Cards already studied that fall due before the end of the learner's day. */
  dueCount: number;
  /** New cards that can still be started today (the daily limit applies over all decks). */
  newCount: number;
  /** Cards never studied. */
  unseenCount: number;
}

interface LearnerProgress {
  states: Map<string, QueueCardState>;
  newCardsIntroducedToday: number;
  settings: FlashcardSettings;
}

async function loadProgress(userId: string | null, now: Date, cardIds?: string[]): Promise<LearnerProgress> {
  if (!userId) return { states: new Map(), newCardsIntroducedToday: 0, settings: { ...defaultFlashcardSettings } };
  const [rows, firstReviews, settings] = await Promise.all([
    db.cardState.findMany({
      where: { userId, ...(cardIds ? { cardId: { in: cardIds } } : {}) },
      select: { cardId: true, due: true, state: true },
    }),
    db.reviewLog.findMany({
      where: { userId, previousState: null, reviewedAt: { gte: startOfDay(now, learnerTimeZone) } },
      select: { cardId: true, reviewedAt: true },
    }),
    getSettings(userId),
  ]);
  return {
    states: new Map(rows.map((row) => [row.cardId, { due: row.due, state: row.state as CardStateValue }])),
    newCardsIntroducedToday: countNewCardsIntroduced(firstReviews, now, learnerTimeZone),
    settings,
  };
}

function summarize(factSet: FactSet, deck: Deck, progress: LearnerProgress, now: Date): DeckSummary {
  let dueCount = 0;
  let unseenCount = 0;
  for (const id of deck.cardIds) {
    const state = progress.states.get(id);
    if (!state || state.state === cardStates.new) unseenCount += 1;
    else if (isDueToday(state, now, learnerTimeZone)) dueCount += 1;
  }
  return {
    ref: deckRef(deck),
    factSetId: factSet.id,
    key: deck.key,
    kind: deck.kind,
    ...(deck.year === undefined ? {} : { year: deck.year }),
    topicTitle: factSet.title,
    cardCount: deck.cardIds.length,
    dueCount,
    newCount: Math.min(unseenCount, newCardsLeft(progress.settings.newCardsPerDay, progress.newCardsIntroducedToday)),
    unseenCount,
  };
}

/** Every deck of every imported fact set with its due and new counts, topic decks first per set. */
export async function listDecks(userId: string | null, now: Date): Promise<DeckSummary[]> {
  const [factSets, progress] = await Promise.all([listVisibleFactSets(userId), loadProgress(userId, now)]);
  return factSets.flatMap((factSet) => cardCatalog(factSet).decks.map((deck) => summarize(factSet, deck, progress, now)));
}

/** For the home page link: cards due today and new cards that can be started today, over all topics. */
export async function getDueCounts(userId: string | null, now: Date): Promise<{ due: number; new: number }> {
  const [factSets, progress] = await Promise.all([listVisibleFactSets(userId), loadProgress(userId, now)]);
  let due = 0;
  let unseen = 0;
  for (const factSet of factSets) {
    for (const card of cardCatalog(factSet).cards) {
      const state = progress.states.get(card.id);
      if (!state || state.state === cardStates.new) unseen += 1;
      else if (isDueToday(state, now, learnerTimeZone)) due += 1;
    }
  }
  // The new-card allowance is one per learner and day, shared by all topics.
  return { due, new: Math.min(unseen, newCardsLeft(progress.settings.newCardsPerDay, progress.newCardsIntroducedToday)) };
}

async function requireDeck(userId: string | null, deck: string): Promise<{ factSet: FactSet; deck: Deck }> {
  const parsed = parseDeckRef(deck);
  if (!parsed) throw new NotFoundError(`deck ${deck}`);
  let factSet: FactSet;
  try {
    factSet = await getVisibleFactSet(userId, parsed.factSetId);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`deck ${deck}`);
    throw error;
  }
  const found = cardCatalog(factSet).decks.find((candidate) => candidate.key === parsed.key);
  if (!found) throw new NotFoundError(`deck ${deck}`);
  return { factSet, deck: found };
}

/** The deck's summary alone (for the review screen's heading); NotFoundError for an unknown deck. */
export async function getDeck(userId: string | null, deck: string, now: Date): Promise<DeckSummary> {
  const found = await requireDeck(userId, deck);
  const progress = await loadProgress(userId, now, found.deck.cardIds);
  return summarize(found.factSet, found.deck, progress, now);
}

// ── Reviewing ───────────────────────────────────────────────────────────────────────────

/** A card ready to be shown: its fact set (to render it), its state and what each grade would do. */
export interface ReviewItem {
  card: FlashCard;
  factSet: FactSet;
  /** null for a new card. */
  state: CardSchedule | null;
  /** Pass back as `expectedReps` when grading. */
  reps: number;
  intervals: Record<ReviewGrade, IntervalPreview>;
}

export interface ReviewSession {
  deck: DeckSummary;
  item: ReviewItem | null;
  counts: QueueCounts;
  /** When the next card of the deck falls due, if nothing is due now. */
  nextDueAt: Date | null;
  /** New cards the learner may still start today (0 = the daily limit is reached). */
  newCardsLeftToday: number;
}

function toSchedule(row: {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}): CardSchedule {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateValue,
    lastReview: row.lastReview,
  };
}

const scheduleSelect = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

async function reviewItem(userId: string | null, card: FlashCard, factSet: FactSet, settings: FlashcardSettings, now: Date): Promise<ReviewItem> {
  const row = userId ? await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: card.id } }, select: scheduleSelect }) : null;
  const state = row ? toSchedule(row) : null;
  return { card, factSet, state, reps: state?.reps ?? 0, intervals: previewIntervals(state, now, paramsFor(settings)) };
}

/**
 * The deck's next card (due cards first, then new cards within today's limit) and the counts
 * for the progress line; `item` is null when nothing is left for now.
 */
export async function getNextCard(userId: string | null, deck: string, now: Date): Promise<ReviewSession> {
  return loadSession(userId, deck, now);
}

/**
 * A given card of a deck, to show again after an undo, with the deck's counts. NotFoundError
 * if the card is not in the deck.
 */
export async function getCardInDeck(userId: string | null, deck: string, cardId: string, now: Date): Promise<ReviewSession> {
  return loadSession(userId, deck, now, cardId);
}

async function loadSession(userId: string | null, deck: string, now: Date, cardId?: string): Promise<ReviewSession> {
  const found = await requireDeck(userId, deck);
  if (cardId !== undefined && !found.deck.cardIds.includes(cardId)) throw new NotFoundError(`card ${cardId} in deck ${deck}`);
  const { byId } = cardCatalog(found.factSet);
  const progress = await loadProgress(userId, now, found.deck.cardIds);
  const queue = buildQueue({
    cards: found.deck.cardIds.map((id) => byId.get(id)!),
    states: progress.states,
    now,
    newCardsPerDay: progress.settings.newCardsPerDay,
    newCardsIntroducedToday: progress.newCardsIntroducedToday,
    timeZone: learnerTimeZone,
  });
  const card = cardId !== undefined ? byId.get(cardId) : queue.cards[0];
  return {
    deck: summarize(found.factSet, found.deck, progress, now),
    item: card ? await reviewItem(userId, card, found.factSet, progress.settings, now) : null,
    counts: queue.counts,
    nextDueAt: queue.nextDueAt,
    newCardsLeftToday: queue.newCardsLeftToday,
  };
}

async function requireCard(userId: string | null, cardId: string): Promise<{ card: FlashCard; factSet: FactSet }> {
  const factSetId = factSetIdOfCard(cardId);
  if (!factSetId) throw new NotFoundError(`card ${cardId}`);
  let factSet: FactSet;
  try {
    factSet = await getVisibleFactSet(userId, factSetId);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(`card ${cardId}`);
    throw error;
  }
  const card = cardCatalog(factSet).byId.get(cardId);
  if (!card) throw new NotFoundError(`card ${cardId}`);
  return { card, factSet };
}

export interface RecordedReview {
  reviewId: string;
  cardId: string;
  grade: ReviewGrade;
  nextState: CardSchedule;
}

/**
 * Grades a card: updates (or creates) its state and logs the review with the facts it tests,
 * in one transaction. ConflictError ("flashcards.review.errors.stale") if `expectedReps` no
 * longer matches, i.e. the card was graded meanwhile (a double submit, another tab).
 */
export async function recordReview(userId: string, input: ReviewInput, now: Date): Promise<RecordedReview> {
  const { cardId, grade, expectedReps } = reviewInput.parse(input);
  const { card } = await requireCard(userId, cardId);
  const params = paramsFor(await getSettings(userId));
  return db.$transaction(async (tx) => {
    const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: scheduleSelect });
    const previous = row ? toSchedule(row) : null;
    if (expectedReps !== undefined && (previous?.reps ?? 0) !== expectedReps) throw new ConflictError("flashcards.review.errors.stale");
    const { nextState, log } = applyReview(previous, grade, now, params);
    await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { userId, cardId, factSetId: card.factSetId, ...nextState },
      update: { factSetId: card.factSetId, ...nextState },
    });
    const review = await tx.reviewLog.create({
      data: {
        userId,
        cardId,
        factSetId: card.factSetId,
        factIds: card.factIds.join(","),
        grade,
        reviewedAt: now,
        previousState: previous ? serializeSchedule(previous) : null,
        log: serializeReviewLog(log),
      },
      select: { id: true },
    });
    return { reviewId: review.id, cardId, grade, nextState };
  });
}

/**
 * Takes back the learner's most recent review: the card's state before it is put back exactly
 * (or removed, if the card was new) and the log row is deleted, in one transaction. Returns the
 * card that was undone, or null if there is no review to undo.
 */
export async function undoLastReview(userId: string): Promise<{ cardId: string; grade: ReviewGrade } | null> {
  return db.$transaction(async (tx: Tx) => {
    const last = await tx.reviewLog.findFirst({
      where: { userId },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      select: { id: true, cardId: true, grade: true, factSetId: true, previousState: true },
    });
    if (!last) return null;
    const restored = undoReview(last.previousState === null ? null : parseSchedule(last.previousState));
    if (restored === null) {
      await tx.cardState.deleteMany({ where: { userId, cardId: last.cardId } });
    } else {
      await tx.cardState.upsert({
        where: { userId_cardId: { userId, cardId: last.cardId } },
        create: { userId, cardId: last.cardId, factSetId: last.factSetId, ...restored },
        update: restored,
      });
    }
    await tx.reviewLog.delete({ where: { id: last.id } });
    return { cardId: last.cardId, grade: last.grade as ReviewGrade };
  });
}

/** Whether the learner has a review that `undoLastReview` would take back. */
export async function hasReviewToUndo(userId: string | null): Promise<boolean> {
  if (!userId) return false;
  return (await db.reviewLog.count({ where: { userId }, take: 1 })) > 0;
}

// ── Statistics ──────────────────────────────────────────────────────────────────────────

export interface ReviewStats {
  /** The last 30 learner days, oldest first. */
  reviewsPerDay: ReviewsOnDay[];
  /** Cards falling due on each of the next 14 days, today (with overdue cards) first. */
  forecast: DayCount[];
  /** Measured over the last 30 days and over all reviews. */
  trueRetention: { last30Days: TrueRetention; allTime: TrueRetention };
  desiredRetention: number;
  /** Cards studied at least once. */
  studiedCards: number;
  totalReviews: number;
}

/**
 * The card's state before a review, from the stored FSRS log; a row whose log cannot be read
 * (imported, or written by hand) falls back to its previous state, and to "new" without one.
 */
function stateBefore(row: { log: string; previousState: string | null }): CardStateValue {
  try {
    return parseReviewLog(row.log).state;
  } catch {
    try {
      return row.previousState === null ? cardStates.new : parseSchedule(row.previousState).state;
    } catch {
      return cardStates.new;
    }
  }
}

/** Reviews per day, the due forecast and true against desired retention, for the stats page. */
export async function getReviewStats(userId: string | null, now: Date): Promise<ReviewStats> {
  const settings = await getSettings(userId);
  const windowStart = startOfDay(new Date(now.getTime() - 29 * 24 * 60 * 60 * 1000), learnerTimeZone);
  const [logs, states] = userId
    ? await Promise.all([
        db.reviewLog.findMany({ where: { userId }, select: { reviewedAt: true, grade: true, log: true, previousState: true } }),
        db.cardState.findMany({ where: { userId }, select: { due: true, state: true } }),
      ])
    : [[], []];
  const reviews = logs.map((row) => ({ reviewedAt: row.reviewedAt, grade: row.grade, stateBefore: stateBefore(row) }));
  const recent = reviews.filter((review) => review.reviewedAt >= windowStart);
  return {
    reviewsPerDay: reviewsPerDay(recent, now, 30, learnerTimeZone),
    forecast: dueForecast(
      states.map((state) => ({ due: state.due, state: state.state as CardStateValue })),
      now,
      14,
      learnerTimeZone,
    ),
    trueRetention: { last30Days: trueRetention(recent), allTime: trueRetention(reviews) },
    desiredRetention: settings.desiredRetention,
    studiedCards: states.length,
    totalReviews: reviews.length,
  };
}
