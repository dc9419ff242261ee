import { getTranslations } from "next-intl/server";
import { csvDelimiterFor, formatCsvDate, toCsv, toCsvFileName, toPercent } from "@/lib/assignments/csv";
import { getRequestLocale } from "@/lib/i18n/request";
import { csvFailure, csvResponse } from "@/lib/server/csv-response";
import { NotFoundError } from "@/lib/server/errors";
import { getClassReport } from "@/lib/server/gradebook";
import { getSessionUser, isAccountUser } from "@/lib/server/session";

/**
 * GET /api/classes/<classId>/export/scores — the class's scores as CSV: one row per learner,
 * one column per assignment (oldest due first), the counted score in percent (empty when
 * nothing was submitted). Only for the class's teacher; 404 for anyone else.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  const { classId } = await params;
  const user = await getSessionUser();
  if (!isAccountUser(user) || user.role !== "teacher") return csvFailure(404, "class not found");
  const locale = await getRequestLocale();
  const t = await getTranslations({ locale, namespace: "classes.export" });
  try {
    const report = await getClassReport(user.id, classId);
    const header = [t("learner"), t("email"), ...report.assignments.map((a) => `${a.title} (${formatCsvDate(a.dueAt, { dateOnly: true })})`), t("average")];
    const rows = report.learners.map((learner) => [
      learner.isRemoved ? `${learner.name} (${t("removed")})` : learner.name,
      learner.email ?? "",
      ...report.assignments.map((a) => toPercent(learner.cells[a.id]?.score ?? null)),
      toPercent(learner.averageScore),
    ]);
    const csv = toCsv([header, ...rows], { delimiter: csvDelimiterFor(locale) });
    return csvResponse(csv, toCsvFileName(report.className, t("scoresFileSuffix")));
  } catch (error) {
    if (error instanceof NotFoundError) return csvFailure(404, "class not found");
    throw error;
  }
}
