import { randomBytes } from "node:crypto";
import {
  type AccountTokenPurpose,
  type TokenState,
  encodeLinkSecret,
  formatLinkToken,
  generateResetCode,
  getTokenExpiry,
  getTokenState,
  hashSecret,
  isSecretMatch,
  normalizeResetCode,
  parseLinkToken,
} from "@/lib/account-tokens/secrets";
import { assertLearnerInClassOf } from "./classes";
import { db } from "./db";
import { ConflictError, NotFoundError, isUniqueViolation } from "./errors";
import { hashPassword } from "./passwords";
import { deleteOtherSessions, deleteUserSessions } from "./session";
import { emailTakenMessage, findNewPasswordIssue } from "./users";

/**
 * The AccountToken table's owner: one-time secrets that let a person act on their account
 * without their password. Rules (lib/account-tokens/secrets.ts): only a hash is stored, a
 * secret works once and only until it expires (reset link 30 minutes, class code and e-mail
 * confirmation 24 hours), and it is compared in constant time.
 *
 * Using a secret is one conditional update (`usedAt: null` → now): two requests with the same
 * link cannot both succeed, on either database.
 */

export type LinkCheck = TokenState | "invalid";

/** A reset link for the account with this e-mail, or null when there is none (the caller says nothing). */
export async function issuePasswordResetLink(email: string, now = new Date()): Promise<{ token: string; userId: string; email: string } | null> {
  const user = await db.user.findUnique({ where: { email, isGuest: false }, select: { id: true, email: true, passwordHash: true } });
  if (!user?.email || !user.passwordHash) return null;
  const token = await issueLinkToken(user.id, "password-reset", now);
  return { token, userId: user.id, email: user.email };
}

async function issueLinkToken(userId: string, purpose: AccountTokenPurpose, now: Date, extra: { newEmail?: string } = {}): Promise<string> {
  const secret = encodeLinkSecret(randomBytes(32));
  const row = await db.accountToken.create({
    data: { userId, purpose, secretHash: hashSecret(secret), expiresAt: getTokenExpiry(purpose, now), newEmail: extra.newEmail ?? null },
    select: { id: true },
  });
  return formatLinkToken(row.id, secret);
}

async function findLinkToken(token: unknown, purpose: AccountTokenPurpose) {
  const parsed = parseLinkToken(token);
  if (!parsed) return null;
  const row = await db.accountToken.findUnique({ where: { id: parsed.id } });
  if (!row || row.purpose !== purpose || !isSecretMatch(row.secretHash, parsed.secret)) return null;
  return row;
}

/** What a link is worth right now, for the page it opens (no change is made). */
export async function checkLinkToken(token: unknown, purpose: "password-reset" | "email-change", now = new Date()): Promise<LinkCheck> {
  const row = await findLinkToken(token, purpose);
  return row ? getTokenState(row, now) : "invalid";
}

/** An e-mail confirmation link's state and the address it would confirm (for its page). */
export async function checkEmailChangeLink(token: unknown, now = new Date()): Promise<{ state: LinkCheck; newEmail: string | null }> {
  const row = await findLinkToken(token, "email-change");
  return row ? { state: getTokenState(row, now), newEmail: row.newEmail } : { state: "invalid", newEmail: null };
}

export type ResetResult = { ok: true; userId: string } | { ok: false; reason: LinkCheck | "password"; message: string };

const linkMessages: Record<Exclude<LinkCheck, "valid">, string> = {
  invalid: "auth.reset.errors.linkInvalid",
  expired: "auth.reset.errors.linkExpired",
  used: "auth.reset.errors.linkUsed",
};

/**
 * Sets a new password with a reset link. The new password must pass sign-up's rules; then the
 * link is used up, every other reset secret of the account too, and every session ends (the
 * caller signs this browser in).
 */
export async function resetPasswordWithLink(token: unknown, newPassword: string, now = new Date()): Promise<ResetResult> {
  const row = await findLinkToken(token, "password-reset");
  const state: LinkCheck = row ? getTokenState(row, now) : "invalid";
  if (!row || state !== "valid") return { ok: false, reason: state, message: linkMessages[state as Exclude<LinkCheck, "valid">] };
  return setPasswordWithToken(row.id, row.userId, newPassword, now);
}

