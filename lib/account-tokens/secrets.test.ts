import { describe, expect, it } from "vitest";
import {
  encodeLinkSecret,
  formatLinkToken,
  generateResetCode,
  getTokenExpiry,
  getTokenState,
  hashSecret,
  isSecretMatch,
  normalizeResetCode,
  parseLinkToken,
  resetCodeAlphabet,
} from "./secrets";

/** A seeded byte source (mulberry32), so every run sees the same "random" bytes. */
function seededBytes(seed: number) {
  let state = seed >>> 0;
  return (count: number) =>
    Uint8Array.from({ length: count }, () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) & 0xff;
    });
}

const now = new Date("2026-03-01T10:00:00Z");

describe("secrets", () => {
  it("match only themselves, by hash", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const secret = encodeLinkSecret(seededBytes(seed)(32));
      expect(hashSecret(secret)).not.toContain(secret);
      expect(isSecretMatch(hashSecret(secret), secret)).toBe(true);
      expect(isSecretMatch(hashSecret(secret), secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"))).toBe(false);
      expect(isSecretMatch(hashSecret(secret), "")).toBe(false);
    }
    expect(isSecretMatch("not hex", "x")).toBe(false);
  });

  it("refuses too few random bytes for a link", () => {
    expect(() => encodeLinkSecret(new Uint8Array(16))).toThrow(RangeError);
  });

  it("link tokens round-trip and anything else parses to null", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const secret = encodeLinkSecret(seededBytes(seed)(32));
      const id = "cm" + seed.toString(36).padStart(23, "0");
      expect(parseLinkToken(formatLinkToken(id, secret))).toEqual({ id, secret });
    }
    for (const bad of [undefined, 42, "", "abc", "cm0000000000.short", "CMUPPER00000." + "a".repeat(43), "x".repeat(300), "cm00000000000000000000000.a b"]) {
      expect(parseLinkToken(bad)).toBeNull();
    }
  });
});

describe("reset codes", () => {
  it("have 12 characters of the unambiguous alphabet in groups of four, and normalise back", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const code = generateResetCode(seededBytes(seed));
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect([...code.replace(/-/g, "")].every((c) => resetCodeAlphabet.includes(c))).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normalizeResetCode(code)).toBe(code);
      expect(normalizeResetCode(` ${code.toLowerCase().replace(/-/g, " ")} `)).toBe(code);
      seen.add(code);
    }
    expect(seen.size).toBe(300);
  });

  it("draw every character about equally often (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 2000; seed++) for (const c of generateResetCode(seededBytes(seed)).replace(/-/g, "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (2000 * 12) / resetCodeAlphabet.length;
    expect(counts.size).toBe(resetCodeAlphabet.length);
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15);
  });

  it("skips bytes that would bias the draw", () => {
    // 248 and above are rejected (256 - 256 % 31 = 248); the code comes from the next bytes.
    let call = 0;
    const code = generateResetCode((count) => (call++ === 0 ? new Uint8Array(count).fill(250) : new Uint8Array(count).fill(0)));
    expect(code).toBe("AAAA-AAAA-AAAA");
  });

  it("normalising refuses what cannot be a code", () => {
    for (const bad of [undefined, "", "ABCD-EFGH", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JKM0", "ABCD-EFGH-JKMI", "x".repeat(100)]) expect(normalizeResetCode(bad)).toBeNull();
  });
});

describe("token state", () => {
  it("reset links last 30 minutes, class codes and e-mail links 24 hours", () => {
    expect(getTokenExpiry("password-reset", now).getTime() - now.getTime()).toBe(30 * 60 * 1000);
    expect(getTokenExpiry("class-reset", now).getTime() - now.getTime()).toBe(24 * 60 * 60 * 1000);
    expect(getTokenExpiry("email-change", now).getTime() - now.getTime()).toBe(24 * 60 * 60 * 1000);
  });

  it("is valid before expiry, expired from the expiry on, used once used", () => {
    const expiresAt = getTokenExpiry("password-reset", now);
    for (let minute = 0; minute <= 60; minute++) {
      const at = new Date(now.getTime() + minute * 60_000);
      expect(getTokenState({ expiresAt, usedAt: null }, at)).toBe(minute < 30 ? "valid" : "expired");
      expect(getTokenState({ expiresAt, usedAt: now }, at)).toBe("used");
    }
  });
});
