import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

/** On an assignment attempt's summary: why no answers are shown yet, and when they will be. */
export function RevealWithheldNotice({ revealsAt }: { revealsAt: "submit" | Date | null }) {
  const t = useTranslations("classes.attempt");
  const format = useFormatter();
  return (
    <div className="mt-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-slate-800" data-testid="reveal-withheld">
      <p>
        {revealsAt instanceof Date ? t("withheldAfterDue", { date: format.dateTime(revealsAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("withheldAfterSubmit")}
      </p>
      <Link href="/assignments" className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToAssignments")}
      </Link>
    </div>
  );
}
