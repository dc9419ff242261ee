"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction } from "@/lib/server/action";
import { createWeakSpotsQuiz } from "@/lib/server/progress";

/**
 * "Schwächen üben": a quiz over the acting learner's lowest-mastery facts, opened at once.
 * Guests have progress too, so any session may start one; whose facts are used comes from
 * the session alone — the form sends nothing but the topic. A learner with nothing practised
 * gets the ConflictError's message ("progress.errors.noWeakSpots"), translated by the wrapper.
 */
export const startWeakSpotsQuiz = createAction(
  { access: "user", input: z.object({ factSetId: z.string().min(1).max(100) }) },
  async ({ input, user }) => {
    const quiz = await createWeakSpotsQuiz(user.id, input.factSetId);
    redirect(`/quiz/${encodeURIComponent(quiz.id)}`);
  },
);
