import { createEmptyCard, fsrs, State, type Card, type FSRS, type Grade, type ReviewLog as FsrsReviewLog } from "ts-fsrs";
import { z } from "zod";

/**
 * Spaced-repetition scheduling with FSRS, through the maintained `ts-fsrs` library. Every
 * function is pure: the review time `now` and the learner's parameters are arguments, so a
 * schedule can be replayed from its inputs (the tests move the clock over simulated weeks).
 */

/** A learner's grade for one review: 1 Again (forgotten), 2 Hard, 3 Good, 4 Easy. */
export type ReviewGrade = 1 | 2 | 3 | 4;
export const reviewGrades: readonly ReviewGrade[] = [1, 2, 3, 4];

/** Card states as ts-fsrs numbers them (and CardState.state stores them). */
export const cardStates = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning } as const;
export type CardStateValue = 0 | 1 | 2 | 3;

/** The FSRS state of a card for one learner: the columns of CardState, nothing else. */
export interface CardSchedule {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

/** What ts-fsrs reports about one review (the state *before* it, the grade, the time). */
export interface ReviewLogEntry {
  grade: ReviewGrade;
  /** The card's state before this review: a review "of a card in Review state" has 2 here. */
  state: CardStateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
}

/**
 * The range of desired retention the FSRS authors permit: "The permissible range for desired
 * retention is 0.70 to 0.97" (open-spaced-repetition/fsrs4anki, docs/tutorial.md, "Desired
 * Retention"; https://github.com/open-spaced-repetition/fsrs4anki/blob/main/docs/tutorial.md).
 * Anki later allowed up to 0.99 on request, but the same guide advises against going above 0.97:
 * the workload explodes and reviews turn into massed repetition.
 */
export const desiredRetentionRange = { min: 0.7, max: 0.97 } as const;
/** ts-fsrs's and Anki's default: 90 % of cards recalled when they fall due. */
export const defaultDesiredRetention = 0.9;

/** Short-term steps for new and forgotten cards, all within one day as the FSRS guide advises. */
export const learningSteps = ["1m", "10m"] as const;
export const relearningSteps = ["10m"] as const;

export interface SchedulerParams {
  /** Probability of recall the intervals aim for when a card falls due; within `desiredRetentionRange`. */
  desiredRetention: number;
  /**
   * Spread long intervals a little so cards learnt together do not all fall due on one day.
   * The spread is seeded from the review itself (time, repetitions, memory state), so it is
   * still a pure function of the inputs.
   */
  enableFuzz: boolean;
  /** Upper bound of any interval, in days. */
  maximumIntervalDays: number;
}

export const defaultSchedulerParams: SchedulerParams = {
  desiredRetention: defaultDesiredRetention,
  enableFuzz: true,
  maximumIntervalDays: 3650,
};

/** A desired retention outside `desiredRetentionRange` (or not a number). */
export class RetentionOutOfRangeError extends Error {
  readonly value: number;

