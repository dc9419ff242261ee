"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { createMistakesQuiz, createQuiz, maxQuizLength } from "@/lib/server/attempts/quizzes";
import { questionTypes } from "@/lib/questions/types";

/** A checkbox group arrives as one string when one box is ticked, as a list when several are. */
const checkedValues = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]);

/**
 * The home page's start form: topic, question types, and a length of 5/10/20 or a custom
 * number in `customCount`. Messages are catalog keys, translated by the action wrapper.
 */
const startQuizForm = z
  .object({
    factSetId: z.string({ error: "quiz.start.errors.factSet" }).min(1, { error: "quiz.start.errors.factSet" }).max(100),
    types: z.preprocess(checkedValues, z.array(z.enum(questionTypes), { error: "quiz.start.errors.types" }).min(1, { error: "quiz.start.errors.types" })),
    count: z.enum(["5", "10", "20", "custom"], { error: "quiz.start.errors.count" }),
    customCount: z.string().optional(),
  })
  .transform((form, context) => {
    const count = form.count === "custom" ? Number(form.customCount?.trim() || Number.NaN) : Number(form.count);
    if (!Number.isInteger(count) || count < 1 || count > maxQuizLength) {
      context.addIssue({ code: "custom", path: ["count"], message: "quiz.start.errors.count" });
      return z.NEVER;
    }
    return { factSetId: form.factSetId, types: form.types, count };
  });

/**
 * Starts a self-study quiz and opens it. No account is needed: a learner without a session
 * gets a guest one here.
 */
export const startQuiz = createAction({ access: "guest", input: startQuizForm }, async ({ input, user }) => {
  let quizId: string;
  try {
    quizId = (await createQuiz(user.id, { ...input, mode: "self" })).id;
  } catch (error) {
    if (error instanceof NotFoundError) return fail("quiz.start.errors.factSet", { errors: { factSetId: ["quiz.start.errors.factSet"] } });
    if (error instanceof ConflictError) return fail("quiz.start.errors.noQuestions", { errors: { types: ["quiz.start.errors.noQuestions"] } });
    throw error;
  }
  redirect(`/quiz/${quizId}`);
});

/** "Practise my mistakes again": a new quiz over the facts the learner got wrong, opened at once. */
export const practiseMistakes = createAction(
  { access: "user", input: z.object({ quizId: z.string().min(1).max(64) }) },
  async ({ input, user }) => {
    let practiceId: string;
    try {
      practiceId = (await createMistakesQuiz(user.id, input.quizId)).id;
    } catch (error) {
      if (error instanceof NotFoundError) return fail("quiz.summary.errors.notFound");
      if (error instanceof ConflictError) return fail("quiz.summary.errors.noMistakes");
      throw error;
    }
    redirect(`/quiz/${practiceId}`);
  },
);
