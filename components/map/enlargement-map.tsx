"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import { startFactPractice } from "@/app/topics/[factSetId]/map/actions";
import { Button } from "@/components/ui/button";
import type { MapMember, MapRound } from "@/lib/definitions/enlargement-map";
import { accessionSteps, buildTimeline, masteryBand, masteryBands, masteryColours, membersAsOf } from "@/lib/maps/enlargement";
import type { FormState } from "@/lib/server/action";
import { useMapAsset } from "./map-asset";
import { intlLocale } from "@/lib/i18n/format";

/** Timeline steps (months) the playback advances per tick, and the tick length. */
const playStride = 3;
const playTickMs = 60;
const neighbourFill = "#e2e8f0";
const notYetFill = "#f8fafc";
/** Tap markers for tiny states, in map units (1000 units wide): about 12 px across at 375 px. */
const markerRadius = 17;

type Colouring = "rounds" | "mastery";

/**
 * The enlargement map: members appear on their accession dates as the timeline plays or the
 * slider moves, coloured by round or by what the learner knows. The SVG is a picture for
 * pointer users (aria-hidden); the table beside it holds the same data and its buttons select
 * a country for keyboard and screen-reader users.
 */
export function EnlargementMap({
  factSetId,
  assetUrl,
  members,
  rounds,
  today,
  hasLearner,
}: {
  factSetId: string;
  assetUrl: string;
  members: MapMember[];
  rounds: MapRound[];
  today: string;
  hasLearner: boolean;
}) {
  const t = useTranslations("map");
  const locale = useLocale();
  const asset = useMapAsset(assetUrl);
  const dates = useMemo(() => ({ accessions: members.map((m) => ({ date: m.date, country: m.countryId })) }), [members]);
  const timeline = useMemo(() => buildTimeline(dates, today), [dates, today]);
  const roundSteps = useMemo(() => accessionSteps(dates, timeline), [dates, timeline]);
  const lastStep = timeline.steps.length - 1;
  const [step, setStep] = useState(lastStep);
  const [isPlaying, setIsPlaying] = useState(false);
  const [colouring, setColouring] = useState<Colouring>("rounds");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const sliderId = useId();
  const hintId = useId();
  const detailRef = useRef<HTMLDivElement>(null);

  const stepDate = timeline.steps[step] ?? today;
  const joined = useMemo(() => membersAsOf(dates, stepDate), [dates, stepDate]);
  const memberById = useMemo(() => new Map(members.map((m) => [m.countryId, m])), [members]);
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }), [locale]);
  const stepLabel = dateFormat.format(new Date(`${stepDate}T00:00:00Z`));
  const selected = selectedId ? memberById.get(selectedId) : undefined;

  useEffect(() => {
    if (!isPlaying) return;
    const timer = setInterval(() => {
      setStep((current) => {
        const next = Math.min(lastStep, current + playStride);
        if (next >= lastStep) setIsPlaying(false);
        return next;
      });
    }, playTickMs);
    return () => clearInterval(timer);
  }, [isPlaying, lastStep]);

  const togglePlay = () => {
    if (isPlaying) setIsPlaying(false);
    else {
      if (step >= lastStep) setStep(0);
      setIsPlaying(true);
    }
  };
  const jumpRound = (direction: 1 | -1) => {
    setIsPlaying(false);
    const target = direction === 1 ? roundSteps.find((s) => s > step) : [...roundSteps].reverse().find((s) => s < step);
    setStep(target ?? (direction === 1 ? lastStep : 0));
  };
  const select = (countryId: string) => {
    setSelectedId(countryId);
  };

  const fillOf = (countryId: string): string => {
    const member = memberById.get(countryId);
    if (!member) return neighbourFill;
    if (!joined.has(countryId)) return notYetFill;
    if (colouring === "mastery") return masteryColours[masteryBand(member.mastery)];
    return rounds[member.round]?.colour ?? neighbourFill;
  };
  const percent = (mastery: number | undefined) => (mastery === undefined ? t("legend.unseen") : t("masteryValue", { percent: Math.round(mastery * 100) }));

  return (
    // Wider than the layout's reading column on large screens, so the map and the table fit side by side.
    <div className="grid gap-6 lg:mx-[calc((100%_-_min(72rem,_100vw_-_4rem))_/_2)]">
      <section aria-labelledby={`${sliderId}-heading`} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={`${sliderId}-heading`} className="sr-only">
          {t("timeline.label")}
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={togglePlay} aria-pressed={isPlaying} data-testid="timeline-play" className="min-w-28">
            <span aria-hidden="true">{isPlaying ? "❚❚" : "▶"}</span>
            {isPlaying ? t("timeline.pause") : t("timeline.play")}
          </Button>
          <Button variant="secondary" onClick={() => jumpRound(-1)} disabled={step === 0}>
            <span aria-hidden="true">←</span> {t("timeline.previousRound")}
          </Button>
          <Button variant="secondary" onClick={() => jumpRound(1)} disabled={step >= lastStep}>
            {t("timeline.nextRound")} <span aria-hidden="true">→</span>
          </Button>
        </div>
        <label htmlFor={sliderId} className="mt-4 block text-sm font-medium text-slate-700">
          {t("timeline.label")}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={lastStep}
          step={1}
          value={step}
          onChange={(event) => {
            setIsPlaying(false);
            setStep(Number(event.target.value));
          }}
          aria-valuetext={t("timeline.valueText", { date: stepLabel, count: joined.size })}
          aria-describedby={hintId}
          className="mt-2 block w-full accent-brand-600"
          data-testid="timeline-slider"
        />
        <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden="true">
          <span>{dateFormat.format(new Date(`${timeline.steps[0]}T00:00:00Z`))}</span>
          <span>{dateFormat.format(new Date(`${today}T00:00:00Z`))}</span>
        </div>
        <p className="mt-2 text-lg font-semibold text-slate-900" data-testid="timeline-status">
          {t("timeline.status", { date: stepLabel, count: joined.size })}
        </p>
        <p id={hintId} className="text-xs text-slate-600">
          {t("timeline.hint")}
        </p>
        {hasLearner ? (
          <fieldset className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1">
            <legend className="sr-only">{t("colouring.legend")}</legend>
            <span aria-hidden="true" className="text-sm font-medium text-slate-700">
              {t("colouring.legend")}:
            </span>
            {(["rounds", "mastery"] as const).map((mode) => (
              <label key={mode} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm text-slate-800">
                <input type="radio" name={`${sliderId}-colouring`} value={mode} checked={colouring === mode} onChange={() => setColouring(mode)} data-testid={`colouring-${mode}`} />
                {t(`colouring.${mode}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
      </section>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid min-w-0 content-start gap-4">
          <div className="overflow-hidden rounded-xl border border-slate-200 bg-sky-50">
            {asset && asset !== "failed" ? (
              <svg viewBox={`0 0 ${asset.width} ${asset.height}`} className="block h-auto w-full" aria-hidden="true" data-testid="enlargement-map">
                <rect x={asset.inset.x} y={asset.inset.y} width={asset.inset.width} height={asset.inset.height} fill="#f0f9ff" stroke="#94a3b8" />
                {asset.countries.map((country) => {
                  const isMember = memberById.has(country.id);
                  return (
                    <path
                      key={country.id}
                      d={country.d}
                      data-country={isMember ? country.id : undefined}
                      onClick={isMember ? () => select(country.id) : undefined}
                      className={isMember ? "cursor-pointer hover:opacity-80" : ""}
                      fill={fillOf(country.id)}
                      stroke={country.id === selectedId ? "#0f172a" : isMember ? "#64748b" : "#ffffff"}
                      strokeWidth={country.id === selectedId ? 2.5 : 0.7}
                    />
                  );
                })}
                {asset.countries
                  .filter((c) => c.marker && memberById.has(c.id))
                  .map((c) => (
                    <circle
                      key={`m-${c.id}`}
                      cx={c.marker?.[0]}
                      cy={c.marker?.[1]}
                      r={markerRadius}
                      data-country={c.id}
                      data-marker
                      onClick={() => select(c.id)}
                      className="cursor-pointer"
                      fill={fillOf(c.id)}
                      fillOpacity={0.85}
                      stroke={c.id === selectedId ? "#0f172a" : "#334155"}
                      strokeWidth={c.id === selectedId ? 3 : 1.5}
                    />
                  ))}
              </svg>
            ) : (
              <p className="p-4 text-sm text-slate-600">{asset === "failed" ? t("loadFailed") : t("loading")}</p>
            )}
          </div>
          <Legend colouring={colouring} rounds={rounds} />
        </div>

        <div className="grid min-w-0 content-start gap-4">
          <div ref={detailRef} aria-live="polite" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="map-detail">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("detail.heading")}</h2>
            {selected ? (
              <CountryDetail
                factSetId={factSetId}
                member={selected}
                round={rounds[selected.round]}
                isMemberAtStep={joined.has(selected.countryId)}
                stepLabel={stepLabel}
                hasLearner={hasLearner}
                masteryText={percent(selected.mastery)}
              />
            ) : (
              <p className="mt-2 text-slate-600">{t("detail.empty")}</p>
            )}
          </div>

          <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 bg-white" tabIndex={-1}>
            <table className="w-full text-left text-sm" data-testid="map-table">
              <caption className="sr-only">{t("table.caption")}</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("table.country")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("table.date")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                    {t("table.round")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {colouring === "mastery" ? (
                      t("table.mastery")
                    ) : (
                      <>
                        {t("table.statusHeading")}
                        <span className="sr-only"> {t("table.status", { date: stepLabel })}</span>
                      </>
                    )}
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const isSelected = member.countryId === selectedId;
                  return (
                    <tr key={member.countryId} className={`border-t border-slate-100 ${isSelected ? "bg-brand-50" : ""}`} data-row={member.countryId}>
                      <th scope="row" className="px-1 py-0.5 font-medium">
                        <button
                          type="button"
                          onClick={() => select(member.countryId)}
                          aria-pressed={isSelected}
                          aria-label={t("table.select", { country: member.name })}
                          className="flex min-h-11 w-full items-center gap-2 rounded-md px-2 text-left text-slate-900 hover:bg-slate-100"
                        >
                          <span aria-hidden="true" className="size-3 shrink-0 rounded-sm border border-slate-400" style={{ background: fillOf(member.countryId) }} />
                          {member.name}
                        </button>
                      </th>
                      <td className="px-2 py-1 text-slate-700 sm:px-3">{member.dateLabel}</td>
                      <td className="hidden px-3 py-1 text-slate-700 sm:table-cell">{rounds[member.round]?.year}</td>
                      <td className="px-3 py-1 text-slate-700">
                        {colouring === "mastery" ? percent(member.mastery) : joined.has(member.countryId) ? t("table.member") : t("table.notMember")}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

function Legend({ colouring, rounds }: { colouring: Colouring; rounds: MapRound[] }) {
  const t = useTranslations("map.legend");
  const items =
    colouring === "rounds"
      ? [...rounds.map((round) => ({ key: String(round.year), colour: round.colour, label: round.legendLabel })), { key: "not-yet", colour: notYetFill, label: t("notYet") }]
      : masteryBands.map((band) => ({ key: band, colour: masteryColours[band], label: t(band) }));
  return (
    <div data-testid="map-legend">
      <h2 className="text-sm font-semibold text-slate-700">{colouring === "rounds" ? t("roundsHeading") : t("masteryHeading")}</h2>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-slate-800">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-3.5 rounded-sm border border-slate-500" style={{ background: item.colour }} />
            {item.label}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3.5 rounded-sm border border-slate-300" style={{ background: neighbourFill }} />
          {t("neighbour")}
        </li>
      </ul>
    </div>
  );
}

function CountryDetail({
  factSetId,
  member,
  round,
  isMemberAtStep,
  stepLabel,
  hasLearner,
  masteryText,
}: {
  factSetId: string;
  member: MapMember;
  round: MapRound | undefined;
  isMemberAtStep: boolean;
  stepLabel: string;
  hasLearner: boolean;
  masteryText: string;
}) {
  const t = useTranslations("map.detail");
  const [state, formAction, isPending] = useActionState<FormState<unknown>, FormData>(startFactPractice, null);
  return (
    <div className="mt-2" data-testid="map-detail-country" data-country={member.countryId}>
      <p className="flex items-center gap-2 text-xl font-semibold text-slate-900">
        <span aria-hidden="true" className="size-4 rounded-sm border border-slate-500" style={{ background: round?.colour }} />
        {member.name}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600">{t("accession")}</dt>
        <dd className="text-slate-900" data-testid="detail-date">
          {member.dateLabel}
        </dd>
        <dt className="font-medium text-slate-600">{t("round")}</dt>
        <dd className="text-slate-900">{round?.label}</dd>
        {hasLearner ? (
          <>
            <dt className="font-medium text-slate-600">{t("mastery")}</dt>
            <dd className="text-slate-900">{masteryText}</dd>
          </>
        ) : null}
      </dl>
      {!isMemberAtStep ? <p className="mt-2 text-sm text-amber-800">{t("notYetMember", { date: stepLabel })}</p> : null}
      <p className="mt-3 leading-relaxed text-slate-800">
        <span className="sr-only">{t("explanation")}: </span>
        {member.explanation}
      </p>
      <p className="mt-2 text-xs leading-relaxed text-slate-600 wrap-anywhere">
        <span className="font-medium">{t("source")}</span> {member.source}
      </p>
      <form action={formAction} className="mt-4 grid gap-2">
        <input type="hidden" name="factSetId" value={factSetId} />
        <input type="hidden" name="factId" value={member.factId} />
        <Button type="submit" disabled={isPending} data-testid="practise-country">
          <span aria-hidden="true">◎</span>
          {isPending ? t("practisePending") : t("practise", { country: member.name })}
        </Button>
        <p aria-live="polite" className="text-sm text-rose-700 empty:hidden">
          {state?.ok === false ? state.message : null}
        </p>
      </form>
    </div>
  );
}
