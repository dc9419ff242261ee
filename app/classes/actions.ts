"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { createAssignment, deleteAssignment, startAssignmentAttempt } from "@/lib/server/assignments";
import {
  classMessages,
  classNameInput,
  createClass,
  joinClass,
  joinCodeInput,
  regenerateJoinCode,
  removeLearner,
  renameClass,
  restoreLearner,
  setClassArchived,
} from "@/lib/server/classes";
import { NotFoundError } from "@/lib/server/errors";
import { setDisplayName } from "@/lib/server/account-settings";
import { optionalDisplayNameInput } from "@/lib/server/users";

/**
 * Server actions of classes and assignments. Each goes through createAction (session re-read,
 * role check, zod parse, typed failure state); the data layer scopes everything by the acting
 * user again, so a hand-made request for someone else's class is "not found".
 */

const id = z.string().min(1).max(64);

// ── Teacher ──────────────────────────────────────────────────────────────────────────────

export const createClassAction = createAction(
  { access: "teacher", input: z.object({ name: classNameInput }), echo: ["name"] },
  async ({ input, user }) => {
    const created = await createClass(user.id, input);
    redirect(`/classes/${created.id}`);
  },
);

export const renameClassAction = createAction(
  { access: "teacher", input: z.object({ classId: id, name: classNameInput }), echo: ["name"] },
  async ({ input, user }) => {
    await renameClass(user.id, input.classId, input.name);
    revalidatePath(`/classes/${input.classId}`);
    return { name: input.name };
  },
);

export const setClassArchivedAction = createAction(
  { access: "teacher", input: z.object({ classId: id, archive: z.enum(["true", "false"]) }) },
  async ({ input, user }) => {
    await setClassArchived(user.id, input.classId, input.archive === "true");
    revalidatePath(`/classes/${input.classId}`);
    revalidatePath("/classes");
    return { isArchived: input.archive === "true" };
  },
);

export const regenerateJoinCodeAction = createAction({ access: "teacher", input: z.object({ classId: id }) }, async ({ input, user }) => {
  const joinCode = await regenerateJoinCode(user.id, input.classId);
  revalidatePath(`/classes/${input.classId}`);
  return { joinCode };
});

export const removeLearnerAction = createAction(
  { access: "teacher", input: z.object({ classId: id, learnerId: id }) },
  async ({ input, user }) => {
    await removeLearner(user.id, input.classId, input.learnerId);
    revalidatePath(`/classes/${input.classId}`);
    return { learnerId: input.learnerId };
  },
);

export const restoreLearnerAction = createAction(
  { access: "teacher", input: z.object({ classId: id, learnerId: id }) },
  async ({ input, user }) => {
    await restoreLearner(user.id, input.classId, input.learnerId);
    revalidatePath(`/classes/${input.classId}`);
    return { learnerId: input.learnerId };
  },
);

/** The assignment form's fields, echoed back on failure so nothing typed is lost. */
const assignmentEcho = [
  "title",
  "factSetId",
  "questionCount",
  "variant",
  "opensAt",
  "dueAt",
  "attemptsAllowed",
  "scoringPolicy",
  "timeLimitMinutes",
  "revealPolicy",
  "acceptLate",
] as const;

export const createAssignmentAction = createAction(
  // The schema depends on the clock ("due in the future"), so it is built per request in the data layer.
  { access: "teacher", input: z.looseObject({ classId: id }), echo: assignmentEcho },
  async ({ input, user }) => {
    const created = await createAssignment(user.id, input);
    revalidatePath(`/classes/${input.classId}`);
    redirect(`/classes/${input.classId}/assignments/${created.id}`);
  },
);

export const deleteAssignmentAction = createAction(
  { access: "teacher", input: z.object({ classId: id, assignmentId: id }) },
  async ({ input, user }) => {
    await deleteAssignment(user.id, input.assignmentId);
    revalidatePath(`/classes/${input.classId}`);
    redirect(`/classes/${input.classId}`);
  },
);

// ── Learner ──────────────────────────────────────────────────────────────────────────────

/**
 * Joins a class. A class asks for a name: a learner who has none yet gives it here (the form
 * shows the field only then), and it is saved to the account before joining.
 */
export const joinClassAction = createAction(
  { access: "account", input: z.object({ code: joinCodeInput, displayName: optionalDisplayNameInput }), echo: ["code", "displayName"] },
  async ({ input, user }) => {
  if (!user.displayName?.trim()) {
    if (!input.displayName) return fail("classes.join.nameNeeded", { errors: { displayName: ["classes.join.nameNeeded"] } });
    await setDisplayName(user.id, input.displayName);
  }
  let classId: string;
  try {
    classId = await joinClass(user, input.code);
  } catch (error) {
    // A code that matches no class is the code's fault: say so beside the field.
    if (error instanceof NotFoundError) return fail(classMessages.invalidCode, { errors: { code: [classMessages.invalidCode] } });
    throw error;
  }
  revalidatePath("/classes");
  redirect(`/classes/${classId}`);
  },
);

/** Starts the learner's next attempt, or resumes the open one, and opens it. */
export const startAssignmentAction = createAction({ access: "account", input: z.object({ assignmentId: id }) }, async ({ input, user }) => {
  const { quizId } = await startAssignmentAttempt(user.id, input.assignmentId);
  redirect(`/quiz/${encodeURIComponent(quizId)}`);
});
