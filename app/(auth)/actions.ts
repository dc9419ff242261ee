"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAction, fail } from "@/lib/server/action";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import {
  type RateLimitStatus,
  getClientAddress,
  getSignInLimitStatus,
  getSignUpLimitStatus,
  recordFailedSignIn,
  recordSignUpAttempt,
  recordSuccessfulSignIn,
} from "@/lib/server/rate-limits";
import { deleteUserSessions, endSession, getSafeRedirectPath, startSession } from "@/lib/server/session";
import { createAccount, emailTakenMessage, mergeGuestInto, signInInput, signUpInput, upgradeGuest, verifyCredentials } from "@/lib/server/users";
import type { SessionUser } from "@/lib/server/session";

/** Where to go afterwards; checked by getSafeRedirectPath before use. */
const nextInput = z.object({ next: z.string().max(2000).optional() });

/**
 * Sign-up, rate-limited per address (every attempt counts, see signUpLimits). From a guest
 * session the guest row itself becomes the account, so everything played so far stays; then the
 * guest's sessions end and a new one starts (rotation).
 *
 * An address that already has an account: the choice here is "the same message as sign-in",
 * not "a neutral confirmation" (that would need every new account to be confirmed by mail
 * before it exists). Sign-up then *is* a sign-in with the typed credentials: the right password
 * signs the person in (they simply had an account), a wrong one gets sign-in's own "e-mail or
 * password is wrong", and it is counted by sign-in's limits, so sign-up is no way around them.
 * The reply never says "this address is taken". What remains is inherent in sign-up: that an
 * attempt did not create an account; the per-address limit keeps that slow.
 */
export const signUp = createAction(
  { access: "public", input: signUpInput.and(nextInput), echo: ["email", "role", "displayName"] },
  async ({ input, user }) => {
    const address = getClientAddress(await headers());
    const now = new Date();
    const signUpLimit = await getSignUpLimitStatus(address, now);
    if (signUpLimit.isLimited) return rateLimited("auth.errors.signUpRateLimited", signUpLimit, now);
    await recordSignUpAttempt(address, now);

    try {
      const account = user?.isGuest ? await upgradeGuest(user.id, input) : await createAccount(input);
      if (user?.isGuest) await deleteUserSessions(account.id);
      await startSession(account.id);
    } catch (error) {
      if (!(error instanceof ConflictError && error.message === emailTakenMessage)) throw error;
      const signedIn = await signInWith(input.email, input.password, address, user, now);
      if (signedIn !== true) return signedIn;
    }
    redirect(getSafeRedirectPath(input.next));
  },
);

function rateLimited(message: string, limit: Extract<RateLimitStatus, { isLimited: true }>, now: Date) {
  const minutes = Math.max(1, Math.ceil((limit.retryAt.getTime() - now.getTime()) / 60_000));
  return fail(message, { values: { minutes, retryAt: limit.retryAt } });
}

/**
 * The sign-in steps shared by sign-in and sign-up: limits, credentials, guest merge, new
 * session. True when signed in, else the failure to return.
 */
async function signInWith(email: string, password: string, address: string, user: SessionUser | null, now: Date) {
  const limit = await getSignInLimitStatus(email, address, now);
  if (limit.isLimited) return rateLimited("auth.errors.rateLimited", limit, now);

  const account = await verifyCredentials(email, password);
  if (!account) {
    await recordFailedSignIn(email, address, now);
    return fail("auth.errors.invalidCredentials");
  }
  await recordSuccessfulSignIn(email);
  if (user?.isGuest) await mergeGuestIfStillThere(user.id, account.id);
  await startSession(account.id);
  return true as const;
}

/**
 * Sign-in, rate-limited per account and per address (failures only). Wrong password and
 * unknown email get the same message. From a guest session, the guest's progress is merged
 * into the account; either way the browser gets a new session token.
 */
export const signIn = createAction(
  { access: "public", input: signInInput.extend(nextInput.shape), echo: ["email"] },
  async ({ input, user }) => {
    const signedIn = await signInWith(input.email, input.password, getClientAddress(await headers()), user, new Date());
    if (signedIn !== true) return signedIn;
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
