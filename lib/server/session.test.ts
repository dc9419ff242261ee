import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("session");
const { db } = await import("./db");
const session = await import("./session");
const {
  createSession,
  deleteExpiredSessions,
  deleteSessionToken,
  deleteUserSessions,
  generateSessionToken,
  getSafeRedirectPath,
  getSignInPath,
  hashSessionToken,
  rotateSessionToken,
  sessionLifetimeMs,
  sessionRefreshAfterMs,
  validateSessionToken,
} = session;

const start = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);
const dayMs = 24 * 60 * 60 * 1000;

async function createUser(data: { email?: string; isGuest?: boolean } = {}): Promise<string> {
  return (await db.user.create({ data, select: { id: true } })).id;
}

describe("session tokens", () => {
  it("are 256-bit random, URL-safe and unique", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are stored only as their SHA-256", async () => {
    const userId = await createUser();
    const { token } = await createSession(userId, start);
    const rows = await db.session.findMany({ where: { userId } });
    expect(rows.map((row) => row.id)).toEqual([hashSessionToken(token)]);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].id).not.toContain(token);
    // The known SHA-256 of "abc": the hash is the standard one, not a homemade variant.
    expect(hashSessionToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("validateSessionToken", () => {
  it("returns the user, without the password hash", async () => {
    const userId = await createUser({ email: "valid@example.org", isGuest: false });
    await db.user.update({ where: { id: userId }, data: { passwordHash: "secret-hash" } });
    const { token } = await createSession(userId, start);
    const user = await validateSessionToken(token, later(1000));
    expect(user).toEqual({ id: userId, email: "valid@example.org", displayName: null, role: "learner", isGuest: false });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses unknown tokens", async () => {
    expect(await validateSessionToken(generateSessionToken(), start)).toBeNull();
  });

  it("refuses an expired session and deletes its row", async () => {
    const userId = await createUser();
    const { token, expiresAt } = await createSession(userId, start);
    expect(expiresAt).toEqual(later(sessionLifetimeMs));
    expect(await validateSessionToken(token, later(sessionLifetimeMs - 1))).not.toBeNull();
    // That use extended it (sliding expiry); expire it for real now:
    await db.session.update({ where: { id: hashSessionToken(token) }, data: { expiresAt: later(sessionLifetimeMs) } });
    expect(await validateSessionToken(token, later(sessionLifetimeMs))).toBeNull();
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  it("extends a session in use at most once a day", async () => {
    const userId = await createUser();
    const { token } = await createSession(userId, start);
    const id = hashSessionToken(token);

    await validateSessionToken(token, later(sessionRefreshAfterMs - 1000));
    expect((await db.session.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(later(sessionLifetimeMs));

    const nextDay = later(sessionRefreshAfterMs + 1000);
    await validateSessionToken(token, nextDay);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(row.lastSeenAt).toEqual(nextDay);
    expect(row.expiresAt).toEqual(new Date(nextDay.getTime() + sessionLifetimeMs));
  });

  it("keeps an active session alive well past its first lifetime", async () => {
    const userId = await createUser();
    const { token } = await createSession(userId, start);
    for (let day = 30; day <= 300; day += 30) expect(await validateSessionToken(token, later(day * dayMs)), `day ${day}`).not.toBeNull();
  });
});

describe("rotateSessionToken", () => {
  it("issues a new token and deletes the old one's row", async () => {
    const guestId = await createUser();
    const before = await createSession(guestId, start);
    const accountId = await createUser({ email: "rotate@example.org", isGuest: false });

    const after = await rotateSessionToken(before.token, accountId, later(1000));
    expect(after.token).not.toBe(before.token);
    expect(await validateSessionToken(before.token, later(2000))).toBeNull();
    expect((await validateSessionToken(after.token, later(2000)))?.id).toBe(accountId);
    expect(await db.session.count({ where: { id: hashSessionToken(before.token) } })).toBe(0);
  });

  it("works without a previous token", async () => {
    const userId = await createUser();
    const { token } = await rotateSessionToken(undefined, userId, start);
    expect((await validateSessionToken(token, start))?.id).toBe(userId);
  });
});

describe("ending sessions", () => {
  it("deleteSessionToken ends exactly that session", async () => {
    const userId = await createUser();
    const [first, second] = [await createSession(userId, start), await createSession(userId, start)];
    await deleteSessionToken(first.token);
    expect(await validateSessionToken(first.token, start)).toBeNull();
    expect(await validateSessionToken(second.token, start)).not.toBeNull();
  });

  it("deleteUserSessions ends them all, and no one else's", async () => {
    const userId = await createUser();
    const otherId = await createUser();
    await createSession(userId, start);
    await createSession(userId, start);
    const other = await createSession(otherId, start);
    await deleteUserSessions(userId);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await validateSessionToken(other.token, start)).not.toBeNull();
  });

  it("deleteExpiredSessions removes only expired rows", async () => {
    const userId = await createUser();
    const old = await createSession(userId, start);
    const fresh = await createSession(userId, later(sessionLifetimeMs));
    await deleteExpiredSessions(later(sessionLifetimeMs + 1));
    expect(await db.session.count({ where: { id: hashSessionToken(old.token) } })).toBe(0);
    expect(await db.session.count({ where: { id: hashSessionToken(fresh.token) } })).toBe(1);
  });

  it("a deleted user's sessions are gone (cascade)", async () => {
    const userId = await createUser();
    const { token } = await createSession(userId, start);
    await db.user.delete({ where: { id: userId } });
    expect(await validateSessionToken(token, start)).toBeNull();
  });
});

describe("getSafeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(getSafeRedirectPath("/account")).toBe("/account");
    expect(getSafeRedirectPath("/quiz/abc?x=1#y")).toBe("/quiz/abc?x=1#y");
  });

  it("refuses anything that could leave the site", () => {
    for (const next of ["//evil.example", "https://evil.example", "/\\evil.example", "evil", "", "/\u0000x", undefined, ["/a"], 42]) {
      expect(getSafeRedirectPath(next, "/fallback"), String(next)).toBe("/fallback");
    }
  });

  it("builds the sign-in link with a safe next", () => {
    expect(getSignInPath("/account")).toBe("/sign-in?next=%2Faccount");
    expect(getSignInPath("//evil.example")).toBe("/sign-in");
    expect(getSignInPath()).toBe("/sign-in");
  });
});

describe("the sessions list", () => {
  it("lists the account's unexpired sessions with their browser, marks this one, and ends the others", async () => {
    const user = await db.user.create({ data: { isGuest: false, email: `sessions-${Date.now()}@example.org` } });
    const other = await db.user.create({ data: { isGuest: false, email: `sessions-other-${Date.now()}@example.org` } });
    const t0 = new Date("2026-03-01T10:00:00Z");
    const here = await session.createSession(user.id, t0, "Firefox/128.0");
    const there = await session.createSession(user.id, new Date(t0.getTime() + 60_000), "x".repeat(400));
    const expired = await session.createSession(user.id, new Date(t0.getTime() - session.sessionLifetimeMs - 1));
    const foreign = await session.createSession(other.id, t0);

    const listed = await session.listActiveSessions(user.id, here.token, new Date(t0.getTime() + 120_000));
    expect(listed.map((row) => [row.userAgent?.length ?? 0, row.isCurrent])).toEqual([
      [300, false],
      ["Firefox/128.0".length, true],
    ]);
    expect(listed.every((row) => row.id !== here.token)).toBe(true);

    expect(await session.deleteOtherSessions(user.id, here.token)).toBe(2);
    expect(await session.validateSessionToken(here.token, t0)).not.toBeNull();
    expect(await session.validateSessionToken(there.token, t0)).toBeNull();
    expect(await session.validateSessionToken(expired.token, t0)).toBeNull();
    expect(await session.validateSessionToken(foreign.token, t0)).not.toBeNull();
  });
});
