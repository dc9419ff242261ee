import { z } from "zod";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { hashPassword, passwordMaxLength, verifyPassword } from "./passwords";
import { deleteUserSessions } from "./session";
import { displayNameInput, findNewPasswordIssue, newPasswordInput } from "./users";

/**
 * What a signed-in person changes about their own account: display name and password. Scoped
 * by the acting user's id; the User table's owner stays users.ts, this file only updates the
 * two columns it names.
 */

export const displayNameChangeInput = z.object({ displayName: displayNameInput });

/** Sets the name the person's teachers see. Returns the stored form. */
export async function setDisplayName(userId: string, displayName: string): Promise<string> {
  const name = displayNameInput.parse(displayName);
  const { count } = await db.user.updateMany({ where: { id: userId, isGuest: false }, data: { displayName: name } });
  if (count === 0) throw new NotFoundError("user");
  return name;
}

/** The current password (checked, never rule-checked) and a new one with sign-up's rules. */
export const passwordChangeInput = z.object({
    currentPassword: z
      .string({ error: "auth.errors.passwordRequired" })
      .min(1, { error: "auth.errors.passwordRequired" })
      .max(passwordMaxLength * 4, { error: "auth.errors.currentPasswordWrong" }),
  newPassword: newPasswordInput,
});

export type PasswordChangeResult = { ok: true } | { ok: false; field: "currentPassword" | "newPassword"; message: string };

/**
 * Changes the password after checking the current one, then ends every session of the account
 * (the caller starts a fresh one for this browser). The new password must pass sign-up's rules,
 * with the account's address and name as known words.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<PasswordChangeResult> {
  const user = await db.user.findUnique({ where: { id: userId, isGuest: false }, select: { email: true, displayName: true, passwordHash: true } });
  if (!user?.passwordHash) throw new NotFoundError("user");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", message: "auth.errors.currentPasswordWrong" };
  }
  const issue = findNewPasswordIssue(newPassword, { email: user.email, name: user.displayName });
  if (issue) return { ok: false, field: "newPassword", message: issue };
  const passwordHash = await hashPassword(newPassword);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  await deleteUserSessions(userId);
  return { ok: true };
}
