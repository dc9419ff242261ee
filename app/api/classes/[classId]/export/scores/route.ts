import { getTranslations } from "next-intl/server";
import { csvDelimiterFor, formatCsvDate, toCsv, toCsvFileName, toPercent } from "@/lib/assignments/csv";
import { getRequestLocale } from "@/lib/i18n/request";
import { csvResponse } from "@/lib/server/csv-response";
import { getClassReport } from "@/lib/server/gradebook";
import { z } from "zod";
import { createRoute, idParam } from "@/lib/server/route";

/**
 * GET /api/classes/<classId>/export/scores — the class's scores as CSV: one row per learner,
 * one column per assignment (oldest due first), the counted score in percent (empty when
 * nothing was submitted). Only for the class's teacher; 404 for anyone else.
 */
export const GET = createRoute({ params: z.object({ classId: idParam }), access: "teacher", denyAs: "notFound" }, async ({ user, params: { classId } }) => {
  const locale = await getRequestLocale();
  const t = await getTranslations({ locale, namespace: "classes.export" });
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
});