async function setPasswordWithToken(tokenId: string, userId: string, newPassword: string, now: Date): Promise<ResetResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, displayName: true } });
  if (!user) return { ok: false, reason: "invalid", message: linkMessages.invalid };
  const issue = findNewPasswordIssue(newPassword, { email: user.email, name: user.displayName });
  if (issue) return { ok: false, reason: "password", message: issue };
  const passwordHash = await hashPassword(newPassword);
  const isUsed = await db.$transaction(async (tx) => {
    const { count } = await tx.accountToken.updateMany({ where: { id: tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) return false;
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    // A new password makes every other way back in stale.
    await tx.accountToken.updateMany({ where: { userId, purpose: { in: ["password-reset", "class-reset"] }, usedAt: null }, data: { usedAt: now } });
    return true;
  });
  if (!isUsed) return { ok: false, reason: "used", message: linkMessages.used };
  await deleteUserSessions(userId);
  return { ok: true, userId };
}

/**
 * A one-time reset code for a learner of the teacher's own class (NotFoundError otherwise).
 * Returned once, in clear; only its hash is kept. An earlier unused code of the same learner
 * stops working, so the code on the latest slip of paper is the one that counts.
 */
export async function issueClassResetCode(teacherId: string, classId: string, learnerId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  await assertLearnerInClassOf(teacherId, classId, learnerId);
  const learner = await db.user.findUnique({ where: { id: learnerId }, select: { isGuest: true, email: true } });
  if (!learner || learner.isGuest || !learner.email) throw new NotFoundError(`learner ${learnerId}`);
  const code = generateResetCode((count) => randomBytes(count));
  const expiresAt = getTokenExpiry("class-reset", now);
  await db.$transaction([
    db.accountToken.updateMany({ where: { userId: learnerId, purpose: "class-reset", usedAt: null }, data: { usedAt: now } }),
    db.accountToken.create({ data: { userId: learnerId, purpose: "class-reset", secretHash: hashSecret(code), expiresAt, issuedById: teacherId } }),
  ]);
  return { code, expiresAt };
}

/**
 * Sets a new password with a teacher's code for the account with this e-mail. An unknown
 * address, a wrong code and a used or expired one all get the same answer, so the form tells
 * nobody which addresses have accounts; the caller rate-limits the attempts.
 */
export async function resetPasswordWithCode(email: string, code: string, newPassword: string, now = new Date()): Promise<ResetResult> {
  const wrongCode: ResetResult = { ok: false, reason: "invalid", message: "auth.reset.errors.codeInvalid" };
  const normalized = normalizeResetCode(code);
  const user = await db.user.findUnique({ where: { email, isGuest: false }, select: { id: true } });
  const rows = user ? await db.accountToken.findMany({ where: { userId: user.id, purpose: "class-reset", usedAt: null, expiresAt: { gt: now } } }) : [];
  // Every candidate is compared (no early exit), each in constant time.
  const matches = normalized ? rows.filter((row) => isSecretMatch(row.secretHash, normalized)) : [];
  if (!user || matches.length === 0) return wrongCode;
  const result = await setPasswordWithToken(matches[0].id, user.id, newPassword, now);
  return result.ok || result.reason === "password" ? result : wrongCode;
}

/**
 * Starts an e-mail change: a link for the new address, or ConflictError when that address
 * already has an account. The address changes only when the link is followed.
 */
export async function requestEmailChange(userId: string, newEmail: string, now = new Date()): Promise<{ token: string }> {
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) throw new ConflictError(taken.id === userId ? "auth.emailChange.errors.sameEmail" : emailTakenMessage);
  return { token: await issueLinkToken(userId, "email-change", now, { newEmail }) };
}

export type EmailChangeResult =
  | { ok: true; userId: string; oldEmail: string; newEmail: string }
  | { ok: false; reason: LinkCheck | "taken"; message: string };

/**
 * Confirms an e-mail change with the link sent to the new address. Every session of the
 * account ends except `keepSessionToken` (the confirming browser, when it is the account's
 * own), and so do open reset links, which went to the old address.
 */
export async function confirmEmailChange(token: unknown, keepSessionToken: string | undefined, now = new Date()): Promise<EmailChangeResult> {
  const row = await findLinkToken(token, "email-change");
  const state: LinkCheck = row ? getTokenState(row, now) : "invalid";
  if (!row?.newEmail || state !== "valid") {
    const reason = state === "valid" ? "invalid" : state;
    return { ok: false, reason, message: linkMessages[reason] };
  }
  const newEmail = row.newEmail;
  try {
    const oldEmail = await db.$transaction(async (tx) => {
      const { count } = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count === 0) return null;
      const before = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } });
      await tx.user.update({ where: { id: row.userId }, data: { email: newEmail } });
      await tx.accountToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
      return before.email ?? "";
    });
    if (oldEmail === null) return { ok: false, reason: "used", message: linkMessages.used };
    if (keepSessionToken) await deleteOtherSessions(row.userId, keepSessionToken);
    else await deleteUserSessions(row.userId);
    return { ok: true, userId: row.userId, oldEmail, newEmail };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken", message: emailTakenMessage };
    throw error;
  }
}

/** Housekeeping: expired and used rows are refused anyway, this keeps the table small. */
export async function deleteStaleAccountTokens(olderThanMs: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - olderThanMs);
  const { count } = await db.accountToken.deleteMany({ where: { OR: [{ expiresAt: { lte: before } }, { usedAt: { lte: before } }] } });
  return count;
}
