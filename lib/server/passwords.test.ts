import { describe, expect, it } from "vitest";
import { countPasswordCharacters, findPasswordIssue, hashPassword, verifyDummyPassword, verifyPassword } from "./passwords";

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id and verifies the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
  });

  it("refuses a wrong password, including one differing only in case or a trailing space", async () => {
    const hash = await hashPassword("correct horse battery staple");
    for (const wrong of ["correct horse battery stapl", "Correct horse battery staple", "correct horse battery staple ", ""]) {
      expect(await verifyPassword(hash, wrong), JSON.stringify(wrong)).toBe(false);
    }
  });

  it("salts: the same password hashes differently each time", async () => {
    const [first, second] = await Promise.all([hashPassword("same password 123"), hashPassword("same password 123")]);
    expect(first).not.toBe(second);
  });

  it("treats canonically equal Unicode as the same password (NFKC)", async () => {
    const composed = "Grüße aus Köln"; // ü, ö as single code points
    const decomposed = composed.normalize("NFD"); // u + combining diaeresis
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it("answers false, not an exception, for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever password")).toBe(false);
  });

  it("spends real work on the dummy check and always says no", async () => {
    await verifyDummyPassword("warm-up");
    const started = performance.now();
    expect(await verifyDummyPassword("faktum-dummy-password-for-constant-timing")).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(2);
  });
});

describe("findPasswordIssue", () => {
  it("accepts 10 to 200 characters with no character-class rules", () => {
    expect(findPasswordIssue("aaaaaaaaaa")).toBeNull();
    expect(findPasswordIssue("a".repeat(200))).toBeNull();
    expect(findPasswordIssue("nur kleine buchstaben")).toBeNull();
  });

  it("refuses fewer than 10 and more than 200 characters", () => {
    expect(findPasswordIssue("a".repeat(9))).toBe("tooShort");
    expect(findPasswordIssue("")).toBe("tooShort");
    expect(findPasswordIssue("a".repeat(201))).toBe("tooLong");
  });

  it("counts characters, not UTF-16 units: five emoji are five characters", () => {
    expect(countPasswordCharacters("🦊🦊🦊🦊🦊")).toBe(5);
    expect(findPasswordIssue("🦊".repeat(9))).toBe("tooShort");
    expect(findPasswordIssue("🦊".repeat(10))).toBeNull();
  });

  it("refuses the email address itself, in any case", () => {
    expect(findPasswordIssue("ada@example.org", "ada@example.org")).toBe("sameAsEmail");
    expect(findPasswordIssue("Ada@Example.org", "ada@example.org")).toBe("sameAsEmail");
    expect(findPasswordIssue("ada@example.org!", "ada@example.org")).toBeNull();
  });
});
