import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.account.deleted");
  return { title: t("title") };
}

export default async function AccountDeletedPage() {
  const t = await getTranslations("auth.account.deleted");
  return (
    <Card className="mx-auto max-w-md sm:mt-8">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <Link href="/" className={buttonClasses({ className: "mt-5" })}>
        {t("home")}
      </Link>
    </Card>
  );
}
