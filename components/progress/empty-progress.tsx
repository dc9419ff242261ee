import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** What the dashboard shows before there is anything to show: an invitation to play. */
export async function EmptyProgress() {
  const t = await getTranslations("progress.dashboard.empty");
  return (
    <Card className="mt-6 text-center" data-testid="progress-empty">
      <div aria-hidden="true" className="mx-auto flex size-14 items-center justify-center rounded-full bg-brand-50 text-2xl text-brand-700">
        ↗
      </div>
      <h2 className="mt-4 text-xl font-semibold tracking-tight">{t("heading")}</h2>
      <p className="mx-auto mt-2 max-w-md leading-relaxed text-slate-600">{t("body")}</p>
      <Link href="/" className={buttonClasses({ size: "lg", className: "mt-5" })}>
        {t("action")} <span aria-hidden="true">→</span>
      </Link>
    </Card>
  );
}
