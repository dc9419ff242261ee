import { randomBytes } from "node:crypto";
import { z } from "zod";
import { countAttemptsLeft, decideStart, type StartDecision, type StartRefusal } from "../assignments/attempt-rules";
import {
  type AssignmentStatus,
  type AssignmentVariant,
  type RevealPolicy,
  type ScoringPolicy,
  assignmentVariants,
  isAssignmentVariant,
  isRevealPolicy,
  isScoringPolicy,
  maxAssignmentQuestions,
  maxAttemptsAllowed,
  maxTimeLimitMinutes,
  revealPolicies,
  scoringPolicies,
} from "../assignments/policies";
import { scoreAttempts } from "../assignments/scoring";
import { getAssignmentStatus } from "../assignments/status";
import { computeDeadline, getEffectiveDeadline, getRemainingMs, settleAttempt } from "../assignments/time-limit";
import { getAttemptSeed } from "../assignments/variant";
import { generateQuestions } from "../questions/generate-questions";
import { type QuestionType, questionTypes } from "../questions/types";
import { listAttemptRows, listAttemptRowsByAssignment, type AttemptRow } from "./attempts/attempt-rows";
import { filterRevealedAttempts, settleExpiredAttempts } from "./attempts/assignment-rules";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { getAssignableFactSet } from "./fact-sets";
import { createQuiz } from "./attempts/quizzes";

/**
 * Assignments: a teacher sets practice for a class; learners start, resume and submit
 * attempts (Quiz rows with mode "assignment"). Every function takes the acting user's id and
 * scopes by it: a teacher reaches only assignments of classes they teach, a learner only
 * those of classes they are (still) in, and only their own attempts. Anything else is
 * NotFoundError (→ 404).
 *
 * Rules held here (the pure ones live in lib/assignments/):
 * - a learner starts an attempt only as a current member of an active class, not before
 *   `opensAt`, not after `dueAt` unless late work is accepted, and never beyond
 *   `attemptsAllowed`; an open attempt is resumed instead (on any device). The check and the
 *   new attempt are one transaction, serialised per learner by a write to their membership
 *   row first, so two simultaneous starts cannot both get the last attempt;
 * - the attempt's questions come from the assignment's seed ("same") or a per-learner seed
 *   ("individual"); its deadline is start + time limit, on the server's clock;
 * - reading lists settles attempts whose deadline has passed (lib/server/attempts/assignment-rules.ts).
 */

export const assignmentMessages: Record<StartRefusal, string> & Record<"noQuestions" | "tooFewQuestions" | "archived", string> = {
  not_open: "classes.errors.notOpenYet",
  closed: "classes.errors.closed",
  no_attempts_left: "classes.errors.noAttemptsLeft",
  noQuestions: "classes.errors.noQuestions",
  tooFewQuestions: "classes.errors.tooFewQuestions",
  archived: "classes.errors.archived",
};

// ── Input ────────────────────────────────────────────────────────────────────────────────

