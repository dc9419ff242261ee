import { randomBytes } from "node:crypto";
import { z } from "zod";
import { generateJoinCode, isJoinCodeFormat, normaliseJoinCode } from "../assignments/join-code";
import { db } from "./db";
import { ConflictError, NotFoundError, isUniqueViolation } from "./errors";

/**
 * Classes and their members. Every function takes the acting user's id and scopes its
 * queries by it: a teacher's functions find only classes they teach, a learner's only
 * classes they are (still) a member of. Anything else is "not found" (→ 404), so nobody can
 * learn that another teacher's class exists.
 *
 * Rules held here:
 * - only learners join, with the class's join code; joining twice changes nothing;
 * - a learner the teacher removed cannot rejoin with the code (the teacher can restore them);
 * - an archived class takes no new members and no new work (it stays readable for its teacher);
 * - join codes are unguessable (see lib/assignments/join-code.ts) and unique (retried on a collision).
 */

export const classMessages = {
  invalidCode: "classes.errors.invalidCode",
  teacherCannotJoin: "classes.errors.teacherCannotJoin",
  removed: "classes.errors.removedFromClass",
  archived: "classes.errors.archived",
} as const;

export const classNameInput = z
  .string({ error: "classes.errors.nameRequired" })
  .trim()
  .min(1, { error: "classes.errors.nameRequired" })
  .max(80, { error: "classes.errors.nameTooLong" });

export const createClassInput = z.object({ name: classNameInput });
export const renameClassInput = z.object({ classId: z.string().min(1).max(64), name: classNameInput });

/** A join code as typed: normalised, then it must look like one. */
export const joinCodeInput = z
  .string({ error: classMessages.invalidCode })
  .max(40, { error: classMessages.invalidCode })
  .transform(normaliseJoinCode)
  .refine(isJoinCodeFormat, { error: classMessages.invalidCode });

/** A person as others in the class see them: the display name, else the email. */
export function personName(user: { displayName: string | null; email: string | null }): string {
  return user.displayName?.trim() || user.email || "—";
}

// ── Teacher ──────────────────────────────────────────────────────────────────────────────

export interface TeacherClassListItem {
  id: string;
  name: string;
  joinCode: string;
  archivedAt: Date | null;
  createdAt: Date;
  learnerCount: number;
  assignmentCount: number;
}

/** Creates a class with a fresh join code; a (vanishingly rare) code collision is retried. */
export async function createClass(teacherId: string, input: z.input<typeof createClassInput>): Promise<{ id: string; joinCode: string }> {
  const { name } = createClassInput.parse(input);
  for (let tries = 0; ; tries++) {
    try {
      return await db.class.create({ data: { teacherId, name, joinCode: generateJoinCode(randomBytes) }, select: { id: true, joinCode: true } });
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 4) throw error;
    }
  }
}

/** The teacher's classes, active first, then archived; newest first within each. */
export async function listTeacherClasses(teacherId: string): Promise<TeacherClassListItem[]> {
  const rows = await db.class.findMany({
    where: { teacherId },
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      createdAt: true,
      _count: { select: { members: { where: { removedAt: null } }, assignments: true } },
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      joinCode: row.joinCode,
      archivedAt: row.archivedAt,
      createdAt: row.createdAt,
      learnerCount: row._count.members,
      assignmentCount: row._count.assignments,
    }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
}

export interface RosterEntry {
  userId: string;
  name: string;
  email: string | null;
  joinedAt: Date;
  removedAt: Date | null;
}

export interface TeacherClass {
  id: string;
  name: string;
  joinCode: string;
  archivedAt: Date | null;
  createdAt: Date;
  /** Current members first (by name), then removed ones. */
  roster: RosterEntry[];
}

/** One of the teacher's classes with its roster; NotFoundError for anyone else's. */
export async function getTeacherClass(teacherId: string, classId: string): Promise<TeacherClass> {
  const row = await db.class.findFirst({
    where: { id: classId, teacherId },
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      createdAt: true,
      members: { select: { userId: true, joinedAt: true, removedAt: true, user: { select: { displayName: true, email: true } } } },
    },
  });
  if (!row) throw new NotFoundError(`class ${classId}`);
  const roster = row.members
    .map((m) => ({ userId: m.userId, name: personName(m.user), email: m.user.email, joinedAt: m.joinedAt, removedAt: m.removedAt }))
    .sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null) || a.name.localeCompare(b.name));
  return { id: row.id, name: row.name, joinCode: row.joinCode, archivedAt: row.archivedAt, createdAt: row.createdAt, roster };
}

/** Throws NotFoundError unless the teacher teaches the class; returns whether it is archived. */
export async function assertTeacherOwnsClass(teacherId: string, classId: string): Promise<{ isArchived: boolean; name: string }> {
  const row = await db.class.findFirst({ where: { id: classId, teacherId }, select: { archivedAt: true, name: true } });
  if (!row) throw new NotFoundError(`class ${classId}`);
  return { isArchived: row.archivedAt !== null, name: row.name };
}

/**
 * Throws NotFoundError unless `learnerId` is a current (not removed) member of a class that
 * `teacherId` teaches: the check before a teacher acts on one learner's account (a reset code).
 */
export async function assertLearnerInClassOf(teacherId: string, classId: string, learnerId: string): Promise<void> {
  const member = await db.classMember.findFirst({ where: { classId, userId: learnerId, removedAt: null, class: { teacherId } }, select: { userId: true } });
  if (!member) throw new NotFoundError(`learner ${learnerId} in class ${classId}`);
}

export async function renameClass(teacherId: string, classId: string, name: string): Promise<void> {
  const parsed = classNameInput.parse(name);
  const { count } = await db.class.updateMany({ where: { id: classId, teacherId }, data: { name: parsed } });
  if (count === 0) throw new NotFoundError(`class ${classId}`);
}

