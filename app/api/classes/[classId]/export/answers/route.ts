import { getTranslations } from "next-intl/server";
import { csvDelimiterFor, formatCsvDate, toCsv, toCsvFileName, toPercent } from "@/lib/assignments/csv";
import { getRequestLocale } from "@/lib/i18n/request";
import { csvFailure, csvResponse } from "@/lib/server/csv-response";
import { NotFoundError } from "@/lib/server/errors";
import { assertTeacherOwnsClass } from "@/lib/server/classes";
import { listAnswersForExport } from "@/lib/server/gradebook";
import { getSessionUser, isAccountUser } from "@/lib/server/session";

/**
 * GET /api/classes/<classId>/export/answers[?assignmentId=…] — every stored answer in the
 * class's assignments (or one of them) as CSV, one row per answer. Only for the class's
 * teacher; 404 for anyone else, or for an assignment not in the class.
 */
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  const { classId } = await params;
  const assignmentId = new URL(request.url).searchParams.get("assignmentId") ?? undefined;
  const user = await getSessionUser();
  if (!isAccountUser(user) || user.role !== "teacher") return csvFailure(404, "class not found");
  const locale = await getRequestLocale();
  const t = await getTranslations({ locale, namespace: "classes.export" });
  const tTypes = await getTranslations({ locale, namespace: "quiz.types" });
  try {
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
  } catch (error) {
    if (error instanceof NotFoundError) return csvFailure(404, "not found");
    throw error;
  }
}