/** A form value that may be absent or empty: both mean "not given". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A checkbox: "on" when ticked, absent when not. */
const checkboxInput = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** An instant with its offset (the form converts the learner's local time to ISO before sending). */
const instantInput = (message: string) => z.iso.datetime({ offset: true, error: message }).transform((value) => new Date(value));

/**
 * A new assignment as the teacher's form sends it. `now` decides what "in the future" means
 * for the due date (a clock argument, so tests can move it).
 */
export function assignmentInput(now: Date) {
  return z
    .object({
      classId: z.string().min(1).max(64),
      title: z
        .string({ error: "classes.errors.titleRequired" })
        .trim()
        .min(1, { error: "classes.errors.titleRequired" })
        .max(120, { error: "classes.errors.titleTooLong" }),
      factSetId: z.string({ error: "classes.errors.factSetRequired" }).min(1, { error: "classes.errors.factSetRequired" }).max(100),
      questionTypes: z.preprocess(
        (value) => (typeof value === "string" ? [value] : (value ?? [])),
        z
          .array(z.enum(questionTypes, { error: "classes.errors.typesRequired" }))
          .min(1, { error: "classes.errors.typesRequired" })
          .transform((types) => [...new Set(types)]),
      ),
      questionCount: z.coerce
        .number({ error: "classes.errors.countRange" })
        .int({ error: "classes.errors.countRange" })
        .min(1, { error: "classes.errors.countRange" })
        .max(maxAssignmentQuestions, { error: "classes.errors.countRange" }),
      variant: z.enum(assignmentVariants, { error: "classes.errors.invalidChoice" }),
      opensAt: instantInput("classes.errors.opensAtRequired"),
      dueAt: instantInput("classes.errors.dueAtRequired"),
      attemptsAllowed: z.coerce
        .number({ error: "classes.errors.attemptsRange" })
        .int({ error: "classes.errors.attemptsRange" })
        .min(1, { error: "classes.errors.attemptsRange" })
        .max(maxAttemptsAllowed, { error: "classes.errors.attemptsRange" }),
      scoringPolicy: z.enum(scoringPolicies, { error: "classes.errors.invalidChoice" }),
      timeLimitMinutes: z.preprocess(
        emptyToUndefined,
        z.coerce
          .number({ error: "classes.errors.timeLimitRange" })
          .int({ error: "classes.errors.timeLimitRange" })
          .min(1, { error: "classes.errors.timeLimitRange" })
          .max(maxTimeLimitMinutes, { error: "classes.errors.timeLimitRange" })
          .optional(),
      ),
      revealPolicy: z.enum(revealPolicies, { error: "classes.errors.invalidChoice" }),
      acceptLate: checkboxInput,
    })
    .superRefine((input, context) => {
      // Runs even when a date failed to parse (zod 4 keeps checking): compare only real dates.
      if (!(input.dueAt instanceof Date) || !(input.opensAt instanceof Date)) return;
      if (input.dueAt.getTime() <= input.opensAt.getTime()) {
        context.addIssue({ code: "custom", path: ["dueAt"], message: "classes.errors.dueBeforeOpen" });
      } else if (input.dueAt.getTime() <= now.getTime()) {
        context.addIssue({ code: "custom", path: ["dueAt"], message: "classes.errors.dueInPast" });
      }
    });
}
export type AssignmentInput = z.input<ReturnType<typeof assignmentInput>>;

// ── Teacher ──────────────────────────────────────────────────────────────────────────────

/**
 * Creates an assignment in one of the teacher's active classes, with a fresh seed, from the
 * form's raw input (parsed here: a ZodError names the field at fault). The
 * settings must yield the number of questions asked for (checked with the seed itself, so
 * a "same" assignment is known to work for everyone). NotFoundError for another teacher's
 * class; ConflictError for an archived one.
 */
export async function createAssignment(teacherId: string, input: AssignmentInput | Record<string, unknown>, now: Date = new Date()): Promise<{ id: string }> {
  const data = assignmentInput(now).parse(input);
  const owned = await db.class.findFirst({ where: { id: data.classId, teacherId }, select: { archivedAt: true } });
  if (!owned) throw new NotFoundError(`class ${data.classId}`);
  if (owned.archivedAt) throw new ConflictError(assignmentMessages.archived);

  const factSet = await getAssignableFactSet(teacherId, data.factSetId);
  const seed = randomBytes(8).toString("hex");
  const possible = generateQuestions(factSet, { seed, count: data.questionCount, types: data.questionTypes }).length;
  if (possible === 0) throw fieldError("questionTypes", assignmentMessages.noQuestions);
  if (possible < data.questionCount) throw fieldError("questionCount", assignmentMessages.tooFewQuestions);

  return db.assignment.create({
    data: {
      classId: data.classId,
      title: data.title,
      factSetId: data.factSetId,
      questionTypes: JSON.stringify(data.questionTypes),
      questionCount: data.questionCount,
      variant: data.variant,
      seed,
      opensAt: data.opensAt,
      dueAt: data.dueAt,
      attemptsAllowed: data.attemptsAllowed,
      scoringPolicy: data.scoringPolicy,
      timeLimitSeconds: data.timeLimitMinutes === undefined ? null : data.timeLimitMinutes * 60,
      revealPolicy: data.revealPolicy,
      acceptLate: data.acceptLate,
    },
    select: { id: true },
  });
}

/** A field error in the same shape zod gives, so the action wrapper shows it beside the field. */
function fieldError(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}

/** An assignment's settings, as stored, parsed. */
export interface AssignmentSettings {
  id: string;
  classId: string;
  title: string;
  factSetId: string;
  questionTypes: QuestionType[];
  questionCount: number;
  variant: AssignmentVariant;
  opensAt: Date;
  dueAt: Date;
  attemptsAllowed: number;
  scoringPolicy: ScoringPolicy;
  timeLimitSeconds: number | null;
  revealPolicy: RevealPolicy;
  acceptLate: boolean;
  createdAt: Date;
}

export const assignmentSettingsSelect = {
  id: true,
  classId: true,
  title: true,
  factSetId: true,
  questionTypes: true,
  questionCount: true,
  variant: true,
  opensAt: true,
  dueAt: true,
  attemptsAllowed: true,
  scoringPolicy: true,
  timeLimitSeconds: true,
  revealPolicy: true,
  acceptLate: true,
  createdAt: true,
} as const;

interface AssignmentRow {
  id: string;
  classId: string;
  title: string;
  factSetId: string;
  questionTypes: string;
  questionCount: number;
  variant: string;
  opensAt: Date;
  dueAt: Date;
  attemptsAllowed: number;
  scoringPolicy: string;
  timeLimitSeconds: number | null;
  revealPolicy: string;
  acceptLate: boolean;
  createdAt: Date;
}

/** A stored row as typed settings; unknown values (a hand-edited row) fall back to the strictest reading. */
export function parseAssignmentRow(row: AssignmentRow): AssignmentSettings {
  let types: QuestionType[] = [];
  try {
    const parsed = JSON.parse(row.questionTypes) as unknown;
    types = Array.isArray(parsed) ? parsed.filter((t): t is QuestionType => (questionTypes as readonly string[]).includes(t)) : [];
  } catch {
    types = [];
  }
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    factSetId: row.factSetId,
    questionTypes: types,
    questionCount: row.questionCount,
    variant: isAssignmentVariant(row.variant) ? row.variant : "same",
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    attemptsAllowed: row.attemptsAllowed,
    scoringPolicy: isScoringPolicy(row.scoringPolicy) ? row.scoringPolicy : "best",
    timeLimitSeconds: row.timeLimitSeconds,
    revealPolicy: isRevealPolicy(row.revealPolicy) ? row.revealPolicy : "after_due",
    acceptLate: row.acceptLate,
    createdAt: row.createdAt,
  };
}

