import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, failDeletesOf } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("users");
const { db } = await import("./db");
const { ConflictError, NotFoundError } = await import("./errors");
const { createSession, hashSessionToken, validateSessionToken } = await import("./session");
const { recordFailedSignIn, signInAccountKey } = await import("./rate-limits");
const users = await import("./users");
const {
  createAccount,
  deleteUser,
  emailInput,
  exportUserData,
  getAccount,
  isDeletionConfirmed,
  mergeGuestInto,
  signUpInput,
  upgradeGuest,
  verifyCredentials,
} = users;

const password = "a long enough password";
let emailCounter = 0;
const freshEmail = (name = "user") => `${name}-${++emailCounter}@example.org`;
const signUp = (overrides: Partial<{ email: string; password: string; role: "learner" | "teacher" }> = {}) => ({
  email: freshEmail(),
  password,
  role: "learner" as const,
  ...overrides,
});

async function createGuest(): Promise<string> {
  return (await db.user.create({ data: { isGuest: true }, select: { id: true } })).id;
}

/** One finished quiz with one answered question, as the quiz engine would leave it. */
async function createAnsweredQuiz(userId: string, factId = "de-1957") {
  const quiz = await db.quiz.create({
    data: {
      userId,
      factSetId: "eu",
      factSetVersion: 1,
      settings: JSON.stringify({ types: ["single"], count: 1 }),
      seed: "seed",
      questionCount: 1,
      status: "finished",
      currentIndex: 1,
      correctCount: 1,
      score: 1,
      questions: { create: { position: 0, type: "single", kind: "single", spec: JSON.stringify({ kind: "single", answer: "1957" }), factIds: factId } },
    },
    include: { questions: true },
  });
  const answer = await db.answer.create({
    data: {
      quizId: quiz.id,
      quizQuestionId: quiz.questions[0].id,
      userId,
      questionType: "single",
      kind: "single",
      response: JSON.stringify({ kind: "single", value: "1957" }),
      correct: true,
      score: 1,
      durationMs: 4000,
      facts: { create: { userId, factSetId: "eu", factId, correct: true, answeredAt: new Date("2026-03-01T10:00:00Z") } },
    },
  });
  return { quiz, answer };
}

function cardState(userId: string, cardId: string, reps: number) {
  return {
    userId,
    cardId,
    factSetId: "eu",
    due: new Date("2026-03-02T10:00:00Z"),
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 1,
    reps,
    lapses: 0,
    state: 1,
  };
}

function reviewLog(userId: string, cardId: string) {
  return { userId, cardId, factSetId: "eu", factIds: "de-1957", grade: 3, reviewedAt: new Date("2026-03-01T11:00:00Z"), log: JSON.stringify({ rating: 3 }) };
}

/** How many rows of each user-owned table belong to userId. */
async function countOwnedRows(userId: string) {
  const owner = { userId };
  return {
    users: await db.user.count({ where: { id: userId } }),
    sessions: await db.session.count({ where: owner }),
    quizzes: await db.quiz.count({ where: owner }),
    answers: await db.answer.count({ where: owner }),
    answerFacts: await db.answerFact.count({ where: owner }),
    cardStates: await db.cardState.count({ where: owner }),
    reviewLogs: await db.reviewLog.count({ where: owner }),
    settings: await db.learnerSettings.count({ where: owner }),
    memberships: await db.classMember.count({ where: owner }),
    classesTaught: await db.class.count({ where: { teacherId: userId } }),
  };
}

let teacherId: string;
let classId: string;
beforeAll(async () => {
  teacherId = (await createAccount(signUp({ role: "teacher" }))).id;
  classId = (await db.class.create({ data: { teacherId, name: "10b", joinCode: "JOIN-10B" } })).id;
});

