import { useLocale, useTranslations } from "next-intl";
import { formatPercent } from "@/lib/i18n/format";
import type { ClassReport } from "@/lib/server/gradebook";

/**
 * Scores per learner and assignment (oldest due first), with the class average per
 * assignment: the chart's numbers as a table, and its text alternative. Scrolls sideways on
 * a narrow screen, the learner's name staying in view.
 */
/** The learner column stays put while the scores scroll under it; its edge shows where they pass. */
export const stickyColumn = "sticky left-0 z-10 shadow-[1px_0_0_var(--color-slate-200)]";

export function ClassReportTable({ report, dateOf }: { report: ClassReport; dateOf: (date: Date) => string }) {
  const t = useTranslations("classes");
  const locale = useLocale();
  const percent = (score: number | null) => (score === null ? null : Math.round(score * 100));
  return (
    <div className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      {/* The caption stands above the scrolling part: inside a table it would be as wide as the table and scroll away. */}
      <p id="report-table-caption" className="px-4 pt-3 text-sm font-medium text-slate-700">
        {t("report.tableCaption")}
      </p>
      <div className="overflow-x-auto rounded-b-2xl" tabIndex={0} role="region" aria-labelledby="report-table-caption" data-testid="class-report-scroll">
        <table className="w-full border-collapse text-sm" aria-labelledby="report-table-caption" data-testid="class-report-table">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className={`${stickyColumn} bg-white px-4 py-2 font-medium whitespace-nowrap text-slate-600`}>
                {t("report.learner")}
              </th>
              {report.assignments.map((a) => (
                <th key={a.id} scope="col" className="min-w-28 px-3 py-2 text-right font-medium text-slate-600">
                  <span className="block text-slate-900">{a.title}</span>
                  <span className="block text-xs font-normal">{dateOf(a.dueAt)}</span>
                </th>
              ))}
              <th scope="col" className="px-4 py-2 text-right font-medium whitespace-nowrap text-slate-600">
                {t("report.average")}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.learners.map((learner) => (
              <tr key={learner.userId} className="border-b border-slate-100">
                <th scope="row" className={`${stickyColumn} min-w-28 max-w-40 bg-white px-4 py-2 text-left font-medium break-words text-slate-900`}>
                  {learner.name}
                  {learner.isRemoved ? <span className="font-normal text-slate-600"> ({t("gradebook.removed")})</span> : null}
                </th>
                {report.assignments.map((a) => {
                  const cell = learner.cells[a.id];
                  const value = percent(cell?.score ?? null);
                  return (
                    <td key={a.id} className="px-3 py-2 text-right tabular-nums text-slate-800">
                      {value !== null ? formatPercent(value / 100, locale) : <span className="text-slate-600">{cell ? t(`status.${cell.status}`) : "–"}</span>}
                    </td>
                  );
                })}
                <td className="px-4 py-2 text-right font-semibold tabular-nums text-slate-900">{learner.averageScore !== null ? formatPercent(learner.averageScore, locale) : "–"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="bg-slate-50">
              <th scope="row" className={`${stickyColumn} bg-slate-50 px-4 py-2 text-left font-semibold text-slate-900`}>
                {t("report.classAverage")}
              </th>
              {report.assignments.map((a) => (
                <td key={a.id} className="px-3 py-2 text-right font-semibold tabular-nums text-slate-900">
                  {a.averageScore !== null ? formatPercent(a.averageScore, locale) : "–"}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
