"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/server/action";
import { createFactPracticeQuiz } from "@/lib/server/progress";

/**
 * The enlargement map's "practise" button: a short quiz about one country's accession, opened
 * at once. Like any self-study quiz it needs no account (a guest session is made here). An
 * unknown fact gets the wrapper's not-found message, a fact no question can test
 * "map.errors.noQuestions".
 */
export const startFactPractice = createAction(
  { access: "guest", input: z.object({ factSetId: z.string().min(1).max(100), factId: z.string().min(1).max(100) }) },
  async ({ input, user }) => {
    const quiz = await createFactPracticeQuiz(user.id, input.factSetId, input.factId);
    redirect(`/quiz/${encodeURIComponent(quiz.id)}`);
  },
);
