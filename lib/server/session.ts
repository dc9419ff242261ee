import { createHash, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "./db";

export const sessionCookieName = "faktum-session";
const sessionLifetimeMs = 90 * 24 * 60 * 60 * 1000;
/** Extend a session at most once a day, so reads don't turn into writes on every request. */
const sessionRefreshAfterMs = 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string | null;
  displayName: string | null;
  role: string;
  isGuest: boolean;
}

const sessionUserSelect = { id: true, email: true, displayName: true, role: true, isGuest: true } as const;

/** Sessions are stored by the SHA-256 of the cookie's token, never by the token itself. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(sessionCookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.FAKTUM_INSECURE_COOKIES !== "1",
    path: "/",
    expires: expiresAt,
  });
}

/**
 * Starts a new session for a user and sets its cookie. A fresh token on every sign-in
 * (session rotation) means a token planted before sign-in is worthless after it.
 */
export async function startSession(userId: string, now = new Date()): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await db.session.create({ data: { id: hashSessionToken(token), userId, expiresAt, lastSeenAt: now } });
  await setSessionCookie(token, expiresAt);
}

/** Ends the current session in the database and clears its cookie. */
export async function endSession(): Promise<void> {
  const store = await cookies();
  const token = store.get(sessionCookieName)?.value;
  if (token) await db.session.deleteMany({ where: { id: hashSessionToken(token) } });
  store.delete(sessionCookieName);
}

/** The signed-in (or guest) user of this request, or null. Cached for the request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName)?.value;
  if (!token) return null;
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({ where: { id }, include: { user: { select: sessionUserSelect } } });
  const now = new Date();
  if (!session || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > sessionRefreshAfterMs) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs) } });
  }
  return session.user;
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
