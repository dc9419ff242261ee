import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DueCardsLink } from "@/components/flashcards/due-cards-link";
import { StartQuizForm } from "@/components/quiz/start-quiz-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/layout/client-messages";
import { listVisibleFactSets } from "@/lib/server/fact-sets";
import { supportedQuestionTypes } from "@/lib/questions/preview-types";
import { mapAssetUrlFor } from "@/lib/maps/map-assets";
import { getLatestOpenQuiz } from "@/lib/server/attempts/quizzes";
import { getSessionUser, isAccountUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";

export default async function HomePage() {
  const t = await getTranslations("quiz.home");
  const tMap = await getTranslations("map");
  const tImport = await getTranslations("topics.home");
  const locale = await getRequestLocale();
  const user = await getSessionUser();
  const factSets = await listVisibleFactSets(user?.id ?? null);
  const openQuiz = user ? await getLatestOpenQuiz(user.id) : null;
  const openQuizTitle = openQuiz ? factSets.find((f) => f.id === openQuiz.factSetId)?.title[locale] : undefined;

  return (
    <div className="grid grid-cols-1 gap-8">
      <section aria-labelledby="home-title" className="pt-2">
        <h1 id="home-title" className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">
          {t("title")}
        </h1>
        <p className="mt-3 max-w-2xl text-base leading-relaxed text-slate-600 sm:text-lg">{t("intro")}</p>
      </section>

      {openQuiz ? (
        <section aria-labelledby="resume-heading">
          <Card className="flex flex-col gap-4 border-brand-100 bg-brand-50 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 id="resume-heading" className="font-semibold text-brand-900">
                {t("resumeHeading")}
              </h2>
              <p className="mt-1 text-sm text-brand-900/80">
                {t("resumeBody", { title: openQuizTitle ?? openQuiz.factSetId, number: openQuiz.position + 1, total: openQuiz.questionCount })}
              </p>
            </div>
            <Link href={`/quiz/${openQuiz.id}`} className={buttonClasses({ className: "shrink-0" })}>
              {t("resumeAction")} <span aria-hidden="true">→</span>
            </Link>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading" className="sr-only">
          {t("topicsHeading")}
        </h2>
        {factSets.length === 0 ? (
          <p className="text-slate-600">{t("noTopics")}</p>
        ) : (
          <ul className="grid grid-cols-1 gap-6">
            {factSets.map((factSet) => (
              <li key={factSet.id}>
                <Card className="relative overflow-hidden">
                  <div aria-hidden="true" className="absolute inset-x-0 top-0 h-1.5 bg-gradient-to-r from-brand-500 via-brand-600 to-brand-900" />
                  <h3 className="text-xl font-semibold tracking-tight text-slate-900">{factSet.title[locale]}</h3>
                  <p className="mt-2 leading-relaxed text-slate-600">{factSet.description[locale]}</p>
                  <p className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-600">
                    {t("factCount", { countries: factSet.accessions.length, events: factSet.events.length })}
                  </p>
                  <ClientMessages namespaces={["quiz"]}>
                    <StartQuizForm factSetId={factSet.id} factSetTitle={factSet.title[locale]} types={supportedQuestionTypes(factSet)} />
                  </ClientMessages>
                  {mapAssetUrlFor(factSet.id) ? (
                    <Link href={`/topics/${encodeURIComponent(factSet.id)}/map`} className={buttonClasses({ variant: "secondary", className: "mt-4" })}>
                      <span aria-hidden="true">🗺</span> {tMap("topicLink")}
                    </Link>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/*
        More ways to learn: other features (Flashcards, Dashboard) add their links to this
        section, as cards in the list below. It stays hidden while the list is empty.
      */}
      <section aria-labelledby="more-heading" className="hidden border-t border-slate-200 pt-6 has-[li]:block" data-slot="more-features">
        <h2 id="more-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          {t("moreHeading")}
        </h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          <li>
            <DueCardsLink />
          </li>
          {isAccountUser(user) ? (
            <li>
              <Link
                href="/topics/import"
                className="inline-flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white px-4 py-2.5 font-medium text-slate-900 shadow-sm transition-colors hover:border-brand-500"
                data-testid="import-link"
              >
                <span>{tImport("importLink")}</span>
                <span className="text-sm font-normal text-slate-600">{tImport("importLinkBody")}</span>
              </Link>
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}
