import { z } from "zod";
import { countLearnerAttemptsInClassesOf, exportAttempts, moveAttempts } from "./attempts";
import { db, scrubDeletedRows } from "./db";
import { ConflictError, NotFoundError, isRecordNotFound, isUniqueViolation } from "./errors";
import { splitStoredFactIds } from "./fact-sets";
import { isGuessablePassword } from "@/lib/passwords/strength";
import { findPasswordIssue, hashPassword, passwordMaxLength, verifyDummyPassword, verifyPassword } from "./passwords";
import { clearRateLimit, signInAccountKey } from "./rate-limits";
import { roles, sessionUserSelect, type SessionUser } from "./session";

/**
 * Accounts: sign-up, credentials, guest upgrade and merge, export and deletion.
 *
 * Every function is scoped by the acting user's id, and none returns the password hash:
 * results use `sessionUserSelect`, which leaves it out.
 *
 * Validation messages are message-catalog keys (messages/<locale>/auth.json), translated by
 * the action wrapper (lib/server/action.ts).
 */

// ── Input ────────────────────────────────────────────────────────────────────────────────

/** An email address as stored: trimmed and lower-cased, so one person has one account. */
export const emailInput = z
  .string({ error: "auth.errors.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "auth.errors.emailInvalid" })
  .pipe(z.email({ error: "auth.errors.emailInvalid" }));

/**
 * A new password: 10–200 characters (see passwords.ts) and not easily guessed (see
 * lib/passwords/strength.ts); "not the email" is checked with the e-mail by `refineNewPassword`.
 */
export const newPasswordInput = z.string({ error: "auth.errors.passwordTooShort" }).superRefine((password, context) => {
  const issue = findPasswordIssue(password);
  if (issue === "tooShort") context.addIssue({ code: "custom", message: "auth.errors.passwordTooShort" });
  if (issue === "tooLong") context.addIssue({ code: "custom", message: "auth.errors.passwordTooLong" });
});

/**
 * The rules that need the person's e-mail (and name): not the address itself, and not easily
 * guessed with the address and name counted as known words. Returns the message key of the
 * first rule broken (length rules included), or null.
 */
export function findNewPasswordIssue(password: string, { email, name }: { email?: string | null; name?: string | null } = {}): string | null {
  const issue = findPasswordIssue(password, email ?? undefined);
  if (issue === "tooShort") return "auth.errors.passwordTooShort";
  if (issue === "tooLong") return "auth.errors.passwordTooLong";
  if (issue === "sameAsEmail") return "auth.errors.passwordSameAsEmail";
  if (isGuessablePassword(password, [email ?? "", name ?? ""])) return "auth.errors.passwordGuessable";
  return null;
}

/**
 * `findNewPasswordIssue` as a zod refinement on an object with email, password and name. The
 * length rules are newPasswordInput's, on the field itself: not reported twice.
 */
export function refineNewPassword(
  { email, password, name }: { email?: string | null; password: string; name?: string | null },
  context: z.RefinementCtx,
  path: string = "password",
): void {
  if (typeof password !== "string" || findPasswordIssue(password) !== null) return;
  const issue = findNewPasswordIssue(password, { email, name });
  if (issue) context.addIssue({ code: "custom", path: [path], message: issue });
}

export const roleInput = z.enum(roles, { error: "auth.errors.roleInvalid" });

/** How a person is shown to their teachers: 1–80 characters, spaces collapsed. */
export const displayNameMaxLength = 80;
export const displayNameInput = z
  .string({ error: "auth.errors.nameInvalid" })
  .transform((name) => name.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "auth.errors.nameRequired" })
      .max(displayNameMaxLength, { error: "auth.errors.nameTooLong" })
      // No control or format characters (bidi overrides could disguise a name).
      .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), { error: "auth.errors.nameInvalid" }),
  );

/** An optional name (sign-up): an empty field means none. */
export const optionalDisplayNameInput = z
  .string()
  .optional()
  .transform((name) => (name?.trim() ? name : undefined))
  .pipe(displayNameInput.optional());

export const signUpInput = z
  .object({ email: emailInput, password: newPasswordInput, role: roleInput, displayName: optionalDisplayNameInput })
  .superRefine((input, context) => refineNewPassword({ ...input, name: input.displayName }, context));
export type SignUpInput = z.infer<typeof signUpInput>;

/** Sign-in checks no password rules (they may have changed since the account was made). */
export const signInInput = z.object({
  email: emailInput,
  password: z
    .string({ error: "auth.errors.passwordRequired" })
    .min(1, { error: "auth.errors.passwordRequired" })
    // Generous, but bounded: nobody should make the server hash megabytes.
    .max(passwordMaxLength * 4, { error: "auth.errors.invalidCredentials" }),
});
export type SignInInput = z.infer<typeof signInInput>;

