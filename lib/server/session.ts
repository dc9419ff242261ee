import { createHash, randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "./db";

/**
 * Server-side sessions.
 *
 * The cookie holds a random 256-bit token; the Session row is keyed by its SHA-256, so a
 * leaked database holds no usable session. Signing in or up always issues a NEW token and
 * deletes the row behind the old one (rotation: a token planted before sign-in is worthless
 * after it). Signing out deletes the row, so a copied cookie replayed later is not signed in.
 *
 * Two layers:
 * - token functions (`createSession`, `validateSessionToken`, `rotateSessionToken`, …) touch
 *   only the database and take `now`, so they are unit-tested with a moved clock;
 * - cookie functions (`startSession`, `endSession`, `getSessionUser`, `requireUser`, …) bind
 *   them to the request. Cookies can only be set in server actions and route handlers.
 */

export const sessionCookieName = "faktum-session";
/** Server-side lifetime, extended while the session is used: the database decides validity. */
export const sessionLifetimeMs = 90 * 24 * 60 * 60 * 1000;
/**
 * The cookie outlives the server-side expiry (400 days, the most browsers keep a cookie),
 * because page renders cannot re-set cookies: the sliding expiry lives in the Session row,
 * and a cookie whose row has expired is simply refused.
 */
const cookieLifetimeMs = 400 * 24 * 60 * 60 * 1000;
/** Extend a session at most once a day, so reads don't turn into writes on every request. */
export const sessionRefreshAfterMs = 24 * 60 * 60 * 1000;

export type Role = "learner" | "teacher";
export const roles = ["learner", "teacher"] as const satisfies readonly Role[];

/** What the rest of the app may know about the current user: never the password hash. */
export interface SessionUser {
  id: string;
  email: string | null;
  displayName: string | null;
  role: string;
  isGuest: boolean;
}

export const sessionUserSelect = { id: true, email: true, displayName: true, role: true, isGuest: true } as const;

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

// ── Tokens (database only) ───────────────────────────────────────────────────────────────

export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Sessions are stored by the SHA-256 of the cookie's token, never by the token itself. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(userId: string, now = new Date(), userAgent?: string | null): Promise<IssuedSession> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await db.session.create({ data: { id: hashSessionToken(token), userId, expiresAt, lastSeenAt: now, userAgent: userAgent?.slice(0, 300) || null } });
  return { token, expiresAt };
}

/**
 * The user behind a token, or null when there is no such session or it has expired (an
 * expired row is deleted on sight). A session in use is extended, at most once a day, to a
 * full lifetime from now (sliding expiry).
 */
export async function validateSessionToken(token: string, now = new Date()): Promise<SessionUser | null> {
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: { select: sessionUserSelect } } });
  const verdict = judgeSession(session, now);
  if (verdict === "refused") return null;
  if (verdict === "expired") {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (verdict === "refresh") {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs) } });
  }
  return session!.user;
}

/** The Session columns the policy decides on. */
export interface SessionPolicyRow {
  expiresAt: Date;
  lastSeenAt: Date;
}

/**
 * The session policy, in one place for every reader of the Session table (validateSessionToken
 * and the answer hot path's one read, see `sessionReadSql`):
 * - "refused": no row — never issued, signed out, ended from another device or the account
 *   deleted (revocation deletes the row);
 * - "expired": past `expiresAt` (90 days after it was last extended: the idle timeout);
 * - "refresh": valid, and due for its daily extension (a write);
 * - "valid": valid, nothing to write.
 */
export function judgeSession(row: SessionPolicyRow | null | undefined, now: Date): "refused" | "expired" | "refresh" | "valid" {
  if (!row) return "refused";
  if (row.expiresAt <= now) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > sessionRefreshAfterMs) return "refresh";
  return "valid";
}

/**
 * The Session table's part of a statement that reads the session together with other rows in
 * one round trip (the answer hot path, lib/server/attempts/answer-sql.ts), so the table's
 * layout stays known here. Alias `s`; `userId` is the column to join the user's rows on.
 * `columns` selects "sessionUserId", "sessionExpiresAt" and "sessionLastSeenAt" (map them to
 * `SessionPolicyRow` and decide with `judgeSession`); `ts` wraps a timestamp column (PostgreSQL
 * reads Prisma's `timestamp(3)` as UTC). `where(p)` matches the token's hash in parameter `p`.
 */
export const sessionReadSql = {
  from: `"Session" s`,
  userId: `s."userId"`,
  columns: (ts: (column: string) => string) =>
    `s."userId" AS "sessionUserId", ${ts(`s."expiresAt"`)} AS "sessionExpiresAt", ${ts(`s."lastSeenAt"`)} AS "sessionLastSeenAt"`,
  where: (parameter: string) => `s.id = ${parameter}`,
} as const;

