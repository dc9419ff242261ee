import type { Tx } from "../db";

/**
 * Moving and guarding a user's attempts as a whole, for the account module (merging a guest
 * into an account, deleting an account). Inside the caller's transaction.
 */

/** Hands every quiz, answer and per-fact answer record of `fromUserId` to `toUserId`; returns the counts moved. */
export async function moveAttempts(tx: Tx, fromUserId: string, toUserId: string): Promise<{ quizzes: number; answers: number; answerFacts: number }> {
  const from = { userId: fromUserId };
  const to = { userId: toUserId };
  const quizzes = await tx.quiz.updateMany({ where: from, data: to });
  const answers = await tx.answer.updateMany({ where: from, data: to });
  const answerFacts = await tx.answerFact.updateMany({ where: from, data: to });
  return { quizzes: quizzes.count, answers: answers.count, answerFacts: answerFacts.count };
}

/** How many attempts other learners made on assignments in classes `teacherId` teaches. */
export async function countLearnerAttemptsInClassesOf(tx: Tx, teacherId: string): Promise<number> {
  return tx.quiz.count({ where: { assignment: { class: { teacherId } }, userId: { not: teacherId } } });
}
