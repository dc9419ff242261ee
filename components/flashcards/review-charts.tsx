"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayCount, ReviewsOnDay } from "@/lib/flashcards/stats";
import { formatDayKey } from "./format-day";

const colors = { recalled: "#10b981", again: "#fb7185", due: "#3b6fe0", grid: "#e2e8f0", axis: "#475569" };

/**
 * The charts are pictures for sighted users (role="img"); the caller links the text alternative
 * (a summary sentence and a visually hidden table) with `describedBy`, so recharts' own
 * keyboard layer is off.
 */
export function ReviewsPerDayChart({ days, label, describedBy }: { days: ReviewsOnDay[]; label: string; describedBy: string }) {
  const t = useTranslations("flashcards.stats");
  const locale = useLocale();
  const data = days.map((d) => ({ day: formatDayKey(d.day, locale), recalled: d.count - d.again, again: d.again }));
  const max = Math.max(4, ...days.map((d) => d.count));
  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} className="h-56 w-full sm:h-64" data-testid="reviews-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={{ stroke: colors.grid }} interval="preserveStartEnd" minTickGap={20} />
          <YAxis allowDecimals={false} domain={[0, max]} tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={false} width={44} />
          <Tooltip contentStyle={{ borderRadius: 8, borderColor: colors.grid, fontSize: 13 }} cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12, color: "#334155" }} formatter={legendText} iconSize={10} />
          <Bar dataKey="recalled" name={t("recalled")} stackId="reviews" fill={colors.recalled} maxBarSize={18} isAnimationActive={false} />
          <Bar dataKey="again" name={t("again")} stackId="reviews" fill={colors.again} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ForecastChart({ days, label, describedBy }: { days: DayCount[]; label: string; describedBy: string }) {
  const t = useTranslations("flashcards.stats");
  const locale = useLocale();
  const data = days.map((d) => ({ day: formatDayKey(d.day, locale, { weekday: "short", day: "numeric" }), due: d.count }));
  const max = Math.max(4, ...days.map((d) => d.count));
  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} className="h-56 w-full sm:h-64" data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -20 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={{ stroke: colors.grid }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} domain={[0, max]} tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={false} width={44} />
          <Tooltip contentStyle={{ borderRadius: 8, borderColor: colors.grid, fontSize: 13 }} cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="due" name={t("dueCards")} fill={colors.due} radius={[3, 3, 0, 0]} maxBarSize={22} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Legend labels in body text colour: the series colours are too light for text (WCAG 1.4.3). */
function legendText(value: string) {
  return <span style={{ color: "#334155" }}>{value}</span>;
}
