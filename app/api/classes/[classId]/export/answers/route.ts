import { getTranslations } from "next-intl/server";
import { csvDelimiterFor, formatCsvDate, toCsv, toCsvFileName, toPercent } from "@/lib/assignments/csv";
import { getRequestLocale } from "@/lib/i18n/request";
import { csvResponse } from "@/lib/server/csv-response";
import { assertTeacherOwnsClass } from "@/lib/server/classes";
import { listAnswersForExport } from "@/lib/server/gradebook";
import { z } from "zod";
import { createRoute, idParam } from "@/lib/server/route";

/**
 * GET /api/classes/<classId>/export/answers[?assignmentId=…] — every stored answer in the
 * class's assignments (or one of them) as CSV, one row per answer. Only for the class's
 * teacher; 404 for anyone else, or for an assignment not in the class.
 */
export const GET = createRoute({ params: z.object({ classId: idParam }), access: "teacher", denyAs: "notFound" }, async ({ request, user, params: { classId } }) => {
  const assignmentId = new URL(request.url).searchParams.get("assignmentId") ?? undefined;
  const locale = await getRequestLocale();
  const t = await getTranslations({ locale, namespace: "classes.export" });
  const tTypes = await getTranslations({ locale, namespace: "quiz.types" });
  const { name: className } = await assertTeacherOwnsClass(user.id, classId);
  const answers = await listAnswersForExport(user.id, classId, locale, { assignmentId });
  const header = [
    t("learner"),
    t("email"),
    t("assignment"),
    t("attempt"),
    t("late"),
    t("questionNumber"),
    t("questionType"),
    t("question"),
    t("answer"),
    t("correct"),
    t("scorePercent"),
    t("answeredAt"),
    t("seconds"),
  ];
  const rows = answers.map((a) => [
    a.learnerName,
    a.email ?? "",
    a.assignmentTitle,
    a.attemptNumber,
    a.isLateAttempt ? t("yes") : t("no"),
    a.questionNumber,
    tTypes.has(a.questionType) ? tTypes(a.questionType) : a.questionType,
    a.prompt,
    a.answer,
    a.isCorrect ? t("yes") : t("no"),
    toPercent(a.score),
    formatCsvDate(a.answeredAt),
    Math.round(a.durationMs / 1000),
  ]);
  const csv = toCsv([header, ...rows], { delimiter: csvDelimiterFor(locale) });
  return csvResponse(csv, toCsvFileName(className, t("answersFileSuffix")));
});