/**
 * Archives (or restores) a class. Archived: learners no longer see it or its assignments,
 * nobody can join, and no attempt can be started or answered; the teacher keeps the
 * gradebook and exports.
 */
export async function setClassArchived(teacherId: string, classId: string, isArchived: boolean, now: Date = new Date()): Promise<void> {
  const { count } = await db.class.updateMany({ where: { id: classId, teacherId }, data: { archivedAt: isArchived ? now : null } });
  if (count === 0) throw new NotFoundError(`class ${classId}`);
}

/** A new join code for the class; the old one stops working at once. */
export async function regenerateJoinCode(teacherId: string, classId: string): Promise<string> {
  await assertTeacherOwnsClass(teacherId, classId);
  for (let tries = 0; ; tries++) {
    const joinCode = generateJoinCode(randomBytes);
    try {
      await db.class.updateMany({ where: { id: classId, teacherId }, data: { joinCode } });
      return joinCode;
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 4) throw error;
    }
  }
}

/**
 * Removes a learner from the class: they lose sight of it, cannot start its assignments
 * and cannot answer an attempt still open. Their past attempts stay in the gradebook.
 */
export async function removeLearner(teacherId: string, classId: string, learnerId: string, now: Date = new Date()): Promise<void> {
  await assertTeacherOwnsClass(teacherId, classId);
  const { count } = await db.classMember.updateMany({ where: { classId, userId: learnerId, removedAt: null, class: { teacherId } }, data: { removedAt: now } });
  if (count === 0) throw new NotFoundError(`learner ${learnerId} in class ${classId}`);
}

/** Takes a removed learner back into the class. */
export async function restoreLearner(teacherId: string, classId: string, learnerId: string): Promise<void> {
  await assertTeacherOwnsClass(teacherId, classId);
  const { count } = await db.classMember.updateMany({ where: { classId, userId: learnerId, removedAt: { not: null }, class: { teacherId } }, data: { removedAt: null } });
  if (count === 0) throw new NotFoundError(`removed learner ${learnerId} in class ${classId}`);
}

// ── Learner ──────────────────────────────────────────────────────────────────────────────

export interface JoinableClass {
  id: string;
  name: string;
  teacherName: string;
  /** The acting user's standing: already in it, removed from it, or not yet a member. */
  membership: "member" | "removed" | "none";
}

/**
 * The class behind a join code, for the join page to name before joining. Null for a code
 * that matches no active class (archived classes take nobody).
 */
export async function findClassByJoinCode(userId: string, code: string): Promise<JoinableClass | null> {
  const parsed = joinCodeInput.safeParse(code);
  if (!parsed.success) return null;
  const row = await db.class.findFirst({
    where: { joinCode: parsed.data, archivedAt: null },
    select: {
      id: true,
      name: true,
      teacher: { select: { displayName: true, email: true } },
      members: { where: { userId }, select: { removedAt: true } },
    },
  });
  if (!row) return null;
  const member = row.members[0];
  return { id: row.id, name: row.name, teacherName: personName(row.teacher), membership: member ? (member.removedAt ? "removed" : "member") : "none" };
}

/**
 * Joins the class with this code and returns its id. Only learners join (a teacher gets a
 * ConflictError); a wrong code or an archived class is NotFoundError; a learner the teacher
 * removed is refused; a member joining again changes nothing.
 */
export async function joinClass(user: { id: string; role: string }, code: string, now: Date = new Date()): Promise<string> {
  if (user.role !== "learner") throw new ConflictError(classMessages.teacherCannotJoin);
  const parsed = joinCodeInput.safeParse(code);
  if (!parsed.success) throw new NotFoundError(`class with code ${code}`);
  return db.$transaction(async (tx) => {
    const row = await tx.class.findFirst({
      where: { joinCode: parsed.data, archivedAt: null },
      select: { id: true, members: { where: { userId: user.id }, select: { removedAt: true } } },
    });
    if (!row) throw new NotFoundError(`class with code ${parsed.data}`);
    const member = row.members[0];
    if (member?.removedAt) throw new ConflictError(classMessages.removed);
    if (!member) {
      try {
        await tx.classMember.create({ data: { classId: row.id, userId: user.id, joinedAt: now } });
      } catch (error) {
        // A double submit raced us to it: already a member, which is what was asked.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return row.id;
  });
}

export interface LearnerClassListItem {
  id: string;
  name: string;
  teacherName: string;
  joinedAt: Date;
}

/** The classes the learner is in (not removed, not archived), by name. */
export async function listLearnerClasses(userId: string): Promise<LearnerClassListItem[]> {
  const rows = await db.classMember.findMany({
    where: { userId, removedAt: null, class: { archivedAt: null } },
    select: { joinedAt: true, class: { select: { id: true, name: true, teacher: { select: { displayName: true, email: true } } } } },
  });
  return rows
    .map((m) => ({ id: m.class.id, name: m.class.name, teacherName: personName(m.class.teacher), joinedAt: m.joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One class the learner is in; NotFoundError otherwise (removed, archived, never joined). */
export async function getLearnerClass(userId: string, classId: string): Promise<LearnerClassListItem> {
  const row = await db.classMember.findFirst({
    where: { classId, userId, removedAt: null, class: { archivedAt: null } },
    select: { joinedAt: true, class: { select: { id: true, name: true, teacher: { select: { displayName: true, email: true } } } } },
  });
  if (!row) throw new NotFoundError(`class ${classId}`);
  return { id: row.class.id, name: row.class.name, teacherName: personName(row.class.teacher), joinedAt: row.joinedAt };
}