// ── Accounts ─────────────────────────────────────────────────────────────────────────────

/** Thrown as ConflictError when an email already has an account. */
export const emailTakenMessage = "auth.errors.emailTaken";

/** Creates a new account. An email that already has one is a ConflictError, not a crash. */
export async function createAccount(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, passwordHash, role: input.role, isGuest: false, displayName: input.displayName ?? null },
      select: sessionUserSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(emailTakenMessage);
    throw error;
  }
}

/**
 * Turns the guest `guestId` into an account in place, so everything the guest did (quizzes,
 * answers, cards) simply stays theirs. Only a guest row can be upgraded.
 */
export async function upgradeGuest(guestId: string, input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.update({
      where: { id: guestId, isGuest: true },
      data: { email: input.email, passwordHash, role: input.role, isGuest: false, displayName: input.displayName ?? null },
      select: sessionUserSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(emailTakenMessage);
    if (isRecordNotFound(error)) throw new NotFoundError("guest");
    throw error;
  }
}

/**
 * The account with this email and password, or null. Unknown emails cost the same argon2
 * work as wrong passwords, so timing does not reveal which addresses have accounts.
 */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email, isGuest: false }, select: { ...sessionUserSelect, passwordHash: true } });
  if (!user?.passwordHash) return verifyDummyPassword(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _omitted, ...sessionUser } = user;
  return sessionUser;
}

export async function getAccount(userId: string): Promise<SessionUser & { createdAt: Date }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { ...sessionUserSelect, createdAt: true } });
  if (!user) throw new NotFoundError("user");
  return user;
}

export interface MergeSummary {
  quizzes: number;
  answers: number;
  answerFacts: number;
  cardStates: number;
  reviewLogs: number;
  settings: boolean;
  classMemberships: number;
}

/**
 * Signing in from a guest session: moves everything the guest made into the account, in one
 * transaction, then deletes the guest. Where both have a flashcard state for the same card
 * (or both have settings, or both are in the same class), the account's is kept: it is the
 * longer history. The guest's review logs move regardless, since they are evidence of what
 * was practised.
 */
export async function mergeGuestInto(guestId: string, accountId: string): Promise<MergeSummary> {
  if (guestId === accountId) throw new ConflictError("cannot merge a user into itself");
  return db.$transaction(async (tx) => {
    const guest = await tx.user.findFirst({ where: { id: guestId, isGuest: true }, select: { id: true } });
    if (!guest) throw new NotFoundError("guest");
    const account = await tx.user.findFirst({ where: { id: accountId, isGuest: false }, select: { id: true } });
    if (!account) throw new NotFoundError("account");

    const fromGuest = { userId: guestId };
    const toAccount = { userId: accountId };
    const moved = await moveAttempts(tx, guestId, accountId);
    const reviewLogs = await tx.reviewLog.updateMany({ where: fromGuest, data: toAccount });

    const guestCardIds = (await tx.cardState.findMany({ where: fromGuest, select: { cardId: true } })).map((card) => card.cardId);
    const accountCardIds = new Set(
      (await tx.cardState.findMany({ where: { userId: accountId, cardId: { in: guestCardIds } }, select: { cardId: true } })).map((card) => card.cardId),
    );
    const movableCardIds = guestCardIds.filter((cardId) => !accountCardIds.has(cardId));
    const cardStates = movableCardIds.length
      ? await tx.cardState.updateMany({ where: { userId: guestId, cardId: { in: movableCardIds } }, data: toAccount })
      : { count: 0 };

    const hasAccountSettings = (await tx.learnerSettings.count({ where: toAccount })) > 0;
    const settings = hasAccountSettings ? { count: 0 } : await tx.learnerSettings.updateMany({ where: fromGuest, data: toAccount });

    const guestClassIds = (await tx.classMember.findMany({ where: fromGuest, select: { classId: true } })).map((member) => member.classId);
    const accountClassIds = new Set(
      (await tx.classMember.findMany({ where: { userId: accountId, classId: { in: guestClassIds } }, select: { classId: true } })).map((member) => member.classId),
    );
    const movableClassIds = guestClassIds.filter((classId) => !accountClassIds.has(classId));
    const classMemberships = movableClassIds.length
      ? await tx.classMember.updateMany({ where: { userId: guestId, classId: { in: movableClassIds } }, data: toAccount })
      : { count: 0 };

    // The guest's sessions and whatever was not moved (duplicate cards, settings) go with it.
    await tx.user.delete({ where: { id: guestId } });

    return {
      quizzes: moved.quizzes,
      answers: moved.answers,
      answerFacts: moved.answerFacts,
      cardStates: cardStates.count,
      reviewLogs: reviewLogs.count,
      settings: settings.count > 0,
      classMemberships: classMemberships.count,
    };
  });
}

