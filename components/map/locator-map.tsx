"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { QuestionLocator } from "@/lib/questions/types";
import { useMapAsset } from "./map-asset";

/** The smallest crop of the map, in map units, so a tiny state still has its neighbours around it. */
const minCropWidth = 320;
const cropPadding = 40;

/** The bounding box of SVG path data made of absolute M/L commands (what project-map.ts writes). */
function pathBounds(d: string): [number, number, number, number] | null {
  const numbers = d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  if (numbers.length < 2) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    minX = Math.min(minX, numbers[i]!);
    maxX = Math.max(maxX, numbers[i]!);
    minY = Math.min(minY, numbers[i + 1]!);
    maxY = Math.max(maxY, numbers[i + 1]!);
  }
  return [minX, minY, maxX, maxY];
}

/**
 * The feedback's locator: a small map, cropped to the countries the question was about, each
 * highlighted and ringed (so Luxembourg shows too), with the round each joined in words. It is
 * built from the reveal, so it only ever appears after answering.
 */
export function LocatorMap({ locator }: { locator: QuestionLocator }) {
  const t = useTranslations("map.locator");
  const asset = useMapAsset(locator.mapUrl);
  const ids = useMemo(() => new Set(locator.countries.map((c) => c.countryId)), [locator]);
  const loaded = asset && asset !== "failed" ? asset : null;
  const viewBox = useMemo(() => {
    if (!loaded) return null;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const country of loaded.countries) {
      if (!ids.has(country.id)) continue;
      const bounds = pathBounds(country.d);
      if (!bounds) continue;
      minX = Math.min(minX, bounds[0]);
      minY = Math.min(minY, bounds[1]);
      maxX = Math.max(maxX, bounds[2]);
      maxY = Math.max(maxY, bounds[3]);
    }
    if (!Number.isFinite(minX)) return `0 0 ${loaded.width} ${loaded.height}`;
    const aspect = loaded.height / loaded.width;
    let width = Math.max(minCropWidth, maxX - minX + 2 * cropPadding, (maxY - minY + 2 * cropPadding) / aspect);
    width = Math.min(width, loaded.width);
    const height = width * aspect;
    const x = Math.min(Math.max(0, (minX + maxX) / 2 - width / 2), loaded.width - width);
    const y = Math.min(Math.max(0, (minY + maxY) / 2 - height / 2), loaded.height - height);
    return `${Math.round(x)} ${Math.round(y)} ${Math.round(width)} ${Math.round(height)}`;
  }, [loaded, ids]);

  const names = locator.countries.map((c) => c.name).join(", ");
  return (
    <figure className="mt-3" data-testid="locator-map">
      {loaded && viewBox ? (
        <svg viewBox={viewBox} role="img" aria-label={t("label", { countries: names })} className="block h-auto w-full max-w-sm rounded-lg border border-slate-200 bg-sky-50">
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
              return <circle key={`ring-${country.id}`} cx={cx} cy={cy} r={14} fill="none" stroke="#78350f" strokeWidth={2.5} />;
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
