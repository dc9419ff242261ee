import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The rules of one-time account secrets (reset links, teacher-issued reset codes, e-mail
 * confirmation links), without storage: the server module lib/server/account-tokens.ts keeps
 * the rows. Randomness comes in as bytes and time as `now`, so every rule is testable.
 */

export type AccountTokenPurpose = "password-reset" | "class-reset" | "email-change";

/** How long each kind of secret stays valid. */
export const tokenLifetimesMs: Record<AccountTokenPurpose, number> = {
  "password-reset": 30 * 60 * 1000,
  "class-reset": 24 * 60 * 60 * 1000,
  "email-change": 24 * 60 * 60 * 1000,
};

/** A secret is stored only as its SHA-256, so a leaked database holds no usable link or code. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/**
 * Whether `secret` is the one behind `storedHash`. Both sides are hashed to the same length
 * and compared with `timingSafeEqual`, so the time taken says nothing about how much matched.
 */
export function isSecretMatch(storedHash: string, secret: string): boolean {
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashSecret(secret), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A link secret: 32 random bytes as base64url (256 bits). */
export function encodeLinkSecret(bytes: Uint8Array): string {
  if (bytes.length < 32) throw new RangeError("a link secret needs at least 32 random bytes");
  return Buffer.from(bytes).toString("base64url");
}

/**
 * What a link carries: the row's id (to find it) and the secret (to prove it), as
 * `<id>.<secret>`. The id alone is worthless; the secret is checked in constant time.
 */
export function formatLinkToken(id: string, secret: string): string {
  return `${id}.${secret}`;
}

export function parseLinkToken(token: unknown): { id: string; secret: string } | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const match = /^([a-z0-9]{10,40})\.([A-Za-z0-9_-]{43,})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

/** The characters of a reset code: no 0/O, 1/I/L, so it can be read out and typed from paper. */
export const resetCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const resetCodeLength = 12;

/**
 * A teacher-issued reset code: 12 characters of a 31-letter alphabet (about 59 bits), shown
 * in groups of four ("ABCD-EFGH-JKMN"). Each character takes one byte by rejection sampling,
 * so no character is likelier than another; `randomBytes(n)` supplies fresh bytes on demand.
 */
export function generateResetCode(randomBytes: (count: number) => Uint8Array): string {
  const limit = 256 - (256 % resetCodeAlphabet.length);
  let code = "";
  while (code.length < resetCodeLength) {
    for (const byte of randomBytes(resetCodeLength)) {
      if (byte < limit && code.length < resetCodeLength) code += resetCodeAlphabet[byte % resetCodeAlphabet.length];
    }
  }
  return code.match(/.{4}/g)!.join("-");
}

/**
 * A code as typed: spaces, dashes and case do not matter. Returns the canonical form (the
 * one that was hashed) or null when it cannot be a code.
 */
export function normalizeResetCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 60) return null;
  const letters = input.toUpperCase().replace(/[\s-]/g, "");
  if (letters.length !== resetCodeLength || [...letters].some((c) => !resetCodeAlphabet.includes(c))) return null;
  return letters.match(/.{4}/g)!.join("-");
}

export type TokenState = "valid" | "expired" | "used";

/** A secret works once, and only before it expires. A used one says so, even when also expired. */
export function getTokenState(token: { expiresAt: Date; usedAt: Date | null }, now: Date): TokenState {
  if (token.usedAt !== null) return "used";
  return token.expiresAt.getTime() > now.getTime() ? "valid" : "expired";
}

export function getTokenExpiry(purpose: AccountTokenPurpose, now: Date): Date {
  return new Date(now.getTime() + tokenLifetimesMs[purpose]);
}
