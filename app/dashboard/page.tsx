import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActivitySection } from "@/components/progress/activity-section";
import { EmptyProgress } from "@/components/progress/empty-progress";
import { MasterySection } from "@/components/progress/mastery-section";
import { StatCards } from "@/components/progress/stat-cards";
import { WeakestFacts } from "@/components/progress/weakest-facts";
import { getDashboard } from "@/lib/server/progress";
import { listVisibleFactSets } from "@/lib/server/fact-sets";
import { mapAssetUrlFor } from "@/lib/maps/map-assets";
import { getSessionUser } from "@/lib/server/session";
import { getRequestLocale } from "@/lib/i18n/request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("progress.dashboard");
  return { title: t("pageTitle") };
}

/**
 * The learner's dashboard. Guests have progress too, so any session user sees theirs; with
 * no session at all (or nothing practised yet) the page invites them to play a quiz.
 */
export default async function DashboardPage() {
  const t = await getTranslations("progress.dashboard");
  const user = await getSessionUser();
  const requestLocale = await getRequestLocale();
  const dashboard = user ? await getDashboard(user.id, new Date(), requestLocale) : null;
  const tMap = await getTranslations("map");
  const mapTopics = (await listVisibleFactSets(user?.id ?? null)).filter((factSet) => mapAssetUrlFor(factSet.id));

  return (
    <div className="grid gap-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
        <p className="mt-2 max-w-2xl leading-relaxed text-slate-600">{t("intro")}</p>
        {mapTopics.map((factSet) => (
          <p key={factSet.id} className="mt-3 text-sm text-slate-700">
            <Link href={`/topics/${encodeURIComponent(factSet.id)}/map`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {tMap("dashboardLink")}
            </Link>{" "}
            – {tMap("dashboardLinkBody")}
          </p>
        ))}
        {!user || user.isGuest ? (
          <p className="mt-3 max-w-2xl rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="guest-note">
            {t("guestNote")}{" "}
            <Link href="/sign-up?next=/dashboard" className="font-semibold underline underline-offset-2">
              {t("guestSignUp")}
            </Link>
          </p>
        ) : null}
      </header>
      {!dashboard?.hasActivity ? (
        <EmptyProgress />
      ) : (
        <>
          <StatCards dashboard={dashboard} />
          <WeakestFacts facts={dashboard.weakest} topics={dashboard.topics} />
          <ActivitySection days={dashboard.days} />
          <MasterySection topics={dashboard.topics} />
        </>
      )}
    </div>
  );
}
