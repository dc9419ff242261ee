"use server";

import { revalidatePath } from "next/cache";
import { getRequestLocale } from "@/lib/i18n/request";
import { z } from "zod";
import { toReviewView, type ReviewView } from "@/components/flashcards/review-view";
import { desiredRetentionRange } from "@/lib/flashcards/scheduler";
import { createAction } from "@/lib/server/action";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import {
  getCardInDeck,
  getNextCard,
  maxNewCardsPerDay,
  recordReview,
  undoLastReview,
  updateSettings,
  type FlashcardSettings,
} from "@/lib/server/flashcards";

const deckInput = z.string().min(1).max(100);

/** The outcome of a grade or an undo: the screen to show next, and what happened. */
export interface ReviewActionResult {
  view: ReviewView;
  /** "stale": the card had been graded meanwhile, so the grade was dropped and the next card loaded. */
  notice?: "stale" | "undone" | "nothingToUndo";
}

/**
 * Grades the card the learner saw and returns the deck's next card. Guests may review: a
 * visitor without a session gets a guest learner here.
 */
export const gradeCard = createAction(
  {
    access: "guest",
    input: z.object({
      deck: deckInput,
      cardId: z.string().min(1).max(200),
      grade: z.coerce.number().int().min(1).max(4),
      expectedReps: z.coerce.number().int().min(0),
    }),
  },
  async ({ input, user }): Promise<ReviewActionResult> => {
    const now = new Date();
    let notice: ReviewActionResult["notice"];
    try {
      await recordReview(user.id, { cardId: input.cardId, grade: input.grade, expectedReps: input.expectedReps }, now);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      notice = "stale";
    }
    const view = toReviewView(await getNextCard(user.id, input.deck, now), await getRequestLocale());
    return notice ? { view, notice } : { view };
  },
);

/**
 * Takes back the learner's last grade and shows that card again (if it belongs to this deck;
 * otherwise the deck's next card).
 */
export const undoLastGrade = createAction(
  { access: "user", input: z.object({ deck: deckInput }) },
  async ({ input, user }): Promise<ReviewActionResult> => {
    const now = new Date();
    const undone = await undoLastReview(user.id);
    const locale = await getRequestLocale();
    if (!undone) return { view: toReviewView(await getNextCard(user.id, input.deck, now), locale), notice: "nothingToUndo" };
    // The undone card may belong to another deck (graded in another tab): then show this deck's next card.
    const session = await getCardInDeck(user.id, input.deck, undone.cardId, now).catch((error: unknown) => {
      if (error instanceof NotFoundError) return getNextCard(user.id, input.deck, now);
      throw error;
    });
    return { view: toReviewView(session, locale), notice: "undone" };
  },
);

/** The settings form: retention as a whole percentage (70–97), converted to a fraction here. */
const settingsForm = z.object({
  desiredRetention: z.coerce
    .number({ error: "flashcards.settings.errors.retention" })
    .int({ error: "flashcards.settings.errors.retention" })
    .min(Math.round(desiredRetentionRange.min * 100), { error: "flashcards.settings.errors.retention" })
    .max(Math.round(desiredRetentionRange.max * 100), { error: "flashcards.settings.errors.retention" })
    .transform((percent) => percent / 100),
  newCardsPerDay: z.coerce
    .number({ error: "flashcards.settings.errors.newCardsPerDay" })
    .int({ error: "flashcards.settings.errors.newCardsPerDay" })
    .min(0, { error: "flashcards.settings.errors.newCardsPerDay" })
    .max(maxNewCardsPerDay, { error: "flashcards.settings.errors.newCardsPerDay" }),
});

export const saveFlashcardSettings = createAction(
  { access: "guest", input: settingsForm, echo: ["desiredRetention", "newCardsPerDay"] },
  async ({ input, user }): Promise<FlashcardSettings> => {
    const settings = await updateSettings(user.id, input);
    revalidatePath("/flashcards");
    return settings;
  },
);
