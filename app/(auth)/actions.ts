"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { getClientAddress, getSignInLimitStatus, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/server/rate-limits";
import { deleteUserSessions, endSession, getSafeRedirectPath, startSession } from "@/lib/server/session";
import { createAccount, emailTakenMessage, mergeGuestInto, signInInput, signUpInput, upgradeGuest, verifyCredentials } from "@/lib/server/users";

/** Where to go afterwards; checked by getSafeRedirectPath before use. */
const nextInput = z.object({ next: z.string().max(2000).optional() });

/**
 * Sign-up. From a guest session the guest row itself becomes the account, so everything
 * played so far stays; then the guest's sessions end and a new one starts (rotation).
 */
export const signUp = createAction(
  { access: "public", input: signUpInput.and(nextInput), echo: ["email", "role"] },
  async ({ input, user }) => {
    try {
      const account = user?.isGuest ? await upgradeGuest(user.id, input) : await createAccount(input);
      if (user?.isGuest) await deleteUserSessions(account.id);
      await startSession(account.id);
    } catch (error) {
      if (error instanceof ConflictError && error.message === emailTakenMessage) {
        return fail(emailTakenMessage, { errors: { email: [emailTakenMessage] } });
      }
      throw error;
    }
    redirect(getSafeRedirectPath(input.next));
  },
);

/**
 * Sign-in, rate-limited per account and per address (failures only). Wrong password and
 * unknown email get the same message. From a guest session, the guest's progress is merged
 * into the account; either way the browser gets a new session token.
 */
export const signIn = createAction(
  { access: "public", input: signInInput.extend(nextInput.shape), echo: ["email"] },
  async ({ input, user }) => {
    const address = getClientAddress(await headers());
    const now = new Date();
    const limit = await getSignInLimitStatus(input.email, address, now);
    if (limit.isLimited) {
      const minutes = Math.max(1, Math.ceil((limit.retryAt.getTime() - now.getTime()) / 60_000));
      return fail("auth.errors.rateLimited", { values: { minutes, retryAt: limit.retryAt } });
    }

    const account = await verifyCredentials(input.email, input.password);
    if (!account) {
      await recordFailedSignIn(input.email, address, now);
      return fail("auth.errors.invalidCredentials");
    }
    await recordSuccessfulSignIn(input.email);
    if (user?.isGuest) await mergeGuestIfStillThere(user.id, account.id);
    await startSession(account.id);
    redirect(getSafeRedirectPath(input.next));
  },
);

/** A guest merged or deleted meanwhile (another tab signed in first) has nothing left to carry. */
async function mergeGuestIfStillThere(guestId: string, accountId: string): Promise<void> {
  try {
    await mergeGuestInto(guestId, accountId);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
}

/** Sign-out: the session row is deleted, so the old cookie is worthless even if copied. */
export async function signOut(): Promise<void> {
  await endSession();
  redirect("/");
}
