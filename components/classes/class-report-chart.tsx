"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatPercent } from "@/lib/i18n/format";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  /** Short label of the assignment on the time axis (its due date). */
  label: string;
  title: string;
  /** Class average in percent; null when nobody has submitted. */
  average: number | null;
  submitted: number;
}

/**
 * The class average per assignment, oldest due date first. A picture for sighted users: the
 * chart is hidden from assistive technology, which gets the one-sentence summary here and
 * the full table beside it (ClassReportTable) instead.
 */
export function ClassReportChart({ points, summary }: { points: ChartPoint[]; summary: string }) {
  const t = useTranslations("classes.report");
  const locale = useLocale();
  return (
    <figure className="m-0">
      <div aria-hidden="true" className="h-56 w-full sm:h-64" data-testid="class-report-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} interval="preserveStartEnd" />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: "#475569" }} tickFormatter={(v: number) => `${v}%`} />
            <Tooltip
              separator=": "
              formatter={(value) => [formatPercent(Number(value) / 100, locale), t("classAverage")]}
              labelFormatter={(_label, payload) => (payload?.[0]?.payload as ChartPoint | undefined)?.title ?? ""}
            />
            <Line type="monotone" dataKey="average" stroke="#2a57c4" strokeWidth={2.5} dot={{ r: 4, fill: "#2a57c4" }} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600">{summary}</figcaption>
    </figure>
  );
}