describe("input", () => {
  it("normalises emails: trimmed, lower-cased", () => {
    expect(emailInput.parse("  Ada.Lovelace@Example.ORG ")).toBe("ada.lovelace@example.org");
  });

  it("refuses what is not an email, with a message key", () => {
    for (const email of ["", "ada", "ada@", "@example.org", "ada example@example.org", `${"a".repeat(250)}@example.org`]) {
      const result = emailInput.safeParse(email);
      expect(result.success, email).toBe(false);
      expect(result.error?.issues[0].message).toBe("auth.errors.emailInvalid");
    }
  });

  it("checks the password rules at sign-up and names the field", () => {
    const issues = (input: unknown) => signUpInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ email: "ada@example.org", password: "short", role: "learner" })).toEqual([["password", "auth.errors.passwordTooShort"]]);
    expect(issues({ email: "ada@example.org", password: "x".repeat(201), role: "learner" })).toEqual([["password", "auth.errors.passwordTooLong"]]);
    expect(issues({ email: "Ada@Example.org", password: "ada@example.org", role: "learner" })).toEqual([["password", "auth.errors.passwordSameAsEmail"]]);
    expect(issues({ email: "ada@example.org", password: "password12", role: "learner" })).toEqual([["password", "auth.errors.passwordGuessable"]]);
    expect(issues({ email: "ada@example.org", password: "1234567890", role: "learner" })).toEqual([["password", "auth.errors.passwordGuessable"]]);
    expect(issues({ email: "ada@example.org", password, role: "admin" })).toEqual([["role", "auth.errors.roleInvalid"]]);
    expect(issues({ email: "nope", password: "short", role: "learner" })).toEqual([
      ["email", "auth.errors.emailInvalid"],
      ["password", "auth.errors.passwordTooShort"],
    ]);
    expect(signUpInput.parse({ email: " Ada@Example.org", password, role: "teacher" })).toEqual({ email: "ada@example.org", password, role: "teacher" });
  });

  it("takes an optional name at sign-up, tidied, and counts it against the password", () => {
    const base = { email: "ada@example.org", password, role: "learner" };
    expect(signUpInput.parse({ ...base, displayName: "" }).displayName).toBeUndefined();
    expect(signUpInput.parse({ ...base, displayName: "  Ada   Lovelace " }).displayName).toBe("Ada Lovelace");
    expect(signUpInput.safeParse({ ...base, displayName: "x".repeat(81) }).error?.issues.map((issue) => issue.message)).toEqual(["auth.errors.nameTooLong"]);
    expect(signUpInput.safeParse({ ...base, displayName: "Ada Lovelace", password: "lovelace2024" }).error?.issues[0]?.message).toBe("auth.errors.passwordGuessable");
  });
});

describe("createAccount", () => {
  it("creates a non-guest account with an argon2id hash, and never returns the hash", async () => {
    const input = signUp({ role: "teacher" });
    const account = await createAccount(input);
    expect(account).toEqual({ id: expect.any(String), email: input.email, displayName: null, role: "teacher", isGuest: false });
    const stored = await db.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);
  });

  it("turns a duplicate email into a ConflictError with a message key", async () => {
    const input = signUp();
    await createAccount(input);
    const duplicate = createAccount({ ...input, password: "another long password" });
    await expect(duplicate).rejects.toBeInstanceOf(ConflictError);
    await expect(duplicate).rejects.toThrow("auth.errors.emailTaken");
  });
});

describe("verifyCredentials", () => {
  it("returns the account for the right password, without the hash", async () => {
    const input = signUp();
    const account = await createAccount(input);
    const verified = await verifyCredentials(input.email, password);
    expect(verified).toEqual(account);
    expect(verified).not.toHaveProperty("passwordHash");
  });

  it("returns null for a wrong password and for an unknown email", async () => {
    const input = signUp();
    await createAccount(input);
    expect(await verifyCredentials(input.email, "a wrong but long password")).toBeNull();
    expect(await verifyCredentials(freshEmail("unknown"), password)).toBeNull();
  });

  it("costs an unknown email about as much as a wrong password (a dummy hash is checked)", async () => {
    const input = signUp();
    await createAccount(input);
    const median = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2];
    };
    await verifyCredentials(freshEmail("warm-up"), password);
    const wrongPassword = await median(() => verifyCredentials(input.email, "a wrong but long password"));
    const unknownEmail = await median(() => verifyCredentials(freshEmail("unknown"), password));
    // Without the dummy check an unknown email would answer from one indexed lookup, ~1 ms.
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.4);
  });

  it("never signs in a guest row", async () => {
    const guestId = await createGuest();
    await db.user.update({ where: { id: guestId }, data: { email: freshEmail("guest") } });
    const { email } = await db.user.findUniqueOrThrow({ where: { id: guestId } });
    expect(await verifyCredentials(email!, password)).toBeNull();
  });
});

