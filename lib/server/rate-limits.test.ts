import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("rate-limits");
const { db } = await import("./db");
const {
  clearRateLimit,
  deleteExpiredRateLimits,
  getClientAddress,
  isProxyTrusted,
  getRateLimitStatus,
  getSignInLimitStatus,
  getSignUpLimitStatus,
  recordSignUpAttempt,
  signUpLimits,
  recordFailedSignIn,
  recordRateLimitHit,
  recordSuccessfulSignIn,
  signInAccountKey,
  signInAddressKey,
  signInLimits,
} = await import("./rate-limits");

const start = new Date("2026-03-01T10:00:00Z");
const minuteMs = 60_000;
const at = (minutes: number) => new Date(start.getTime() + minutes * minuteMs);
const rule = { max: 3, windowMs: 10 * minuteMs };
let keyCounter = 0;
const freshKey = () => `test:${++keyCounter}`;

describe("fixed-window rate limits", () => {
  it("allows up to max hits, then refuses until the window ends", async () => {
    const key = freshKey();
    for (let hit = 1; hit <= 3; hit++) {
      expect(await getRateLimitStatus(key, rule, at(hit))).toEqual({ isLimited: false });
      expect(await recordRateLimitHit(key, rule, at(hit))).toBe(hit);
    }
    // The window opened with the first hit (minute 1), so it ends at minute 11.
    expect(await getRateLimitStatus(key, rule, at(4))).toEqual({ isLimited: true, retryAt: at(11) });
    expect(await getRateLimitStatus(key, rule, at(10.99))).toEqual({ isLimited: true, retryAt: at(11) });
    expect(await getRateLimitStatus(key, rule, at(11))).toEqual({ isLimited: false });
  });

  it("starts a new window after the old one ended", async () => {
    const key = freshKey();
    for (let hit = 0; hit < 3; hit++) await recordRateLimitHit(key, rule, at(0));
    expect(await recordRateLimitHit(key, rule, at(10))).toBe(1);
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key } })).toMatchObject({ count: 1, windowStart: at(10) });
    expect(await getRateLimitStatus(key, rule, at(12))).toEqual({ isLimited: false });
  });

  it("counts concurrent hits exactly", async () => {
    const key = freshKey();
    const counts = await Promise.all(Array.from({ length: 10 }, () => recordRateLimitHit(key, rule, at(0))));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps keys apart and can be cleared", async () => {
    const [first, second] = [freshKey(), freshKey()];
    for (let hit = 0; hit < 3; hit++) await recordRateLimitHit(first, rule, at(0));
    expect((await getRateLimitStatus(first, rule, at(1))).isLimited).toBe(true);
    expect((await getRateLimitStatus(second, rule, at(1))).isLimited).toBe(false);
    await clearRateLimit(first);
    expect((await getRateLimitStatus(first, rule, at(1))).isLimited).toBe(false);
  });

  it("housekeeping drops only old windows", async () => {
    const [old, current] = [freshKey(), freshKey()];
    await recordRateLimitHit(old, rule, at(0));
    await recordRateLimitHit(current, rule, at(30));
    await deleteExpiredRateLimits(rule.windowMs, at(31));
    expect(await db.rateLimit.count({ where: { key: old } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: current } })).toBe(1);
  });
});

