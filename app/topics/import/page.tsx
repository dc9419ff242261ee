import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportForm, type ImportFormDefaults } from "@/components/topics/import-form";
import { ShareForm } from "@/components/topics/share-form";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describeStoredFactSet } from "@/lib/facts/import-table";
import { defaultMemberNoun } from "@/lib/facts/membership";
import { maxTableRows } from "@/lib/facts/parse-membership-table";
import { getRequestLocale } from "@/lib/i18n/request";
import { listTeacherClasses } from "@/lib/server/classes";
import { getOwnFactSet, listOwnFactSets } from "@/lib/server/fact-sets";
import { orNotFound } from "@/lib/server/or-not-found";
import { getSessionUser, isAccountUser } from "@/lib/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("topics.import");
  return { title: t("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Import a fact set from a membership table (issue 13), and the person's own imported sets:
 * re-import as a new version, and (teachers) share with classes. Guests are asked to sign in:
 * an imported set belongs to an account.
 */
export default async function ImportFactSetPage({ searchParams }: Props) {
  const t = await getTranslations("topics.import");
  const user = await getSessionUser();
  if (!isAccountUser(user)) {
    return (
      <div className="grid gap-6">
        <h1 id="import-heading" className="text-3xl font-semibold tracking-tight text-slate-900">
          {t("heading")}
        </h1>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">{t("signInHeading")}</h2>
          <p className="mt-2 text-slate-700">{t("signInBody")}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href="/sign-in?next=/topics/import" className={buttonClasses()}>
              {t("signIn")}
            </Link>
            <Link href="/sign-up?next=/topics/import" className={buttonClasses({ variant: "secondary" })}>
              {t("signUp")}
            </Link>
          </div>
        </Card>
      </div>
    );
  }

  const params = await searchParams;
  const reimportId = single(params.set);
  const publishedId = single(params.published);
  const locale = await getRequestLocale();
  const format = await getFormatter();
  const [reimport, own, classes] = await Promise.all([
    reimportId ? orNotFound(getOwnFactSet(user.id, reimportId)) : null,
    listOwnFactSets(user.id),
    user.role === "teacher" ? listTeacherClasses(user.id) : [],
  ]);
  const activeClasses = classes.filter((klass) => klass.archivedAt === null);
  const published = publishedId ? own.find((set) => set.id === publishedId) : undefined;
  const defaults: ImportFormDefaults = reimport
    ? toDefaults(describeStoredFactSet(reimport))
    : {
        titleDe: "",
        titleEn: "",
        organizationDe: "",
        organizationDativeDe: "",
        organizationEn: "",
        memberSingularDe: defaultMemberNoun.de.singular,
        memberPluralDe: defaultMemberNoun.de.plural,
        memberGenderDe: defaultMemberNoun.de.gender,
        memberSingularEn: defaultMemberNoun.en.singular,
        memberPluralEn: defaultMemberNoun.en.plural,
      };

  return (
    <div className="grid gap-8">
      <header>
        <h1 id="import-heading" className="text-3xl font-semibold tracking-tight text-slate-900">
          {reimport ? t("reimportHeading", { title: reimport.title[locale] }) : t("heading")}
        </h1>
        <p className="mt-2 max-w-2xl leading-relaxed text-slate-600">{reimport ? t("reimportIntro", { version: reimport.version + 1 }) : t("intro")}</p>
        <p className="mt-2 max-w-2xl text-sm leading-relaxed text-slate-600">{t("formatHint", { rows: maxTableRows.toLocaleString(locale) })}</p>
        {reimport ? (
          <p className="mt-2">
            <Link href="/topics/import" className="text-sm font-medium text-brand-700 underline underline-offset-2">
              {t("cancelReimport")}
            </Link>
          </p>
        ) : null}
      </header>

      {published ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="import-published">
          {t("published", { title: published.title[locale], version: published.version })}
        </p>
      ) : null}

      <ImportForm key={reimport?.id ?? "new"} factSetId={reimport?.id} nextVersion={(reimport?.version ?? 0) + 1} defaults={defaults} />

      <section aria-labelledby="own-heading" className="grid gap-4">
        <h2 id="own-heading" className="text-xl font-semibold tracking-tight text-slate-900">
          {t("ownHeading")}
        </h2>
        {own.length === 0 ? (
          <p className="text-slate-600">{t("ownEmpty")}</p>
        ) : (
          <ul className="grid gap-4" data-testid="own-fact-sets">
            {own.map((set) => (
              <li key={set.id}>
                <Card>
                  <h3 className="break-words text-lg font-semibold text-slate-900">{set.title[locale]}</h3>
                  <p className="mt-1 text-sm text-slate-600">
                    {t("ownMeta", { members: set.memberCount, version: set.version, date: format.dateTime(set.updatedAt, { dateStyle: "medium" }) })}
                  </p>
                  <Link
                    href={`/topics/import?set=${encodeURIComponent(set.id)}`}
                    aria-label={t("reimportLabel", { title: set.title[locale] })}
                    className={buttonClasses({ variant: "secondary", className: "mt-3" })}
                  >
                    {t("reimport")}
                  </Link>
                  {user.role === "teacher" ? (
                    activeClasses.length > 0 ? (
                      <ShareForm
                        factSetId={set.id}
                        title={set.title[locale]}
                        classes={activeClasses.map((klass) => ({ id: klass.id, name: klass.name }))}
                        sharedClassIds={set.sharedClassIds}
                      />
                    ) : (
                      <p className="mt-3 text-sm text-slate-600">{t("shareNoClasses")}</p>
                    )
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function toDefaults(description: ReturnType<typeof describeStoredFactSet>): ImportFormDefaults {
  const noun = description.memberNoun ?? defaultMemberNoun;
  return {
    titleDe: description.title.de,
    titleEn: description.title.en,
    organizationDe: description.organization.nominativeDe,
    organizationDativeDe: description.organization.dativeDe,
    organizationEn: description.organization.nameEn,
    memberSingularDe: noun.de.singular,
    memberPluralDe: noun.de.plural,
    memberGenderDe: noun.de.gender,
    memberSingularEn: noun.en.singular,
    memberPluralEn: noun.en.plural,
  };
}
