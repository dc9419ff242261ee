import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("classes");
const { db } = await import("./db");
const { ConflictError, NotFoundError } = await import("./errors");
const classes = await import("./classes");
const {
  createClass,
  findClassByJoinCode,
  getLearnerClass,
  getTeacherClass,
  joinClass,
  listLearnerClasses,
  listTeacherClasses,
  regenerateJoinCode,
  removeLearner,
  renameClass,
  restoreLearner,
  setClassArchived,
} = classes;

let counter = 0;
async function createUser(role: "learner" | "teacher", name?: string) {
  counter += 1;
  return db.user.create({
    data: { role, isGuest: false, email: `${role}${counter}@example.test`, displayName: name ?? null },
    select: { id: true, role: true },
  });
}

describe("classes of a teacher", () => {
  it("creates a class with an 8-character code and lists only the teacher's own", async () => {
    const teacher = await createUser("teacher");
    const other = await createUser("teacher");
    const created = await createClass(teacher.id, { name: "  Klasse 9b " });
    expect(created.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    await createClass(other.id, { name: "Fremde Klasse" });

    const list = await listTeacherClasses(teacher.id);
    expect(list.map((c) => c.name)).toEqual(["Klasse 9b"]);
    await expect(getTeacherClass(other.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(renameClass(other.id, created.id, "Gekapert")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setClassArchived(other.id, created.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(regenerateJoinCode(other.id, created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getTeacherClass(teacher.id, created.id)).name).toBe("Klasse 9b");
  });

  it("validates names", async () => {
    const teacher = await createUser("teacher");
    await expect(createClass(teacher.id, { name: "   " })).rejects.toThrow();
    await expect(createClass(teacher.id, { name: "x".repeat(81) })).rejects.toThrow();
  });

  it("renames, archives, restores and issues a new code", async () => {
    const teacher = await createUser("teacher");
    const { id, joinCode } = await createClass(teacher.id, { name: "Alt" });
    await renameClass(teacher.id, id, "Neu");
    await setClassArchived(teacher.id, id, true, new Date("2026-03-01T00:00:00Z"));
    let found = await getTeacherClass(teacher.id, id);
    expect(found).toMatchObject({ name: "Neu", archivedAt: new Date("2026-03-01T00:00:00Z") });
    await setClassArchived(teacher.id, id, false);
    const fresh = await regenerateJoinCode(teacher.id, id);
    expect(fresh).not.toBe(joinCode);
    found = await getTeacherClass(teacher.id, id);
    expect(found.joinCode).toBe(fresh);
  });
});

describe("joining", () => {
  it("lets a learner join with the code, however typed, once", async () => {
    const teacher = await createUser("teacher", "Frau Berg");
    const learner = await createUser("learner", "Ada");
    const { id, joinCode } = await createClass(teacher.id, { name: "7a" });
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)} `;

    expect(await findClassByJoinCode(learner.id, typed)).toEqual({ id, name: "7a", teacherName: "Frau Berg", membership: "none" });
    expect(await joinClass(learner, typed)).toBe(id);
    expect(await joinClass(learner, joinCode)).toBe(id);
    expect(await db.classMember.count({ where: { classId: id } })).toBe(1);
    expect((await findClassByJoinCode(learner.id, joinCode))?.membership).toBe("member");
    expect((await listLearnerClasses(learner.id)).map((c) => c.id)).toEqual([id]);
    expect(await getLearnerClass(learner.id, id)).toMatchObject({ name: "7a", teacherName: "Frau Berg" });
    expect((await getTeacherClass(teacher.id, id)).roster).toMatchObject([{ userId: learner.id, name: "Ada", removedAt: null }]);
  });

  it("refuses wrong codes, teachers and archived classes", async () => {
    const teacher = await createUser("teacher");
    const learner = await createUser("learner");
    const { id, joinCode } = await createClass(teacher.id, { name: "8c" });
    await expect(joinClass(learner, "AAAA-AAAA")).rejects.toBeInstanceOf(NotFoundError);
    await expect(joinClass(learner, "0O1IL")).rejects.toBeInstanceOf(NotFoundError);
    await expect(joinClass(teacher, joinCode)).rejects.toBeInstanceOf(ConflictError);
    await setClassArchived(teacher.id, id, true);
    await expect(joinClass(learner, joinCode)).rejects.toBeInstanceOf(NotFoundError);
    expect(await findClassByJoinCode(learner.id, joinCode)).toBeNull();
  });

  it("keeps a removed learner out until the teacher restores them", async () => {
    const teacher = await createUser("teacher");
    const learner = await createUser("learner");
    const { id, joinCode } = await createClass(teacher.id, { name: "10a" });
    await joinClass(learner, joinCode);
    await removeLearner(teacher.id, id, learner.id, new Date("2026-03-02T00:00:00Z"));

    expect(await listLearnerClasses(learner.id)).toEqual([]);
    await expect(getLearnerClass(learner.id, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(joinClass(learner, joinCode)).rejects.toThrow(classes.classMessages.removed);
    expect((await findClassByJoinCode(learner.id, joinCode))?.membership).toBe("removed");
    expect((await getTeacherClass(teacher.id, id)).roster[0]?.removedAt).toEqual(new Date("2026-03-02T00:00:00Z"));
    await expect(removeLearner(teacher.id, id, learner.id)).rejects.toBeInstanceOf(NotFoundError);

    await restoreLearner(teacher.id, id, learner.id);
    expect((await listLearnerClasses(learner.id)).map((c) => c.id)).toEqual([id]);
  });

  it("lets only the class's teacher remove or restore learners", async () => {
    const teacher = await createUser("teacher");
    const stranger = await createUser("teacher");
    const learner = await createUser("learner");
    const { id, joinCode } = await createClass(teacher.id, { name: "11b" });
    await joinClass(learner, joinCode);
    await expect(removeLearner(stranger.id, id, learner.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreLearner(stranger.id, id, learner.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listLearnerClasses(learner.id)).length).toBe(1);
  });

  it("never hands out the same code twice over many classes", async () => {
    const teacher = await createUser("teacher");
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) codes.add((await createClass(teacher.id, { name: `K${i}` })).joinCode);
    expect(codes.size).toBe(50);
  });
});