  constructor(value: number) {
    super(`desired retention must be between ${desiredRetentionRange.min} and ${desiredRetentionRange.max}, got ${value}`);
    this.name = "RetentionOutOfRangeError";
    this.value = value;
  }
}

/** Whether a desired retention lies within the range the FSRS authors permit. */
export function isDesiredRetentionAllowed(value: number): boolean {
  return Number.isFinite(value) && value >= desiredRetentionRange.min && value <= desiredRetentionRange.max;
}

/**
 * Scheduler parameters with defaults filled in. Rule: a desired retention outside 0.70–0.97
 * is refused (RetentionOutOfRangeError), never silently clamped — a stored value that far off
 * is a bug to surface, not a preference to reinterpret.
 */
export function schedulerParams(overrides: Partial<SchedulerParams> = {}): SchedulerParams {
  const params = { ...defaultSchedulerParams, ...overrides };
  if (!isDesiredRetentionAllowed(params.desiredRetention)) throw new RetentionOutOfRangeError(params.desiredRetention);
  return params;
}

const schedulers = new Map<string, FSRS>();

function schedulerFor(params: SchedulerParams): FSRS {
  const checked = schedulerParams(params);
  const key = `${checked.desiredRetention}|${checked.enableFuzz}|${checked.maximumIntervalDays}`;
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs({
      request_retention: checked.desiredRetention,
      enable_fuzz: checked.enableFuzz,
      maximum_interval: checked.maximumIntervalDays,
      enable_short_term: true,
      learning_steps: [...learningSteps],
      relearning_steps: [...relearningSteps],
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

function toFsrsCard(state: CardSchedule | null, now: Date): Card {
  if (!state) return createEmptyCard(now);
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    ...(state.lastReview ? { last_review: new Date(state.lastReview) } : {}),
  };
}

function fromFsrsCard(card: Card): CardSchedule {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardStateValue,
    lastReview: card.last_review ? new Date(card.last_review) : null,
  };
}

function fromFsrsLog(log: FsrsReviewLog): ReviewLogEntry {
  return {
    grade: log.rating as ReviewGrade,
    state: log.state as CardStateValue,
    due: new Date(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: new Date(log.review),
  };
}

export interface IntervalPreview {
  /** When the card would be due after this grade. */
  due: Date;
  /** `due - now` in milliseconds: what the grade button shows. */
  intervalMs: number;
}

/**
 * What each grade would do, for the grade buttons: the next due date and interval of the card
 * (null = a new card) if graded now. Agrees with `applyReview` for the same inputs.
 */
export function previewIntervals(state: CardSchedule | null, now: Date, params: SchedulerParams = defaultSchedulerParams): Record<ReviewGrade, IntervalPreview> {
  const preview = schedulerFor(params).repeat(toFsrsCard(state, now), now);
  const result = {} as Record<ReviewGrade, IntervalPreview>;
  for (const grade of reviewGrades) {
    const due = new Date(preview[grade as Grade].card.due);
    result[grade] = { due, intervalMs: due.getTime() - now.getTime() };
  }
  return result;
}

/**
 * Applies one review. Returns the card's next state and the review log; the caller stores
 * `state` (the previous state) beside the log so that undo can restore it exactly.
 */
export function applyReview(
  state: CardSchedule | null,
  grade: ReviewGrade,
  now: Date,
  params: SchedulerParams = defaultSchedulerParams,
): { nextState: CardSchedule; log: ReviewLogEntry } {
  if (!reviewGrades.includes(grade)) throw new RangeError(`grade must be 1–4, got ${String(grade)}`);
  const result = schedulerFor(params).next(toFsrsCard(state, now), now, grade as Grade);
  return { nextState: fromFsrsCard(result.card), log: fromFsrsLog(result.log) };
}

/**
 * Undo of the last review: the state recorded before it, unchanged. (ts-fsrs's `rollback`
 * reconstructs the previous card from the log, which loses fields such as the exact previous
 * due time; storing the previous state and putting it back is exact by construction.)
 * null means the card was new and its state row should be removed.
 */
export function undoReview(previousState: CardSchedule | null): CardSchedule | null {
  return previousState === null ? null : { ...previousState, due: new Date(previousState.due), lastReview: previousState.lastReview && new Date(previousState.lastReview) };
}

/** Probability (0–1) of recalling the card at `now`, per FSRS's forgetting curve; 0 for a new card. */
export function retrievability(state: CardSchedule | null, now: Date, params: SchedulerParams = defaultSchedulerParams): number {
  if (!state || state.state === State.New) return 0;
  return schedulerFor(params).get_retrievability(toFsrsCard(state, now), now, false);
}

// ---------------------------------------------------------------------------------------
// Storage form: JSON text in ReviewLog.previousState / ReviewLog.log. Numbers survive a JSON
// round trip exactly (shortest round-trip representation), dates as ISO strings with ms.

const isoInstant = z.iso.datetime().transform((value) => new Date(value));
const stateValue = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

const storedSchedule = z.object({
  due: isoInstant,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: stateValue,
  lastReview: isoInstant.nullable(),
});

const storedLog = z.object({
  grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  state: stateValue,
  due: isoInstant,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  lastElapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  review: isoInstant,
});

/** A card state as JSON text (ReviewLog.previousState). */
export function serializeSchedule(state: CardSchedule): string {
  return JSON.stringify({ ...state, due: state.due.toISOString(), lastReview: state.lastReview?.toISOString() ?? null });
}

/** Inverse of `serializeSchedule`; throws a ZodError for text that is not a stored card state. */
export function parseSchedule(text: string): CardSchedule {
  return storedSchedule.parse(JSON.parse(text));
}

/** A review log as JSON text (ReviewLog.log). */
export function serializeReviewLog(log: ReviewLogEntry): string {
  return JSON.stringify({ ...log, due: log.due.toISOString(), review: log.review.toISOString() });
}

/** Inverse of `serializeReviewLog`. */
export function parseReviewLog(text: string): ReviewLogEntry {
  return storedLog.parse(JSON.parse(text));
}
