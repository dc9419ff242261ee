import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deckName } from "@/components/flashcards/deck-name";
import { ReviewSession } from "@/components/flashcards/review-session";
import { toReviewView } from "@/components/flashcards/review-view";
import { getNextCard, hasReviewToUndo } from "@/lib/server/flashcards";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { orNotFound } from "@/lib/server/or-not-found";

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
  const locale = await getRequestLocale();
  const session = await orNotFound(getNextCard(user?.id ?? null, deck, new Date()));
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
