"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { changePassword, displayNameChangeInput, passwordChangeInput, setDisplayName } from "@/lib/server/account-settings";
import { clearSessionCookie, deleteOtherSessions, getCurrentSessionToken, startSession } from "@/lib/server/session";
import { confirmEmailChange, requestEmailChange } from "@/lib/server/account-tokens";
import { isMailConfigured, sendEmailChangedNotice, sendEmailChangeMail } from "@/lib/server/mailer";
import { getRequestLocale } from "@/lib/i18n/request";
import { deleteUser, emailInput, isDeletionConfirmed, verifyCredentials } from "@/lib/server/users";

const deleteAccountInput = z.object({ confirmation: z.string().max(1000).default("") });

/**
 * Deletes the signed-in account with all of its data (the schema cascades), after the person
 * typed "LÖSCHEN"/"DELETE" or their password. Sessions go with the user row; the cookie is cleared.
 */
export const deleteAccount = createAction({ access: "account", input: deleteAccountInput }, async ({ input, user }) => {
  if (!(await isDeletionConfirmed(user.id, input.confirmation))) {
    return fail("auth.errors.confirmationMismatch", { errors: { confirmation: ["auth.errors.confirmationWrong"] } });
  }
  await deleteUser(user.id);
  await clearSessionCookie();
  redirect("/account/deleted");
});

/** Changes the name the person's teachers see (gradebook, class list, CSV). */
export const changeDisplayName = createAction(
  { access: "account", input: displayNameChangeInput, echo: ["displayName"] },
  async ({ input, user }) => {
    await setDisplayName(user.id, input.displayName);
    revalidatePath("/", "layout");
    return { saved: true };
  },
);

/**
 * Changes the password (the current one is needed). Every session of the account ends; this
 * browser gets a fresh one, so only here the person stays signed in.
 */
export const changePasswordAction = createAction({ access: "account", input: passwordChangeInput }, async ({ input, user }) => {
  const result = await changePassword(user.id, input.currentPassword, input.newPassword);
  if (!result.ok) return fail(result.message, { errors: { [result.field]: [result.message] } });
  await startSession(user.id);
  return { changed: true };
});

/** "Sign out everywhere else": every session of the account but this browser's ends. */
export const signOutOtherSessions = createAction({ access: "account", input: z.object({}) }, async ({ user }) => {
  const token = await getCurrentSessionToken();
  if (token) await deleteOtherSessions(user.id, token);
  revalidatePath("/account");
  return { done: true };
});

/**
 * Starts an e-mail change (the current password is needed): a confirmation link goes to the
 * new address; the address changes only when it is followed (see /account/confirm-email).
 */
export const requestEmailChangeAction = createAction(
  { access: "account", input: z.object({ newEmail: emailInput, currentPassword: z.string().max(1000) }), echo: ["newEmail"] },
  async ({ input, user }) => {
    if (!isMailConfigured()) return fail("auth.reset.errors.mailNotConfigured");
    if (!(await verifyCredentials(user.email, input.currentPassword))) {
      return fail("auth.errors.currentPasswordWrong", { errors: { currentPassword: ["auth.errors.currentPasswordWrong"] } });
    }
    const { token } = await requestEmailChange(user.id, input.newEmail);
    const locale = await getRequestLocale();
    await sendEmailChangeMail({ email: input.newEmail, name: user.displayName, locale }, token);
    return { email: input.newEmail };
  },
);

/**
 * Confirms an e-mail change from the link's page (a button, not the GET: mail scanners open
 * links). Every other session ends; the old address is told.
 */
export const confirmEmailChangeAction = createAction({ access: "public", input: z.object({ token: z.string().max(300) }) }, async ({ input, user }) => {
  const result = await confirmEmailChange(input.token, await getCurrentSessionToken());
  if (!result.ok) return fail(result.message);
  const locale = await getRequestLocale();
  after(async () => {
    try {
      await sendEmailChangedNotice({ email: result.oldEmail, locale }, result.newEmail);
    } catch (error) {
      console.error("e-mail change notice failed", error);
    }
  });
  // No revalidatePath: it would re-render this page, whose link is now used, over the success message.
  return { email: result.newEmail, isSignedIn: user?.id === result.userId };
});