// ── Export ───────────────────────────────────────────────────────────────────────────────

/** JSON text columns are exported as the values they hold, not as strings of JSON. */
function parseJsonColumn(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Version 2: quizzes without seed, and without the answer key or grades the reveal rule withholds (./attempts/export.ts). */
export const exportFormat = { name: "faktum-export", version: 2 } as const;

/**
 * Everything Faktum stores about a user (GDPR Art. 15/20), as one JSON-ready object: profile
 * (no password hash), settings, quizzes with the learner's answers (never the answer key of an
 * unanswered or withheld question, see exportAttempts), per-fact answer records, flashcard states and review logs, class memberships and, for teachers, the classes
 * they teach. Sessions are left out: they are credentials, not personal data worth keeping.
 */
export async function exportUserData(userId: string, now = new Date()) {
  const profile = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, role: true, isGuest: true, locale: true, createdAt: true, updatedAt: true },
  });
  if (!profile) throw new NotFoundError("user");
  const owner = { userId };

  const [settings, attempts, cardStates, reviewLogs, memberships, classesTaught] = await Promise.all([
    db.learnerSettings.findUnique({ where: owner, select: { desiredRetention: true, newCardsPerDay: true } }),
    exportAttempts(userId, now),
    db.cardState.findMany({ where: owner, orderBy: { cardId: "asc" } }),
    db.reviewLog.findMany({ where: owner, orderBy: { reviewedAt: "asc" } }),
    db.classMember.findMany({ where: owner, include: { class: { select: { id: true, name: true } } }, orderBy: { joinedAt: "asc" } }),
    db.class.findMany({
      where: { teacherId: userId },
      orderBy: { createdAt: "asc" },
      include: { assignments: { orderBy: { createdAt: "asc" } }, _count: { select: { members: true } } },
    }),
  ]);

  return {
    format: exportFormat.name,
    version: exportFormat.version,
    exportedAt: now.toISOString(),
    profile,
    settings,
    quizzes: attempts.quizzes,
    answerFacts: attempts.answerFacts,
    cardStates: cardStates.map(({ userId: _owner, ...card }) => card),
    reviewLogs: reviewLogs.map(({ userId: _owner, factIds, previousState, log, ...review }) => ({
      ...review,
      factIds: splitStoredFactIds(factIds),
      previousState: parseJsonColumn(previousState),
      log: parseJsonColumn(log),
    })),
    classMemberships: memberships.map(({ class: joined, joinedAt, removedAt }) => ({ class: joined, joinedAt, removedAt })),
    classesTaught: classesTaught.map(({ teacherId: _owner, assignments, _count, ...taught }) => ({
      ...taught,
      memberCount: _count.members,
      assignments: assignments.map(({ classId: _class, questionTypes, ...assignment }) => ({ ...assignment, questionTypes: parseJsonColumn(questionTypes) })),
    })),
  };
}
export type UserExport = Awaited<ReturnType<typeof exportUserData>>;

// ── Deletion ─────────────────────────────────────────────────────────────────────────────

/** The words that confirm deletion without the password (German UI, English UI). */
export const deletionConfirmationWords = ["LÖSCHEN", "DELETE"] as const;

/** Deletion is confirmed by typing "LÖSCHEN" (or "DELETE") or the account's password. */
export async function isDeletionConfirmed(userId: string, confirmation: string): Promise<boolean> {
  const typed = confirmation.trim();
  if ((deletionConfirmationWords as readonly string[]).includes(typed.toLocaleUpperCase("de"))) return true;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return !!user?.passwordHash && typed.length > 0 && (await verifyPassword(user.passwordHash, confirmation));
}

export const teacherHasClassesMessage = "auth.errors.deleteTeacherWithClasses";

/**
 * Deletes a user and, through the schema's cascades, everything they own: sessions, quizzes,
 * answers, cards, reviews, settings, memberships, and the classes they teach. A teacher whose
 * assignments learners have already attempted is refused (ConflictError): the cascade
 * Class → Assignment → Quiz would delete those attempts, which are the learners' data, not
 * the teacher's. (Until classes can be handed over, the operators have to step in.)
 */
export async function deleteUser(userId: string): Promise<void> {
  const email = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new NotFoundError("user");
    const learnersAttempts = await countLearnerAttemptsInClassesOf(tx, userId);
    if (learnersAttempts > 0) throw new ConflictError(teacherHasClassesMessage);
    await tx.user.delete({ where: { id: userId } });
    return user.email;
  });
  // The sign-in counter's key holds the email address: personal data that goes with the account.
  if (email) await clearRateLimit(signInAccountKey(email));
  await scrubDeletedRows();
}
