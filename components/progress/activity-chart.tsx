"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayActivity } from "@/lib/server/progress";
import { formatDay, toPercent } from "./format";

/** Legend in reading order (recharts sorts it alphabetically by default). */
const legendOrder = ["correct", "wrong", "accuracy"];
const colors = { correct: "#10b981", wrong: "#fda4af", accuracy: "#21469e", grid: "#e2e8f0", axis: "#475569" };

/**
 * Answers per day (right and wrong, stacked) with the day's accuracy as a line. The chart is
 * a picture for sighted users (role="img"); its data is in the text alternative the caller
 * links with `describedBy` (a summary and a table), so recharts' own keyboard layer is off.
 */
export function ActivityChart({ days, label, describedBy }: { days: DayActivity[]; label: string; describedBy: string }) {
  const t = useTranslations("progress.dashboard.activity");
  const locale = useLocale();
  const data = days.map((d) => ({
    day: formatDay(d.day, locale),
    correct: d.correct,
    wrong: d.answers - d.correct,
    accuracy: d.accuracy === null ? null : toPercent(d.accuracy),
  }));
  const maxAnswers = Math.max(4, ...days.map((d) => d.answers));
  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} className="h-64 w-full sm:h-72" data-testid="activity-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis dataKey="day" tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={{ stroke: colors.grid }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis yAxisId="answers" allowDecimals={false} domain={[0, maxAnswers]} tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={false} width={44} />
          <YAxis
            yAxisId="accuracy"
            orientation="right"
            domain={[0, 100]}
            ticks={[0, 50, 100]}
            tickFormatter={(value: number) => `${value}\u202F%`}
            tick={{ fontSize: 11, fill: colors.axis }}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          <Tooltip
            formatter={(value, name) => (name === t("accuracy") ? [`${value}\u202F%`, name] : [value, name])}
            contentStyle={{ borderRadius: 8, borderColor: colors.grid, fontSize: 13 }}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "#334155" }} formatter={legendText} iconSize={10} itemSorter={(item) => legendOrder.indexOf(String(item.dataKey))} />
          <Bar yAxisId="answers" dataKey="correct" name={t("correct")} stackId="answers" fill={colors.correct} maxBarSize={18} isAnimationActive={false} />
          <Bar yAxisId="answers" dataKey="wrong" name={t("wrong")} stackId="answers" fill={colors.wrong} radius={[3, 3, 0, 0]} maxBarSize={18} isAnimationActive={false} />
          <Line
            yAxisId="accuracy"
            dataKey="accuracy"
            name={t("accuracy")}
            type="monotone"
            stroke={colors.accuracy}
            strokeWidth={2}
            dot={{ r: 3, fill: colors.accuracy }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Legend labels in body text colour: the series colours are too light for text (WCAG 1.4.3). */
function legendText(value: string) {
  return <span style={{ color: "#334155" }}>{value}</span>;
}