/** One assignment of a class the teacher teaches; NotFoundError otherwise. */
export async function getTeacherAssignment(teacherId: string, assignmentId: string): Promise<AssignmentSettings & { className: string }> {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, class: { teacherId } },
    select: { ...assignmentSettingsSelect, class: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError(`assignment ${assignmentId}`);
  return { ...parseAssignmentRow(row), className: row.class.name };
}

/** Deletes an assignment of the teacher's, with every attempt at it (the schema cascades). */
export async function deleteAssignment(teacherId: string, assignmentId: string): Promise<void> {
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, class: { teacherId } } });
  if (count === 0) throw new NotFoundError(`assignment ${assignmentId}`);
}

// ── Learner ──────────────────────────────────────────────────────────────────────────────

/** What the learner can do next on an assignment. */
export type LearnerAction =
  | { kind: "resume"; quizId: string; position: number; questionCount: number; remainingMs: number | null }
  | { kind: "start"; attemptNumber: number; isLate: boolean }
  | { kind: "refused"; reason: StartRefusal };

export interface LearnerAssignment extends AssignmentSettings {
  className: string;
  status: AssignmentStatus;
  /** The score that counts (scoring policy), 0..1; null before anything is submitted. */
  score: number | null;
  attemptsUsed: number;
  attemptsLeft: number;
  action: LearnerAction;
  /** The most recent submitted attempt, for its summary. */
  lastFinishedQuizId: string | null;
}

function describeLearnerAssignment(settings: AssignmentSettings, className: string, rows: AttemptRow[], now: Date): LearnerAssignment {
  const attempts = rows.map((a) => settleAttempt(a, settings, now));
  const decision: StartDecision = decideStart(attempts, settings, now);
  let action: LearnerAction;
  if (decision.kind === "resume") {
    const open = attempts.find((a) => a.attemptNumber === decision.attemptNumber)!;
    action = {
      kind: "resume",
      quizId: open.id,
      position: open.currentIndex,
      questionCount: open.questionCount,
      remainingMs: getRemainingMs(getEffectiveDeadline(open, settings), now),
    };
  } else action = decision;
  const finished = attempts.filter((a) => a.status !== "in_progress").sort((a, b) => b.attemptNumber - a.attemptNumber);
  return {
    ...settings,
    className,
    status: getAssignmentStatus(attempts, settings, now),
    // Null while the reveal policy withholds every counted attempt's grade.
    score: scoreAttempts(settings.scoringPolicy, filterRevealedAttempts(attempts, settings, now)).score,
    attemptsUsed: attempts.length,
    attemptsLeft: countAttemptsLeft(attempts, settings.attemptsAllowed),
    action,
    lastFinishedQuizId: finished[0]?.id ?? null,
  };
}

