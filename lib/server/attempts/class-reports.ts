import { db } from "../db";

/**
 * Attempt reads for a teacher's reports (gradebook, CSV answer export). The caller has
 * checked that the teacher owns the class or assignment; attempts are settled before.
 */

/** The questions of `quizIds` with their answers (response, grade), quiz by quiz, in order. */
export async function listAnsweredQuestionsOf(quizIds: string[]) {
  return db.quizQuestion.findMany({
    where: { quizId: { in: quizIds } },
    orderBy: [{ quizId: "asc" }, { position: "asc" }],
    select: { position: true, spec: true, answer: { select: { response: true, correct: true } } },
  });
}

/** Every answer given on the assignments of class `classId` (or on one of them), with learner, question and attempt. */
export async function listClassAnswers(classId: string, assignmentId?: string) {
  return db.answer.findMany({
    where: { quiz: { assignment: { classId, ...(assignmentId ? { id: assignmentId } : {}) } } },
    select: {
      response: true,
      correct: true,
      score: true,
      answeredAt: true,
      durationMs: true,
      user: { select: { displayName: true, email: true } },
      quizQuestion: { select: { position: true, spec: true } },
      quiz: {
        select: {
          attemptNumber: true,
          status: true,
          finishedAt: true,
          factSetId: true,
          assignment: { select: { title: true, dueAt: true, createdAt: true } },
        },
      },
    },
  });
}
