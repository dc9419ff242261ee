import { useTranslations } from "next-intl";
import type { SourceLink, SourceQuote } from "@/lib/questions/types";

/**
 * The sources of one answered question, the same in the feedback panel and in every review of
 * it: the source text's sentence first, as a short quotation, and the other references behind a
 * disclosure, each a link titled with its publisher and date, never a bare address.
 * No hooks beyond translations, so server pages (summary) and the client player share it.
 */
export function SourceReferences({ quote, references }: { quote: SourceQuote | null; references: SourceLink[] }) {
  const t = useTranslations("quiz.play");
  if (!quote && references.length === 0) return null;
  return (
    <>
      {quote ? (
        <figure className="mt-3 border-l-2 border-slate-300 pl-3" data-testid="source-quote">
          <blockquote className="text-sm leading-relaxed text-slate-800 italic">{quote.text}</blockquote>
          <figcaption className="mt-1 text-sm text-slate-700">– {quote.citation}</figcaption>
        </figure>
      ) : null}
      {references.length > 0 ? (
        <details className="mt-3 text-sm" data-testid="source-references">
          <summary className="cursor-pointer font-medium text-slate-800">
            {quote ? t("moreSources", { count: references.length }) : t("sources", { count: references.length })}
          </summary>
          <ul className="mt-2 grid gap-1.5 pl-1">
            {references.map((reference) => (
              <li key={reference.title}>
                {reference.url ? (
                  <a href={reference.url} className="text-brand-700 underline underline-offset-2 hover:text-brand-900" target="_blank" rel="noreferrer">
                    {reference.title} <span className="sr-only">{t("opensInNewTab")}</span>
                  </a>
                ) : (
                  <span className="text-slate-800">{reference.title}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
