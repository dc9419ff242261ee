import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { type Locale } from "@/lib/i18n/locales";
import type { DeckSummary } from "@/lib/server/flashcards";
import { deckName } from "./deck-name";
import { getRequestLocale } from "@/lib/i18n/request";

function reviewHref(deck: DeckSummary): string {
  return `/flashcards/review?deck=${encodeURIComponent(deck.ref)}`;
}

/**
 * The deck chooser: per topic, the whole topic first (the usual choice), then its themes
 * (founding members, events) and its enlargement rounds, each with what is due and new today.
 */
export async function DeckList({ decks }: { decks: DeckSummary[] }) {
  const t = await getTranslations("flashcards.decks");
  const locale = await getRequestLocale();
  const topics = decks.filter((deck) => deck.kind === "topic");

  return (
    <div className="grid gap-8">
      {topics.map((topic) => {
        const ofTopic = decks.filter((deck) => deck.factSetId === topic.factSetId && deck.kind !== "topic");
        const themes = ofTopic.filter((deck) => deck.kind !== "wave");
        const waves = ofTopic.filter((deck) => deck.kind === "wave");
        const name = deckName(t, topic, locale);
        return (
          <section key={topic.ref} aria-labelledby={`deck-${topic.ref}`} className="grid gap-4">
            <Card className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between" data-testid={`deck-${topic.ref}`}>
              <div>
                <h2 id={`deck-${topic.ref}`} className="text-xl font-semibold tracking-tight">
                  {name}
                </h2>
                <p className="mt-1 text-sm text-slate-600">{t("cards", { count: topic.cardCount })}</p>
                <Counts deck={topic} t={t} className="mt-3" />
              </div>
              <Link
                href={reviewHref(topic)}
                className={buttonClasses({ size: "lg", className: "w-full sm:w-auto" })}
                aria-label={t("deckLabel", { name, due: topic.dueCount, new: topic.newCount, cards: topic.cardCount })}
                data-testid={`study-${topic.ref}`}
              >
                {t("study")}
              </Link>
            </Card>

            {themes.length > 0 && <DeckGroup heading={t("byTopic")} decks={themes} t={t} locale={locale} />}
            {waves.length > 0 && <DeckGroup heading={t("waves")} decks={waves} t={t} locale={locale} />}
          </section>
        );
      })}
    </div>
  );
}

type DecksTranslator = Awaited<ReturnType<typeof getTranslations<"flashcards.decks">>>;

function DeckGroup({ heading, decks: group, t, locale }: { heading: string; decks: DeckSummary[]; t: DecksTranslator; locale: Locale }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{heading}</h3>
      <ul className="grid gap-2 sm:grid-cols-2">
        {group.map((deck) => {
          const name = deckName(t, deck, locale);
          return (
            <li key={deck.ref}>
              <Link
                href={reviewHref(deck)}
                className="flex min-h-14 items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm transition-colors hover:border-brand-500"
                aria-label={t("deckLabel", { name, due: deck.dueCount, new: deck.newCount, cards: deck.cardCount })}
                data-testid={`deck-${deck.ref}`}
              >
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{name}</span>
                  <span className="block text-xs text-slate-600">{t("cards", { count: deck.cardCount })}</span>
                </span>
                <Counts deck={deck} t={t} />
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Counts({ deck, t, className = "" }: { deck: DeckSummary; t: DecksTranslator; className?: string }) {
  return (
    <span className={`flex shrink-0 flex-wrap items-center gap-1.5 text-xs font-semibold ${className}`.trim()}>
      <span className={`rounded-full px-2 py-0.5 ${deck.dueCount ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`} data-testid="due-count">
        {t("due", { count: deck.dueCount })}
      </span>
      <span className={`rounded-full px-2 py-0.5 ${deck.newCount ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-600"}`} data-testid="new-count">
        {t("new", { count: deck.newCount })}
      </span>
    </span>
  );
}
