import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/format";

/** On an assignment attempt's summary: why no answers are shown yet, and when they will be. */
export function RevealWithheldNotice({ revealsAt }: { revealsAt: "submit" | Date | null }) {
  const t = useTranslations("classes.attempt");
  const locale = useLocale();
  return (
    <div className="mt-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-slate-800" data-testid="reveal-withheld">
      <p>
        {revealsAt instanceof Date ? t("withheldAfterDue", { date: formatDateTime(revealsAt, locale) }) : t("withheldAfterSubmit")}
      </p>
      <Link href="/assignments" className="mt-2 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        {t("backToAssignments")}
      </Link>
    </div>
  );
}
