"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { QuestionLocator } from "@/lib/questions/types";
import { useMapAsset } from "./map-asset";

/**
 * The feedback's locator: the whole map, small, with the countries the question was about
 * highlighted and ringed (so Luxembourg shows too), and the round each joined in words. The
 * whole map rather than a crop, so that "where" reads at a glance and no shape reaches past the
 * picture's edge. It is built from the reveal, so it only ever appears after answering.
 */
export function LocatorMap({ locator }: { locator: QuestionLocator }) {
  const t = useTranslations("map.locator");
  const asset = useMapAsset(locator.mapUrl);
  const ids = useMemo(() => new Set(locator.countries.map((c) => c.countryId)), [locator]);
  const loaded = asset && asset !== "failed" ? asset : null;
  const names = locator.countries.map((c) => c.name).join(", ");
  return (
    <figure className="mt-3" data-testid="locator-map">
      {loaded ? (
        <svg viewBox={`0 0 ${loaded.width} ${loaded.height}`} role="img" aria-label={t("label", { countries: names })} className="block h-auto w-full max-w-sm rounded-lg border border-slate-200 bg-sky-50">
          {loaded.countries.map((country) => (
            <path
              key={country.id}
              d={country.d}
              fill={ids.has(country.id) ? "#f59e0b" : country.isMember ? "#bfdbfe" : "#e2e8f0"}
              stroke={ids.has(country.id) ? "#78350f" : "#ffffff"}
              strokeWidth={ids.has(country.id) ? 1.5 : 0.7}
            />
          ))}
          {loaded.countries
            .filter((country) => ids.has(country.id))
            .map((country) => {
              const [cx, cy] = country.marker ?? country.centre;
              return <circle key={`ring-${country.id}`} cx={cx} cy={cy} r={22} fill="none" stroke="#78350f" strokeWidth={4} />;
            })}
        </svg>
      ) : null}
      <figcaption className="mt-1 text-sm text-slate-700">
        {locator.countries.map((country, i) => (
          <span key={country.countryId}>
            {i > 0 ? "; " : null}
            {t("caption", { country: country.name, round: country.founding ? t("founding") : t("round", { year: country.year }) })}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