/** Where a learner's visible assignments are: classes they are in (not removed) that are not archived. */
function visibleToLearner(userId: string) {
  return { class: { archivedAt: null, members: { some: { userId, removedAt: null } } } };
}

/**
 * The learner's assignments across their classes, each with status, counted score and what
 * they can do next; open ones first (by due date), then submitted and missed ones (latest
 * due first). Attempts whose time ran out are finished first.
 */
export async function listLearnerAssignments(userId: string, now: Date = new Date(), options: { classId?: string } = {}): Promise<LearnerAssignment[]> {
  await settleExpiredAttempts({ userId }, now);
  const rows = await db.assignment.findMany({
    where: { ...visibleToLearner(userId), ...(options.classId ? { classId: options.classId } : {}) },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: { ...assignmentSettingsSelect, class: { select: { name: true } } },
  });
  const attempts = await listAttemptRowsByAssignment({ assignmentIds: rows.map((row) => row.id), userId });
  const items = rows.map((row) => describeLearnerAssignment(parseAssignmentRow(row), row.class.name, attempts.get(row.id)!, now));
  const isDone = (a: LearnerAssignment) => a.action.kind === "refused" && a.action.reason !== "not_open";
  return [...items.filter((a) => !isDone(a)), ...items.filter(isDone).reverse()];
}

/** One of the learner's assignments; NotFoundError if it is not in a class they are in. */
export async function getLearnerAssignment(userId: string, assignmentId: string, now: Date = new Date()): Promise<LearnerAssignment> {
  await settleExpiredAttempts({ userId, assignmentId }, now);
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, ...visibleToLearner(userId) },
    select: { ...assignmentSettingsSelect, class: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError(`assignment ${assignmentId}`);
  return describeLearnerAssignment(parseAssignmentRow(row), row.class.name, await listAttemptRows({ assignmentId, userId }), now);
}

/**
 * Starts (or resumes) the learner's attempt at an assignment and returns the quiz to play.
 *
 * All in one transaction that first writes the learner's membership row: that write both
 * proves the membership (no row: NotFoundError, exactly as for an assignment that does not
 * exist) and serialises concurrent starts by the same learner (a row lock in PostgreSQL,
 * the single writer in SQLite), so the attempts counted next are all there are.
 * Refusals (not open yet, closed, no attempts left) are ConflictErrors with a message key.
 */
export async function startAssignmentAttempt(userId: string, assignmentId: string, now: Date = new Date()): Promise<{ quizId: string; isResumed: boolean }> {
  return db.$transaction(async (tx) => {
    const locked = await tx.classMember.updateMany({
      where: { userId, removedAt: null, class: { archivedAt: null, assignments: { some: { id: assignmentId } } } },
      data: { removedAt: null },
    });
    if (locked.count === 0) throw new NotFoundError(`assignment ${assignmentId}`);

    const row = await tx.assignment.findFirst({ where: { id: assignmentId, ...visibleToLearner(userId) }, select: { ...assignmentSettingsSelect, seed: true } });
    if (!row) throw new NotFoundError(`assignment ${assignmentId}`);
    const settings = parseAssignmentRow(row);

    await settleExpiredAttempts({ userId, assignmentId }, now, tx);
    const attempts = await listAttemptRows({ assignmentId, userId }, tx);
    const decision = decideStart(attempts, settings, now);
    if (decision.kind === "resume") {
      return { quizId: attempts.find((a) => a.attemptNumber === decision.attemptNumber)!.id, isResumed: true };
    }
    if (decision.kind === "refused") throw new ConflictError(assignmentMessages[decision.reason]);

    const quiz = await createQuiz(
      userId,
      { factSetId: settings.factSetId, types: settings.questionTypes, count: settings.questionCount },
      now,
      {
        client: tx,
        seed: getAttemptSeed(settings.variant, row.seed, userId),
        assignmentId,
        attemptNumber: decision.attemptNumber,
        deadlineAt: computeDeadline(now, settings.timeLimitSeconds),
      },
    );
    return { quizId: quiz.id, isResumed: false };
  });
}
