"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getRequestLocale } from "@/lib/i18n/request";
import { createAction, fail } from "@/lib/server/action";
import { issuePasswordResetLink, resetPasswordWithCode, resetPasswordWithLink } from "@/lib/server/account-tokens";
import { isMailConfigured, sendPasswordResetMail } from "@/lib/server/mailer";
import { type RateLimitStatus, getClientAddress, getRateLimitStatus, passwordResetKeys, passwordResetLimits, recordRateLimitHit } from "@/lib/server/rate-limits";
import { startSession } from "@/lib/server/session";
import { emailInput, newPasswordInput } from "@/lib/server/users";

function rateLimited(message: string, limit: Extract<RateLimitStatus, { isLimited: true }>, now: Date) {
  const minutes = Math.max(1, Math.ceil((limit.retryAt.getTime() - now.getTime()) / 60_000));
  return fail(message, { values: { minutes, retryAt: limit.retryAt } });
}

/**
 * "Forgot password": always the same confirmation, whether or not the address has an account.
 * Looking the account up, issuing the link and sending the mail happen after the response
 * (`after`), so neither the answer nor its timing tells whether a mail went out. Limited per
 * client address and per e-mail address (counted for unknown addresses too).
 */
export const requestPasswordReset = createAction({ access: "public", input: z.object({ email: emailInput }), echo: ["email"] }, async ({ input }) => {
  if (!isMailConfigured()) return fail("auth.reset.errors.mailNotConfigured");
  const now = new Date();
  const address = getClientAddress(await headers());
  const addressLimit = await getRateLimitStatus(passwordResetKeys.address(address), passwordResetLimits.address, now);
  if (addressLimit.isLimited) return rateLimited("auth.reset.errors.rateLimited", addressLimit, now);
  await recordRateLimitHit(passwordResetKeys.address(address), passwordResetLimits.address, now);

  const accountKey = passwordResetKeys.account(input.email);
  const accountLimit = await getRateLimitStatus(accountKey, passwordResetLimits.account, now);
  if (!accountLimit.isLimited) {
    await recordRateLimitHit(accountKey, passwordResetLimits.account, now);
    const locale = await getRequestLocale();
    after(async () => {
      try {
        const issued = await issuePasswordResetLink(input.email, now);
        if (issued) await sendPasswordResetMail({ email: issued.email, locale }, issued.token);
      } catch (error) {
        console.error("password reset mail failed", error);
      }
    });
  }
  // Over the per-account limit, no further mail goes out, and the answer stays the same.
  return { email: input.email };
});

const newPasswordField = z.string().max(1000).pipe(newPasswordInput);

/** Sets the new password with the mailed link; every session ends, this browser is signed in. */
export const resetPasswordWithLinkAction = createAction(
  { access: "public", input: z.object({ token: z.string().max(300), password: newPasswordField }) },
  async ({ input }) => {
    const result = await resetPasswordWithLink(input.token, input.password);
    if (!result.ok) return fail(result.message, result.reason === "password" ? { errors: { password: [result.message] } } : {});
    await startSession(result.userId);
    redirect("/");
  },
);

/**
 * Sets the new password with a teacher's reset code and the account's e-mail. Wrong tries are
 * limited per account and per client address (a 12-character code, at most 5 tries per 15 minutes).
 */
export const resetPasswordWithCodeAction = createAction(
  {
    access: "public",
    input: z.object({ email: emailInput, code: z.string({ error: "auth.reset.errors.codeRequired" }).trim().min(1, { error: "auth.reset.errors.codeRequired" }).max(60), password: newPasswordField }),
    echo: ["email", "code"],
  },
  async ({ input }) => {
    const now = new Date();
    const address = getClientAddress(await headers());
    const keys = [
      [passwordResetKeys.codeAccount(input.email), passwordResetLimits.codeAccount],
      [passwordResetKeys.codeAddress(address), passwordResetLimits.codeAddress],
    ] as const;
    for (const [key, rule] of keys) {
      const limit = await getRateLimitStatus(key, rule, now);
      if (limit.isLimited) return rateLimited("auth.reset.errors.codeRateLimited", limit, now);
    }
    const result = await resetPasswordWithCode(input.email, input.code, input.password, now);
    if (!result.ok) {
      if (result.reason === "password") return fail(result.message, { errors: { password: [result.message] } });
      for (const [key, rule] of keys) await recordRateLimitHit(key, rule, now);
      return fail(result.message, { errors: { code: [result.message] } });
    }
    await startSession(result.userId);
    redirect("/");
  },
);