describe("sign-in limits", () => {
  it("locks an account after 5 failures for 15 minutes, from any address", async () => {
    const email = "locked@example.org";
    for (let attempt = 0; attempt < signInLimits.account.max; attempt++) {
      expect((await getSignInLimitStatus(email, `10.0.0.${attempt}`, at(attempt))).isLimited).toBe(false);
      await recordFailedSignIn(email, `10.0.0.${attempt}`, at(attempt));
    }
    expect(await getSignInLimitStatus(email, "10.9.9.9", at(5))).toEqual({ isLimited: true, retryAt: at(15) });
    // Email case does not open a second counter.
    expect((await getSignInLimitStatus(" LOCKED@example.org", "10.9.9.9", at(5))).isLimited).toBe(true);
    expect((await getSignInLimitStatus(email, "10.9.9.9", at(15))).isLimited).toBe(false);
  });

  it("locks an address after 20 failures, whatever the accounts", async () => {
    const address = "192.0.2.7";
    for (let attempt = 0; attempt < signInLimits.address.max; attempt++) await recordFailedSignIn(`user${attempt}@example.org`, address, at(0));
    expect(await getSignInLimitStatus("someone-new@example.org", address, at(1))).toEqual({ isLimited: true, retryAt: at(15) });
    expect((await getSignInLimitStatus("someone-new@example.org", "192.0.2.8", at(1))).isLimited).toBe(false);
  });

  it("reports the later retry time when both limits apply", async () => {
    const email = "both@example.org";
    const address = "192.0.2.99";
    for (let attempt = 0; attempt < 20; attempt++) await recordFailedSignIn(`other${attempt}@example.org`, address, at(0));
    for (let attempt = 0; attempt < 5; attempt++) await recordFailedSignIn(email, "198.51.100.1", at(5));
    expect(await getSignInLimitStatus(email, address, at(6))).toEqual({ isLimited: true, retryAt: at(20) });
  });

  it("a successful sign-in clears the account's failures but not the address's", async () => {
    const email = "recovers@example.org";
    const address = "192.0.2.55";
    for (let attempt = 0; attempt < 4; attempt++) await recordFailedSignIn(email, address, at(0));
    await recordSuccessfulSignIn(email);
    expect(await db.rateLimit.count({ where: { key: signInAccountKey(email) } })).toBe(0);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: signInAddressKey(address) } })).count).toBe(4);
  });
});

describe("sign-up limits", () => {
  it("locks an address after 30 sign-up attempts for 15 minutes, and only that address", async () => {
    expect(signUpLimits.address).toEqual({ max: 30, windowMs: 15 * minuteMs });
    const address = "198.51.100.30";
    for (let attempt = 0; attempt < 30; attempt++) {
      expect(await getSignUpLimitStatus(address, at(1))).toEqual({ isLimited: false });
      await recordSignUpAttempt(address, at(1));
    }
    expect(await getSignUpLimitStatus(address, at(2))).toEqual({ isLimited: true, retryAt: at(16) });
    expect(await getSignUpLimitStatus("198.51.100.31", at(2))).toEqual({ isLimited: false });
    // Sign-up attempts are counted apart from sign-in failures.
    expect(await getSignInLimitStatus("someone@example.org", address, at(2))).toEqual({ isLimited: false });
    expect(await getSignUpLimitStatus(address, at(16))).toEqual({ isLimited: false });
  });
});

describe("getClientAddress", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("behind no trusted proxy, ignores every forwarding header: one shared key", () => {
    expect(getClientAddress(headers({ "x-forwarded-for": "203.0.113.5" }), false)).toBe("unknown");
    expect(getClientAddress(headers({ "x-real-ip": "203.0.113.9" }), false)).toBe("unknown");
    expect(getClientAddress(headers({}), false)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the hop the proxy appended, not the client's own", () => {
    expect(getClientAddress(headers({ "x-forwarded-for": "198.51.100.7, 203.0.113.5" }), true)).toBe("203.0.113.5");
    expect(getClientAddress(headers({ "x-forwarded-for": " 2001:db8::1 " }), true)).toBe("2001:db8::1");
  });

  it("behind a trusted proxy, falls back to x-real-ip, then to one shared bucket", () => {
    expect(getClientAddress(headers({ "x-real-ip": "203.0.113.9" }), true)).toBe("203.0.113.9");
    expect(getClientAddress(headers({}), true)).toBe("unknown");
  });
});

describe("isProxyTrusted", () => {
  it("is on only when FAKTUM_TRUST_PROXY says so", () => {
    expect(isProxyTrusted({})).toBe(false);
    expect(isProxyTrusted({ FAKTUM_TRUST_PROXY: "" })).toBe(false);
    expect(isProxyTrusted({ FAKTUM_TRUST_PROXY: "0" })).toBe(false);
    expect(isProxyTrusted({ FAKTUM_TRUST_PROXY: "1" })).toBe(true);
    expect(isProxyTrusted({ FAKTUM_TRUST_PROXY: "true" })).toBe(true);
  });
});
