import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, isJoinCodeFormat, joinCodeAlphabet, joinCodeLength, normaliseJoinCode } from "./join-code";

describe("join codes", () => {
  it("use 31 characters without look-alikes", () => {
    expect(joinCodeAlphabet).toHaveLength(31);
    expect(new Set(joinCodeAlphabet).size).toBe(31);
    for (const lookAlike of ["0", "O", "1", "I", "L"]) expect(joinCodeAlphabet).not.toContain(lookAlike);
  });

  it("are 8 characters of the alphabet, and differ", () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateJoinCode(randomBytes);
      expect(code).toHaveLength(joinCodeLength);
      expect(isJoinCodeFormat(code)).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it("skip bytes that would bias the choice", () => {
    const bytes = [255, 250, 248, 0, 30, 31, 247, 62, 1, 2, 3];
    const code = generateJoinCode((size) => Uint8Array.from({ length: size }, (_, i) => bytes[i % bytes.length]!));
    expect(code).toBe([0, 30, 0, 30, 0, 1, 2, 3].map((i) => joinCodeAlphabet[i]).join(""));
  });

  it("are spread evenly over the alphabet", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const ch of generateJoinCode(randomBytes)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (4000 * 8) / 31;
    for (const ch of joinCodeAlphabet) expect(Math.abs((counts.get(ch) ?? 0) - expected) / expected).toBeLessThan(0.2);
  });

  it("are normalised as typed and formatted for reading", () => {
    expect(normaliseJoinCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(isJoinCodeFormat(normaliseJoinCode("abcd efgh"))).toBe(true);
    expect(isJoinCodeFormat("ABCDEFG")).toBe(false);
    expect(isJoinCodeFormat("ABCDEFG0")).toBe(false);
    expect(isJoinCodeFormat("ABCDEFGI")).toBe(false);
    expect(formatJoinCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});
