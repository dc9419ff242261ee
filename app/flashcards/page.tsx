import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeckList } from "@/components/flashcards/deck-list";
import { SettingsForm } from "@/components/flashcards/settings-form";
import { Card } from "@/components/ui/card";
import { getSettings, listDecks } from "@/lib/server/flashcards";
import { getSessionUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flashcards.decks");
  return { title: t("pageTitle") };
}

/** The deck chooser with today's due and new counts, and the learner's flashcard settings. */
export default async function FlashcardsPage() {
  const user = await getSessionUser();
  const now = new Date();
  const [t, tSettings, decks, settings] = await Promise.all([
    getTranslations("flashcards.decks"),
    getTranslations("flashcards.settings"),
    listDecks(user?.id ?? null, now),
    getSettings(user?.id ?? null),
  ]);
  const topic = decks.find((deck) => deck.kind === "topic");
  const limitReached = topic !== undefined && topic.newCount === 0 && topic.unseenCount > 0;

  return (
    <div className="grid gap-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
          <p className="mt-2 max-w-2xl leading-relaxed text-slate-600">{t("intro")}</p>
        </div>
        <Link href="/flashcards/stats" className="text-sm font-medium text-brand-700 hover:underline">
          {t("statsLink")} →
        </Link>
      </header>
      {limitReached && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {settings.newCardsPerDay === 0 ? t("noLimit") : t("limitReached", { count: settings.newCardsPerDay })}
        </p>
      )}
      <DeckList decks={decks} />
      <section aria-labelledby="flashcard-settings-heading">
        <Card>
          <h2 id="flashcard-settings-heading" className="mb-4 text-lg font-semibold tracking-tight">
            {tSettings("heading")}
          </h2>
          <SettingsForm settings={settings} />
        </Card>
      </section>
    </div>
  );
}
