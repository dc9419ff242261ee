import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EnlargementMap } from "@/components/map/enlargement-map";
import type { MapMember, MapRound } from "@/lib/definitions/enlargement-map";
import { countryById, memberCountAsOf } from "@/lib/facts/fact-queries";
import { enlargementRounds } from "@/lib/maps/enlargement";
import { mapAssetUrlFor } from "@/lib/maps/map-assets";
import { getVisibleFactSet } from "@/lib/server/fact-sets";
import { orNotFound } from "@/lib/server/or-not-found";
import { getFactMasteries } from "@/lib/server/progress";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";
import { intlLocale } from "@/lib/i18n/format";

type Params = { params: Promise<{ factSetId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { factSetId } = await params;
  const t = await getTranslations("map");
  const locale = await getRequestLocale();
  const user = await getSessionUser();
  const factSet = mapAssetUrlFor(factSetId) ? await getVisibleFactSet(user?.id ?? null, factSetId).catch(() => null) : null;
  return { title: t("pageTitle", { title: factSet?.title[locale] ?? factSetId }) };
}

/** Today in Europe/Berlin, YYYY-MM-DD: the timeline's last step. */
function berlinToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The enlargement map of a topic: every member on its accession date, coloured by round or by
 * the learner's mastery, with a timeline and a table of the same data. Public: a visitor
 * without a session sees the map without mastery.
 */
export default async function EnlargementMapPage({ params }: Params) {
  const { factSetId } = await params;
  const assetUrl = mapAssetUrlFor(factSetId);
  if (!assetUrl) notFound();
  const user = await getSessionUser();
  const [factSet, locale, t] = await Promise.all([
    orNotFound(getVisibleFactSet(user?.id ?? null, factSetId)),
    getRequestLocale(),
    getTranslations("map"),
  ]);
  const masteries = user ? await getFactMasteries(user.id, factSetId) : null;

  const dateFormat = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const formatDate = (isoDate: string) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
  const rounds: MapRound[] = enlargementRounds(factSet).map((round) => ({
    index: round.index,
    year: round.year,
    colour: round.colour,
    label: round.index === 0 ? t("detail.foundingRound") : t("detail.roundOf", { year: round.year, ordinal: round.index }),
    legendLabel: round.index === 0 ? t("legend.founding", { year: round.year }) : t("legend.round", { year: round.year }),
  }));
  const roundOfYear = new Map(rounds.map((round) => [round.year, round.index]));
  const referenceTitle = new Map(factSet.sources.map((source) => [source.id, source.title]));
  const org = factSet.organization.dative[locale];

  const members: MapMember[] = [...factSet.accessions]
    .sort((a, b) => a.date.localeCompare(b.date) || a.country.localeCompare(b.country))
    .map((accession) => {
      const name = countryById(factSet, accession.country)?.name[locale] ?? accession.country;
      const date = formatDate(accession.date);
      const sentence = accession.founding
        ? t("detail.foundingSentence", { country: name, date })
        : t("detail.joinedSentence", { country: name, org, date, count: memberCountAsOf(factSet, accession.date) });
      const note = accession.note?.[locale];
      return {
        countryId: accession.country,
        factId: accession.id,
        name,
        date: accession.date,
        dateLabel: date,
        round: roundOfYear.get(Number(accession.date.slice(0, 4))) ?? 0,
        explanation: note ? `${sentence} ${note}` : sentence,
        source: [...new Set(accession.sources.map((source) => referenceTitle.get(source.ref) ?? source.ref))].join("; "),
        ...(masteries && masteries[accession.id] !== undefined ? { mastery: masteries[accession.id] } : {}),
      };
    });

  return (
    <div className="grid gap-6">
      <header>
        <p className="text-sm font-medium text-brand-700">{factSet.title[locale]}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
        <p className="mt-2 max-w-3xl leading-relaxed text-slate-600">{t("intro")}</p>
      </header>
      <EnlargementMap
        factSetId={factSet.id}
        assetUrl={assetUrl}
        members={members}
        rounds={rounds}
        today={berlinToday(new Date())}
        hasLearner={masteries !== null}
      />
    </div>
  );
}
