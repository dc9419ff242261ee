import { db } from "./db";

/**
 * Fixed-window counters in the RateLimit table: in the database, not in process memory, so
 * every app instance counts the same failures. A window opens with the first failure and
 * lasts `windowMs`; once `max` failures are in it, attempts are refused until it ends.
 *
 * Every function takes `now`, so tests can move the clock.
 */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

export type RateLimitStatus = { isLimited: false } | { isLimited: true; retryAt: Date };

const fifteenMinutes = 15 * 60 * 1000;

/**
 * Sign-in limits. Per account: 5 failures in 15 minutes stop password guessing against one
 * person (unknown emails are counted too, so probing addresses is slowed just as much).
 * Per address: 20 failures in 15 minutes stop one client from trying many accounts.
 * Only failures count, so a class signing in behind one school NAT is not locked out by
 * its own successful sign-ins.
 */
export const signInLimits = {
  account: { max: 5, windowMs: fifteenMinutes },
  address: { max: 20, windowMs: fifteenMinutes },
} satisfies Record<string, RateLimitRule>;

/**
 * Sign-up limit, per address: 30 attempts in 15 minutes (a school class signing up together
 * behind one NAT fits). Unlike sign-in, every attempt with valid input counts, successful ones
 * too: each tells whether an address was free, and each creates an account.
 */
export const signUpLimits = {
  address: { max: 30, windowMs: fifteenMinutes },
} satisfies Record<string, RateLimitRule>;

/** Whether `key` has used up its window. Reads only. */
export async function getRateLimitStatus(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitStatus> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row) return { isLimited: false };
  const retryAt = new Date(row.windowStart.getTime() + rule.windowMs);
  if (retryAt <= now || row.count < rule.max) return { isLimited: false };
  return { isLimited: true, retryAt };
}

/**
 * Counts one failure against `key` and returns the count in the current window. Both steps
 * are single statements, safe against concurrent instances: the reset only matches an expired
 * window (so two resets cannot both happen), and the upsert increments atomically.
 */
export async function recordRateLimitHit(key: string, rule: RateLimitRule, now = new Date()): Promise<number> {
  const expiredBefore = new Date(now.getTime() - rule.windowMs);
  const [, row] = await db.$transaction([
    db.rateLimit.updateMany({ where: { key, windowStart: { lte: expiredBefore } }, data: { windowStart: now, count: 0 } }),
    db.rateLimit.upsert({
      where: { key },
      create: { key, windowStart: now, count: 1 },
      update: { count: { increment: 1 } },
    }),
  ]);
  return row.count;
}

export async function clearRateLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Drops windows that ended before `now`; housekeeping, never required for correctness. */
export async function deleteExpiredRateLimits(olderThanMs: number, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lte: new Date(now.getTime() - olderThanMs) } } });
  return count;
}

export function signInAccountKey(email: string): string {
  return `sign-in:account:${email.trim().toLowerCase()}`;
}

export function signInAddressKey(address: string): string {
  return `sign-in:address:${address}`;
}

export function signUpAddressKey(address: string): string {
  return `sign-up:address:${address}`;
}

/** Whether this address may try another sign-up now. */
export async function getSignUpLimitStatus(address: string, now = new Date()): Promise<RateLimitStatus> {
  return getRateLimitStatus(signUpAddressKey(address), signUpLimits.address, now);
}

/** Counts one sign-up attempt from this address (before it is tried, so parallel ones count). */
export async function recordSignUpAttempt(address: string, now = new Date()): Promise<void> {
  await recordRateLimitHit(signUpAddressKey(address), signUpLimits.address, now);
}

/**
 * Whether a sign-in for this email from this address may be tried now. When both limits
 * apply, the later retry time is the one that matters.
 */
export async function getSignInLimitStatus(email: string, address: string, now = new Date()): Promise<RateLimitStatus> {
  const statuses = await Promise.all([
    getRateLimitStatus(signInAccountKey(email), signInLimits.account, now),
    getRateLimitStatus(signInAddressKey(address), signInLimits.address, now),
  ]);
  const retryTimes = statuses.flatMap((status) => (status.isLimited ? [status.retryAt.getTime()] : []));
  return retryTimes.length ? { isLimited: true, retryAt: new Date(Math.max(...retryTimes)) } : { isLimited: false };
}

export async function recordFailedSignIn(email: string, address: string, now = new Date()): Promise<void> {
  await recordRateLimitHit(signInAccountKey(email), signInLimits.account, now);
  await recordRateLimitHit(signInAddressKey(address), signInLimits.address, now);
}

/**
 * A correct password clears the account's failures (the owner is back), not the address's:
 * otherwise an attacker with one account of their own could reset the address counter.
 */
export async function recordSuccessfulSignIn(email: string): Promise<void> {
  await clearRateLimit(signInAccountKey(email));
}

/**
 * The client's address for per-address limits. Next gives route handlers and actions no peer
 * (socket) address, so what is left are headers, and those a client writes itself unless a
 * reverse proxy in front overwrites them. Hence:
 *
 * - `FAKTUM_TRUST_PROXY=1` (a proxy is in front and appends the peer it saw to
 *   `X-Forwarded-For`, as nginx's `$proxy_add_x_forwarded_for` and Caddy do): the LAST hop,
 *   the one our proxy added; earlier hops came from the client and are ignored. Without
 *   `X-Forwarded-For`, `X-Real-IP` (which such a proxy sets).
 * - otherwise: one shared key, "unknown". Every client then shares one per-address counter,
 *   which fails safe: a client cannot pick a fresh key per try, and the per-account limit
 *   still holds. The price: failures from many clients add up (20 in 15 minutes locks sign-in
 *   for unknown accounts' owners too), so a deployment open to many should set the proxy.
 */
export function getClientAddress(headers: Pick<Headers, "get">, trustProxy = isProxyTrusted()): string {
  if (!trustProxy) return "unknown";
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((hop) => hop.trim()).filter(Boolean).at(-1);
  if (forwarded) return forwarded.slice(0, 100);
  const realIp = headers.get("x-real-ip")?.trim();
  return realIp ? realIp.slice(0, 100) : "unknown";
}

/** Whether FAKTUM_TRUST_PROXY says a reverse proxy in front sets the forwarding headers. */
export function isProxyTrusted(env: Record<string, string | undefined> = process.env): boolean {
  return ["1", "true", "yes"].includes((env.FAKTUM_TRUST_PROXY ?? "").trim().toLowerCase());
}

/**
 * Password-reset requests. Per account: 3 mails in 15 minutes, so nobody can flood a person's
 * inbox (unknown addresses are counted the same, so the limit reveals no account). Per
 * address: 20 requests in 15 minutes. Every request counts, as each may send a mail.
 * Reset codes (a teacher's code typed with the e-mail): 5 wrong tries per account and 20 per
 * address in 15 minutes, so a 12-character code cannot be guessed.
 */
export const passwordResetLimits = {
  account: { max: 3, windowMs: fifteenMinutes },
  address: { max: 20, windowMs: fifteenMinutes },
  codeAccount: { max: 5, windowMs: fifteenMinutes },
  codeAddress: { max: 20, windowMs: fifteenMinutes },
} satisfies Record<string, RateLimitRule>;

export const passwordResetKeys = {
  account: (email: string) => `reset:account:${email.trim().toLowerCase()}`,
  address: (address: string) => `reset:address:${address}`,
  codeAccount: (email: string) => `reset-code:account:${email.trim().toLowerCase()}`,
  codeAddress: (address: string) => `reset-code:address:${address}`,
};
