"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface MasteryBar {
  /** The row's label: a year, or "Ereignisse". */
  label: string;
  /** Whole percentage, 0..100. */
  percent: number;
}

const colors = { bar: "#2a57c4", track: "#eef4ff", grid: "#e2e8f0", axis: "#475569", value: "#142a5e" };

/**
 * Mastery per enlargement round (and of the events) as horizontal bars, one row each, so the
 * labels stay readable on a phone. A picture (role="img"); the caller links the text
 * alternative with `describedBy`.
 */
export function WaveMasteryChart({ bars, label, describedBy }: { bars: MasteryBar[]; label: string; describedBy: string }) {
  const height = 24 + bars.length * 30;
  return (
    <div role="img" aria-label={label} aria-describedby={describedBy} style={{ height }} className="w-full" data-testid="wave-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 44, bottom: 0, left: 0 }} accessibilityLayer={false} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke={colors.grid} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}\u202F%`} tick={{ fontSize: 11, fill: colors.axis }} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="label" width={84} tick={{ fontSize: 12, fill: colors.axis }} tickLine={false} axisLine={false} />
          <Bar dataKey="percent" fill={colors.bar} radius={[0, 4, 4, 0]} background={{ fill: colors.track, radius: 4 }} isAnimationActive={false}>
            <LabelList dataKey="percent" position="right" formatter={(v) => `${String(v)}\u202F%`} style={{ fontSize: 12, fill: colors.value, fontWeight: 600 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
