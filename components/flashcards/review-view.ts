import type { Locale } from "@/lib/facts/schema";
import { renderCard, type RenderedCard } from "@/lib/flashcards/render-card";
import { reviewGrades, type ReviewGrade } from "@/lib/flashcards/scheduler";
import { describeInterval, type IntervalUnit } from "@/lib/flashcards/stats";
import type { DeckSummary, ReviewSession } from "@/lib/server/flashcards";

/**
 * What the review screen needs, as plain serialisable data: the card rendered in the
 * learner's language (front and back: a flashcard is for self-assessment, so the back may travel
 * with the card), each grade's next interval, and the deck's counts. Built on the server by the
 * page and by the grading actions alike.
 */
export interface ReviewView {
  deck: Pick<DeckSummary, "ref" | "kind" | "year" | "topicTitle" | "unseenCount">;
  card: {
    id: string;
    /** Sent back with the grade, so a doubled or stale grade is refused. */
    reps: number;
    isNew: boolean;
    rendered: RenderedCard;
    intervals: { grade: ReviewGrade; unit: IntervalUnit; count: number }[];
  } | null;
  counts: { new: number; learning: number; review: number };
  /** ISO instant the next card falls due, when nothing is due now. */
  nextDueAt: string | null;
  newCardsLeftToday: number;
}

export function toReviewView(session: ReviewSession, locale: Locale): ReviewView {
  const { deck, item } = session;
  return {
    deck: { ref: deck.ref, kind: deck.kind, ...(deck.year === undefined ? {} : { year: deck.year }), topicTitle: deck.topicTitle, unseenCount: deck.unseenCount },
    card: item
      ? {
          id: item.card.id,
          reps: item.reps,
          isNew: item.state === null,
          rendered: renderCard(item.card, item.factSet, locale),
          intervals: reviewGrades.map((grade) => ({ grade, ...describeInterval(item.intervals[grade].intervalMs) })),
        }
      : null,
    counts: session.counts,
    nextDueAt: session.nextDueAt?.toISOString() ?? null,
    newCardsLeftToday: session.newCardsLeftToday,
  };
}
