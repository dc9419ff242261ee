import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations("common");
  return (
    <section>
      <h1 className="text-3xl font-semibold tracking-tight">{t("appName")}</h1>
      <p className="mt-2 text-slate-600">{t("tagline")}</p>
    </section>
  );
}
