import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { deckName } from "@/components/flashcards/deck-name";
import { ReviewSession } from "@/components/flashcards/review-session";
import { toReviewView } from "@/components/flashcards/review-view";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import { NotFoundError } from "@/lib/server/errors";
import { getNextCard, hasReviewToUndo, type ReviewSession as Session } from "@/lib/server/flashcards";
import { getSessionUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flashcards.review");
  return { title: t("pageTitle") };
}

/**
 * The review screen for one deck (`?deck=nato:wave-2004`). A visitor without a session sees
 * the deck's first new card; grading it creates a guest learner.
 */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ deck?: string | string[] }> }) {
  const { deck } = await searchParams;
  if (typeof deck !== "string" || deck === "") redirect("/flashcards");
  const user = await getSessionUser();
  const requestLocale = await getLocale();
  const locale = isLocale(requestLocale) ? requestLocale : defaultLocale;
  let session: Session;
  try {
    session = await getNextCard(user?.id ?? null, deck, new Date());
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [t, tDecks, canUndo] = await Promise.all([getTranslations("flashcards.review"), getTranslations("flashcards.decks"), hasReviewToUndo(user?.id ?? null)]);

  return (
    <div className="mx-auto max-w-2xl">
      <nav className="mb-3 flex items-center justify-between gap-3 text-sm">
        <Link href="/flashcards" className="font-medium text-brand-700 hover:underline">
          ← {t("backToDecks")}
        </Link>
      </nav>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{deckName(tDecks, session.deck, locale)}</h1>
      <div className="mt-3">
        <ReviewSession key={session.deck.ref} initial={toReviewView(session, locale)} canUndoInitially={canUndo} />
      </div>
    </div>
  );
}