describe("upgradeGuest", () => {
  it("turns the guest row itself into the account, keeping its progress", async () => {
    const guestId = await createGuest();
    const { quiz } = await createAnsweredQuiz(guestId);
    const input = signUp({ role: "teacher" });
    const account = await upgradeGuest(guestId, input);
    expect(account).toEqual({ id: guestId, email: input.email, displayName: null, role: "teacher", isGuest: false });
    expect((await db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).userId).toBe(guestId);
    expect(await verifyCredentials(input.email, password)).toEqual(account);
  });

  it("only upgrades guests", async () => {
    const account = await createAccount(signUp());
    await expect(upgradeGuest(account.id, signUp())).rejects.toBeInstanceOf(NotFoundError);
    await expect(upgradeGuest("no-such-user", signUp())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("leaves the guest untouched when the email is taken", async () => {
    const taken = signUp();
    await createAccount(taken);
    const guestId = await createGuest();
    await expect(upgradeGuest(guestId, { ...taken, email: taken.email })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.user.findUniqueOrThrow({ where: { id: guestId } })).toMatchObject({ isGuest: true, email: null, passwordHash: null });
  });
});

describe("mergeGuestInto", () => {
  it("moves the guest's progress into the account in one go and deletes the guest", async () => {
    const guestId = await createGuest();
    const accountId = (await createAccount(signUp())).id;
    const guestSession = await createSession(guestId);
    const { quiz: guestQuiz, answer: guestAnswer } = await createAnsweredQuiz(guestId, "fr-1957");
    await createAnsweredQuiz(accountId, "de-1957");
    await db.cardState.createMany({ data: [cardState(guestId, "only-guest", 1), cardState(guestId, "both", 1), cardState(accountId, "both", 7)] });
    await db.reviewLog.createMany({ data: [reviewLog(guestId, "only-guest"), reviewLog(guestId, "both")] });
    await db.learnerSettings.create({ data: { userId: guestId, desiredRetention: 0.8 } });
    await db.classMember.create({ data: { classId, userId: guestId } });

    const summary = await mergeGuestInto(guestId, accountId);

    expect(summary).toEqual({ quizzes: 1, answers: 1, answerFacts: 1, cardStates: 1, reviewLogs: 2, settings: true, classMemberships: 1 });
    expect(await countOwnedRows(guestId)).toEqual({
      users: 0, sessions: 0, quizzes: 0, answers: 0, answerFacts: 0, cardStates: 0, reviewLogs: 0, settings: 0, memberships: 0, classesTaught: 0,
    });
    expect(await countOwnedRows(accountId)).toMatchObject({ quizzes: 2, answers: 2, answerFacts: 2, cardStates: 2, reviewLogs: 2, settings: 1, memberships: 1 });
    expect((await db.quiz.findUniqueOrThrow({ where: { id: guestQuiz.id } })).userId).toBe(accountId);
    expect((await db.answer.findUniqueOrThrow({ where: { id: guestAnswer.id } })).userId).toBe(accountId);
    // Where both had a card, the account's (longer) history wins.
    expect((await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: accountId, cardId: "both" } } })).reps).toBe(7);
    expect((await db.learnerSettings.findUniqueOrThrow({ where: { userId: accountId } })).desiredRetention).toBe(0.8);
    expect(await validateSessionToken(guestSession.token)).toBeNull();
  });

  it("keeps the account's settings and memberships where both have them", async () => {
    const guestId = await createGuest();
    const accountId = (await createAccount(signUp())).id;
    await db.learnerSettings.create({ data: { userId: guestId, desiredRetention: 0.8 } });
    await db.learnerSettings.create({ data: { userId: accountId, desiredRetention: 0.95 } });
    await db.classMember.create({ data: { classId, userId: guestId } });
    await db.classMember.create({ data: { classId, userId: accountId } });

    const summary = await mergeGuestInto(guestId, accountId);

    expect(summary).toMatchObject({ settings: false, classMemberships: 0 });
    expect((await db.learnerSettings.findUniqueOrThrow({ where: { userId: accountId } })).desiredRetention).toBe(0.95);
    expect(await db.classMember.count({ where: { userId: accountId } })).toBe(1);
    expect(await db.user.count({ where: { id: guestId } })).toBe(0);
  });

  it("is one transaction: a failure at the last step leaves both users as they were", async () => {
    const guestId = await createGuest();
    await createAnsweredQuiz(guestId);
    await db.cardState.create({ data: cardState(guestId, "card-1", 1) });
    const accountId = (await createAccount(signUp())).id;
    // Make the final step (deleting the guest) fail, after everything else has been moved.
    const restore = await failDeletesOf(db, "User", guestId);
    try {
      await expect(mergeGuestInto(guestId, accountId)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await countOwnedRows(guestId)).toMatchObject({ users: 1, quizzes: 1, answers: 1, answerFacts: 1, cardStates: 1 });
    expect(await countOwnedRows(accountId)).toMatchObject({ quizzes: 0, answers: 0, answerFacts: 0, cardStates: 0 });
  });

  it("merges only a guest into an account, and changes nothing otherwise", async () => {
    const guestId = await createGuest();
    await createAnsweredQuiz(guestId);
    const accountId = (await createAccount(signUp())).id;
    const otherAccountId = (await createAccount(signUp())).id;
    const otherGuestId = await createGuest();

    await expect(mergeGuestInto(otherAccountId, accountId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeGuestInto(guestId, otherGuestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeGuestInto(guestId, "no-such-user")).rejects.toBeInstanceOf(NotFoundError);
    await expect(mergeGuestInto(guestId, guestId)).rejects.toBeInstanceOf(ConflictError);
    expect(await countOwnedRows(guestId)).toMatchObject({ users: 1, quizzes: 1, answers: 1, answerFacts: 1 });
  });
});

describe("exportUserData", () => {
  it("contains the user's own data, JSON columns parsed, and no secrets", async () => {
    const input = signUp();
    const { id: userId } = await createAccount(input);
    const { quiz } = await createAnsweredQuiz(userId);
    await db.cardState.create({ data: cardState(userId, "card-1", 2) });
    await db.reviewLog.create({ data: reviewLog(userId, "card-1") });
    await db.learnerSettings.create({ data: { userId, newCardsPerDay: 5 } });
    await db.classMember.create({ data: { classId, userId } });
    await createSession(userId);
    const strangerId = (await createAccount(signUp())).id;
    await createAnsweredQuiz(strangerId);

    const data = await exportUserData(userId, new Date("2026-03-05T12:00:00Z"));

    expect(data).toMatchObject({ format: "faktum-export", version: 2, exportedAt: "2026-03-05T12:00:00.000Z" });
    expect(data.profile).toMatchObject({ id: userId, email: input.email, role: "learner", isGuest: false });
    expect(data.settings).toEqual({ desiredRetention: 0.9, newCardsPerDay: 5 });
    expect(data.quizzes).toHaveLength(1);
    expect(data.quizzes[0]).toMatchObject({ id: quiz.id, settings: { types: ["single"], count: 1 }, status: "finished" });
    expect(data.quizzes[0]).not.toHaveProperty("seed");
    expect(data.quizzes[0].questions[0]).toMatchObject({ position: 0, spec: { kind: "single", answer: "1957" }, factIds: ["de-1957"] });
    expect(data.quizzes[0].questions[0].answer).toMatchObject({ correct: true, response: { kind: "single", value: "1957" } });
    expect(data.answerFacts).toHaveLength(1);
    expect(data.cardStates.map((card) => card.cardId)).toEqual(["card-1"]);
    expect(data.reviewLogs[0]).toMatchObject({ cardId: "card-1", factIds: ["de-1957"], log: { rating: 3 }, previousState: null });
    expect(data.classMemberships).toEqual([{ class: { id: classId, name: "10b" }, joinedAt: expect.any(Date), removedAt: null }]);
    expect(data.classesTaught).toEqual([]);

    const json = JSON.stringify(data);
    expect(json).not.toMatch(/passwordHash|\$argon2/);
    expect(json).not.toContain(strangerId);
  });

  it("lists a teacher's classes", async () => {
    const data = await exportUserData(teacherId);
    expect(data.classesTaught).toEqual([expect.objectContaining({ id: classId, name: "10b", memberCount: expect.any(Number), assignments: [] })]);
  });

  it("is a NotFoundError for a user who does not exist", async () => {
    await expect(exportUserData("no-such-user")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("account deletion", () => {
  it("is confirmed by LÖSCHEN/DELETE (any case) or the password, nothing else", async () => {
    const { id } = await createAccount(signUp());
    for (const confirmation of ["LÖSCHEN", " löschen ", "DELETE", "delete", password]) expect(await isDeletionConfirmed(id, confirmation), confirmation).toBe(true);
    for (const confirmation of ["", "   ", "LOESCHEN", "ja", "a wrong but long password"]) expect(await isDeletionConfirmed(id, confirmation), confirmation).toBe(false);
  });

  it("deletes the user and everything they own, and nobody else's", async () => {
    const input = signUp();
    const { id: userId } = await createAccount(input);
    const { token } = await createSession(userId);
    await createAnsweredQuiz(userId);
    await db.cardState.create({ data: cardState(userId, "card-1", 2) });
    await db.reviewLog.create({ data: reviewLog(userId, "card-1") });
    await db.learnerSettings.create({ data: { userId } });
    await db.classMember.create({ data: { classId, userId } });
    await recordFailedSignIn(input.email, "192.0.2.1");
    const bystanderId = (await createAccount(signUp())).id;
    await createAnsweredQuiz(bystanderId);

    await deleteUser(userId);

    expect(await countOwnedRows(userId)).toEqual({
      users: 0, sessions: 0, quizzes: 0, answers: 0, answerFacts: 0, cardStates: 0, reviewLogs: 0, settings: 0, memberships: 0, classesTaught: 0,
    });
    expect(await db.session.count({ where: { id: hashSessionToken(token) } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: signInAccountKey(input.email) } })).toBe(0);
    expect(await countOwnedRows(bystanderId)).toMatchObject({ users: 1, quizzes: 1, answers: 1 });
    expect(await verifyCredentials(input.email, password)).toBeNull();
    await expect(getAccount(userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteUser(userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a teacher whose assignments learners have attempted (their results would cascade away)", async () => {
    const { id: learnerId } = await createAccount(signUp());
    const assignment = await db.assignment.create({
      data: { classId, title: "Gründung", factSetId: "eu", questionTypes: "[]", questionCount: 1, seed: "s", opensAt: new Date(), dueAt: new Date() },
    });
    const attempt = await createAnsweredQuiz(learnerId);
    await db.quiz.update({ where: { id: attempt.quiz.id }, data: { assignmentId: assignment.id, mode: "assignment" } });

    await expect(deleteUser(teacherId)).rejects.toThrow("auth.errors.deleteTeacherWithClasses");
    expect(await db.user.count({ where: { id: teacherId } })).toBe(1);
    expect(await db.quiz.count({ where: { id: attempt.quiz.id } })).toBe(1);

    // Classes with members but no attempts go with their teacher.
    const { id: otherTeacherId } = await createAccount(signUp({ role: "teacher" }));
    const otherClass = await db.class.create({ data: { teacherId: otherTeacherId, name: "leer", joinCode: "JOIN-EMPTY" } });
    await db.classMember.create({ data: { classId: otherClass.id, userId: learnerId } });
    await deleteUser(otherTeacherId);
    expect(await countOwnedRows(otherTeacherId)).toMatchObject({ users: 0, classesTaught: 0 });
    expect(await db.user.count({ where: { id: learnerId } })).toBe(1);
  });
});