/** Issues a new session for `userId` and deletes the one behind `previousToken`, if any. */
export async function rotateSessionToken(
  previousToken: string | undefined,
  userId: string,
  now = new Date(),
  userAgent?: string | null,
): Promise<IssuedSession> {
  if (previousToken) await deleteSessionToken(previousToken);
  return createSession(userId, now, userAgent);
}

export interface ActiveSession {
  /** The row's id (a hash of the token): safe to show, useless as a cookie. */
  id: string;
  userAgent: string | null;
  createdAt: Date;
  /** Updated at most once a day (see validateSessionToken), so "last seen" is to the day. */
  lastSeenAt: Date;
  isCurrent: boolean;
}

/** The account's unexpired sessions, most recently seen first; `currentToken` marks this one. */
export async function listActiveSessions(userId: string, currentToken: string | undefined, now = new Date()): Promise<ActiveSession[]> {
  const currentId = currentToken ? hashSessionToken(currentToken) : null;
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return rows.map((row) => ({ ...row, isCurrent: row.id === currentId }));
}

/** Ends every session of the account except the one behind `currentToken`. Returns how many. */
export async function deleteOtherSessions(userId: string, currentToken: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: hashSessionToken(currentToken) } } });
  return count;
}

export async function deleteSessionToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashSessionToken(token) } });
}

/** Ends every session of a user, on every device. */
export async function deleteUserSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

/** Housekeeping: expired rows are refused anyway, this only keeps the table small. */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}

// ── Cookies (bound to the request) ───────────────────────────────────────────────────────

async function setSessionCookie({ token }: IssuedSession, now = new Date()): Promise<void> {
  (await cookies()).set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.FAKTUM_INSECURE_COOKIES !== "1",
    path: "/",
    expires: new Date(now.getTime() + cookieLifetimeMs),
  });
}

/**
 * Starts a new session for `userId` in this browser and sets its cookie. Whatever session the
 * browser had before is deleted (rotation). Server actions and route handlers only.
 */
export async function startSession(userId: string): Promise<void> {
  const previousToken = (await cookies()).get(sessionCookieName)?.value;
  const userAgent = (await headers()).get("user-agent");
  await setSessionCookie(await rotateSessionToken(previousToken, userId, new Date(), userAgent));
}

/** This browser's session token, for marking "this session" and sparing it. */
export async function getCurrentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName)?.value;
}

/** Ends this browser's session: the row is deleted and the cookie cleared. */
export async function endSession(): Promise<void> {
  const store = await cookies();
  const token = store.get(sessionCookieName)?.value;
  if (token) await deleteSessionToken(token);
  store.delete(sessionCookieName);
}

/** Clears the cookie only, for when the rows are already gone (e.g. the user was deleted). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(sessionCookieName);
}

/** The signed-in (or guest) user of this request, or null. Cached for the request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName)?.value;
  return token ? validateSessionToken(token) : null;
});

/**
 * The current user, creating an anonymous (guest) learner with a session when there is none,
 * so a quiz can be played without an account. Only callable where cookies may be set
 * (server actions, route handlers).
 */
export async function getOrCreateSessionUser(): Promise<SessionUser> {
  const existing = await getSessionUser();
  if (existing) return existing;
  const user = await db.user.create({ data: { isGuest: true }, select: sessionUserSelect });
  await startSession(user.id);
  return user;
}

/** A signed-in user with an account (not a guest). */
export type AccountUser = SessionUser & { email: string; isGuest: false };

export function isAccountUser(user: SessionUser | null): user is AccountUser {
  return user !== null && !user.isGuest && user.email !== null;
}

/**
 * Where to go after signing in: only a path on this site. Anything else (`//evil.example`,
 * `https://…`, `/\evil`) falls back to `fallback`, so `?next=` cannot be used for phishing.
 */
export function getSafeRedirectPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return /[\u0000-\u001f]/.test(next) ? fallback : next;
}

export function getSignInPath(next?: string): string {
  const safeNext = next === undefined ? undefined : getSafeRedirectPath(next, "");
  return safeNext ? `/sign-in?next=${encodeURIComponent(safeNext)}` : "/sign-in";
}

/**
 * For pages: the signed-in account user, or a redirect to /sign-in?next=<next>. A guest is not
 * signed in. Pages can't know their own URL, so pass it: `await requireUser({ next: "/account" })`.
 * Actions check again (see lib/server/action.ts): a page check alone guards nothing.
 */
export async function requireUser(options: { next?: string } = {}): Promise<AccountUser> {
  const user = await getSessionUser();
  if (!isAccountUser(user)) redirect(getSignInPath(options.next));
  return user;
}

/**
 * For pages: a signed-in user with `role`, else a redirect to sign in (not signed in) or the
 * 404 page (signed in with another role: the page "does not exist" for them, as elsewhere).
 */
export async function requireRole(role: Role, options: { next?: string } = {}): Promise<AccountUser> {
  const user = await requireUser(options);
  if (user.role !== role) notFound();
  return user;
}
