"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import type { RenderedOption } from "@/lib/questions/types";

/** The projected map as public/maps/nato-map.json holds it (see lib/maps/project-map.ts). */
interface MapAsset {
  width: number;
  height: number;
  inset: { x: number; y: number; width: number; height: number };
  countries: { id: string; d: string; isMember: boolean; marker?: [number, number] }[];
}

let assetPromise: Promise<MapAsset> | undefined;
function loadMapAsset(): Promise<MapAsset> {
  assetPromise ??= fetch("/maps/nato-map.json").then((res) => {
    if (!res.ok) throw new Error(`map asset: ${res.status}`);
    return res.json() as Promise<MapAsset>;
  });
  return assetPromise;
}

/**
 * A map question: click a country on the map, or pick it from the searchable list beside it
 * (the keyboard and screen-reader way; the map itself is hidden from assistive technology).
 * With `highlight` the map is only a picture: its shapes carry no ids and take no clicks, and
 * the highlighted shape is the bare path the server sent.
 */
export function MapQuestion({
  questionId,
  options,
  value,
  highlight,
  onChange,
  disabled,
}: {
  questionId: string;
  options: RenderedOption[];
  value: string;
  highlight?: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  const t = useTranslations("quiz.play");
  const [asset, setAsset] = useState<MapAsset | null>(null);
  const [query, setQuery] = useState("");
  const searchId = useId();
  useEffect(() => {
    let isCurrent = true;
    loadMapAsset()
      .then((loaded) => isCurrent && setAsset(loaded))
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  const isPicture = highlight !== undefined;
  const pickable = new Set(options.map((o) => o.value));
  const collator = useMemo(() => new Intl.Collator(undefined, { sensitivity: "base" }), []);
  const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const shown = [...options]
    .sort((a, b) => collator.compare(a.label, b.label))
    .filter((o) => fold(o.label).includes(fold(query.trim())) || o.value === value);

  return (
    <div className="mt-5 grid gap-4 md:grid-cols-[2fr_1fr]">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-sky-50">
        {asset ? (
          <svg viewBox={`0 0 ${asset.width} ${asset.height}`} className="block h-auto w-full" aria-hidden="true" data-testid="quiz-map">
            <rect x={asset.inset.x} y={asset.inset.y} width={asset.inset.width} height={asset.inset.height} fill="none" stroke="#94a3b8" />
            {asset.countries.map((country, i) => {
              const isPickable = !isPicture && country.isMember && pickable.has(country.id);
              const isChosen = isPickable && country.id === value;
              return (
                <path
                  key={isPicture ? i : country.id}
                  d={country.d}
                  data-country={isPickable ? country.id : undefined}
                  onClick={isPickable && !disabled ? () => onChange(country.id) : undefined}
                  className={isPickable ? (disabled ? "" : "cursor-pointer hover:opacity-80") : ""}
                  fill={isChosen ? "#f59e0b" : country.isMember ? "#93c5fd" : "#e2e8f0"}
                  stroke="#fff"
                  strokeWidth={0.7}
                />
              );
            })}
            {isPicture ? <path d={highlight} fill="#f59e0b" stroke="#92400e" strokeWidth={1.5} data-testid="map-highlight" /> : null}
            {!isPicture
              ? asset.countries
                  .filter((c) => c.marker && pickable.has(c.id))
                  .map((c) => (
                    <circle
                      key={`m-${c.id}`}
                      cx={c.marker?.[0]}
                      cy={c.marker?.[1]}
                      r={16}
                      data-country={c.id}
                      onClick={disabled ? undefined : () => onChange(c.id)}
                      className={disabled ? "" : "cursor-pointer"}
                      fill={c.id === value ? "#f59e0b" : "rgba(37,99,235,0.25)"}
                      stroke="#1d4ed8"
                      strokeWidth={1.5}
                    />
                  ))
              : null}
          </svg>
        ) : (
          <p className="p-4 text-sm text-slate-600">{t("mapLoading")}</p>
        )}
      </div>
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-slate-700">{t("mapListLegend")}</legend>
        <label htmlFor={searchId} className="mt-2 block text-sm text-slate-600">
          {t("mapSearch")}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          disabled={disabled}
          autoComplete="off"
          className="mt-1 block min-h-11 w-full rounded-lg border-2 border-slate-300 px-3 focus:border-brand-500"
        />
        {/* Focusable only once answered: then its disabled options cannot take the focus, and a keyboard still has to scroll it. */}
        <ul tabIndex={disabled ? 0 : undefined} className="mt-2 max-h-72 overflow-y-auto rounded-lg border border-slate-200">
          {shown.map((option) => (
            <li key={option.value}>
              <label className="flex min-h-11 cursor-pointer items-center gap-2 px-3 hover:bg-slate-50">
                <input
                  type="radio"
                  name={`${questionId}-map`}
                  value={option.value}
                  checked={option.value === value}
                  onChange={() => onChange(option.value)}
                  disabled={disabled}
                  data-map-option
                  data-quiz-option
                />
                {option.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
