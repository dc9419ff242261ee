import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway database first.
createTestDatabase("account-tokens");
const { db } = await import("./db");
const { createSession, validateSessionToken } = await import("./session");
const { createAccount, verifyCredentials } = await import("./users");
const { createClass, joinClass } = await import("./classes");
const { hashSecret, parseLinkToken } = await import("@/lib/account-tokens/secrets");
const tokens = await import("./account-tokens");

const password = "a long enough password";
const newPassword = "ganz neue Wörter im Satz";
let counter = 0;
const newAccount = (role: "learner" | "teacher" = "learner") =>
  createAccount({ email: `person-${++counter}@example.org`, password, role, displayName: `Person ${counter}` });
const at = (minutes: number, from = new Date("2026-03-01T10:00:00Z")) => new Date(from.getTime() + minutes * 60_000);

describe("password reset links", () => {
  it("store only a hash, work once within 30 minutes, end every session and make the new password the one", async () => {
    const account = await newAccount();
    const session = await createSession(account.id, at(0));
    const issued = await tokens.issuePasswordResetLink(account.email!, at(0));
    expect(issued).toMatchObject({ userId: account.id, email: account.email });
    const { id, secret } = parseLinkToken(issued!.token)!;
    const row = await db.accountToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);

    expect(await tokens.checkLinkToken(issued!.token, "password-reset", at(29))).toBe("valid");
    expect(await tokens.resetPasswordWithLink(issued!.token, newPassword, at(29))).toEqual({ ok: true, userId: account.id });
    expect(await validateSessionToken(session.token, at(30))).toBeNull();
    expect(await verifyCredentials(account.email!, password)).toBeNull();
    expect(await verifyCredentials(account.email!, newPassword)).toMatchObject({ id: account.id });

    expect(await tokens.checkLinkToken(issued!.token, "password-reset", at(29))).toBe("used");
    expect(await tokens.resetPasswordWithLink(issued!.token, "noch ein anderer Satz hier", at(29))).toMatchObject({ ok: false, reason: "used", message: "auth.reset.errors.linkUsed" });
    expect(await verifyCredentials(account.email!, newPassword)).toMatchObject({ id: account.id });
  });

  it("expire after 30 minutes", async () => {
    const account = await newAccount();
    const issued = await tokens.issuePasswordResetLink(account.email!, at(0));
    expect(await tokens.checkLinkToken(issued!.token, "password-reset", at(30))).toBe("expired");
    expect(await tokens.resetPasswordWithLink(issued!.token, newPassword, at(30))).toMatchObject({ ok: false, reason: "expired", message: "auth.reset.errors.linkExpired" });
    expect(await verifyCredentials(account.email!, password)).toMatchObject({ id: account.id });
  });

  it("refuse a wrong secret, a made-up id and another purpose's token", async () => {
    const account = await newAccount();
    const issued = await tokens.issuePasswordResetLink(account.email!, at(0));
    const { id, secret } = parseLinkToken(issued!.token)!;
    const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`;
    for (const token of [flipped, `cm${"0".repeat(23)}.${secret}`, "garbage", undefined]) {
      expect(await tokens.checkLinkToken(token, "password-reset", at(1))).toBe("invalid");
      expect(await tokens.resetPasswordWithLink(token, newPassword, at(1))).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await tokens.checkLinkToken(issued!.token, "email-change", at(1))).toBe("invalid");
    expect(await verifyCredentials(account.email!, password)).toMatchObject({ id: account.id });
  });

  it("apply sign-up's password rules and stay usable after a refused password", async () => {
    const account = await newAccount();
    const issued = await tokens.issuePasswordResetLink(account.email!, at(0));
    expect(await tokens.resetPasswordWithLink(issued!.token, "short", at(1))).toMatchObject({ ok: false, reason: "password", message: "auth.errors.passwordTooShort" });
    expect(await tokens.resetPasswordWithLink(issued!.token, "password123456", at(1))).toMatchObject({ ok: false, reason: "password", message: "auth.errors.passwordGuessable" });
    expect(await tokens.resetPasswordWithLink(issued!.token, account.email!, at(1))).toMatchObject({ ok: false, reason: "password" });
    expect(await tokens.resetPasswordWithLink(issued!.token, newPassword, at(2))).toMatchObject({ ok: true });
  });

  it("one used link ends the account's other open links; two concurrent uses of one link cannot both win", async () => {
    const account = await newAccount();
    const first = await tokens.issuePasswordResetLink(account.email!, at(0));
    const second = await tokens.issuePasswordResetLink(account.email!, at(1));
    const results = await Promise.all([tokens.resetPasswordWithLink(second!.token, newPassword, at(2)), tokens.resetPasswordWithLink(second!.token, "ein ganz anderer Satz", at(2))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await tokens.checkLinkToken(first!.token, "password-reset", at(3))).toBe("used");
  });

  it("are issued for no unknown address and no guest", async () => {
    expect(await tokens.issuePasswordResetLink("nobody@example.org", at(0))).toBeNull();
    expect(await db.accountToken.count({ where: { user: { email: "nobody@example.org" } } })).toBe(0);
  });
});

describe("class reset codes", () => {
  async function classWithLearner() {
    const teacher = await newAccount("teacher");
    const learner = await newAccount();
    const { id: classId, joinCode } = await createClass(teacher.id, { name: `Klasse ${counter}` });
    await joinClass(learner, joinCode);
    return { teacher, learner, classId };
  }

  it("work once within 24 hours for the learner's address, typed in any case and grouping", async () => {
    const { teacher, learner, classId } = await classWithLearner();
    const session = await createSession(learner.id, at(0));
    const { code, expiresAt } = await tokens.issueClassResetCode(teacher.id, classId, learner.id, at(0));
    expect(expiresAt).toEqual(at(24 * 60));
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: learner.id, purpose: "class-reset" } });
    expect(row.secretHash).toBe(hashSecret(code));
    expect(row.issuedById).toBe(teacher.id);

    const typed = code.toLowerCase().replace(/-/g, " ");
    expect(await tokens.resetPasswordWithCode(learner.email!, typed, newPassword, at(24 * 60 - 1))).toEqual({ ok: true, userId: learner.id });
    expect(await validateSessionToken(session.token, at(24 * 60))).toBeNull();
    expect(await verifyCredentials(learner.email!, newPassword)).toMatchObject({ id: learner.id });
    expect(await tokens.resetPasswordWithCode(learner.email!, code, "ein ganz anderer Satz", at(24 * 60 - 1))).toMatchObject({ ok: false, message: "auth.reset.errors.codeInvalid" });
  });

  it("expire after 24 hours; a new code replaces the old one; wrong address or code get one answer", async () => {
    const { teacher, learner, classId } = await classWithLearner();
    const old = await tokens.issueClassResetCode(teacher.id, classId, learner.id, at(0));
    const fresh = await tokens.issueClassResetCode(teacher.id, classId, learner.id, at(1));
    const refused = { ok: false, reason: "invalid", message: "auth.reset.errors.codeInvalid" };
    expect(await tokens.resetPasswordWithCode(learner.email!, old.code, newPassword, at(2))).toEqual(refused);
    expect(await tokens.resetPasswordWithCode("nobody@example.org", fresh.code, newPassword, at(2))).toEqual(refused);
    expect(await tokens.resetPasswordWithCode(learner.email!, "ABCD-EFGH-JKMN", newPassword, at(2))).toEqual(refused);
    expect(await tokens.resetPasswordWithCode(learner.email!, fresh.code, newPassword, at(24 * 60 + 1))).toEqual(refused);
    expect(await verifyCredentials(learner.email!, password)).toMatchObject({ id: learner.id });
  });

  it("are issued only by the learner's own teacher, for a current member", async () => {
    const { teacher, learner, classId } = await classWithLearner();
    const other = await classWithLearner();
    await expect(tokens.issueClassResetCode(other.teacher.id, other.classId, learner.id, at(0))).rejects.toThrow("not found");
    await expect(tokens.issueClassResetCode(other.teacher.id, classId, learner.id, at(0))).rejects.toThrow("not found");
    await expect(tokens.issueClassResetCode(teacher.id, classId, other.learner.id, at(0))).rejects.toThrow("not found");
    await expect(tokens.issueClassResetCode(teacher.id, classId, teacher.id, at(0))).rejects.toThrow("not found");
    await db.classMember.updateMany({ where: { classId, userId: learner.id }, data: { removedAt: at(0) } });
    await expect(tokens.issueClassResetCode(teacher.id, classId, learner.id, at(1))).rejects.toThrow("not found");
    expect(await db.accountToken.count({ where: { userId: { in: [learner.id, other.learner.id] } } })).toBe(0);
  });
});

describe("e-mail change", () => {
  it("changes the address only when the link is followed, once, and ends every other session", async () => {
    const account = await newAccount();
    const keep = await createSession(account.id, at(0));
    const other = await createSession(account.id, at(0));
    const newEmail = `renamed-${counter}@example.org`;
    const { token } = await tokens.requestEmailChange(account.id, newEmail, at(0));
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).email).toBe(account.email);

    expect(await tokens.confirmEmailChange(token, keep.token, at(60))).toEqual({ ok: true, userId: account.id, oldEmail: account.email, newEmail });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).email).toBe(newEmail);
    expect(await validateSessionToken(keep.token, at(61))).toMatchObject({ id: account.id, email: newEmail });
    expect(await validateSessionToken(other.token, at(61))).toBeNull();
    expect(await tokens.confirmEmailChange(token, keep.token, at(62))).toMatchObject({ ok: false, reason: "used" });
  });

  it("refuses a taken address, expires after 24 hours, and is refused if the address was taken meanwhile", async () => {
    const account = await newAccount();
    const other = await newAccount();
    await expect(tokens.requestEmailChange(account.id, other.email!, at(0))).rejects.toThrow("auth.errors.emailTaken");
    await expect(tokens.requestEmailChange(account.id, account.email!, at(0))).rejects.toThrow("auth.emailChange.errors.sameEmail");
    const late = await tokens.requestEmailChange(account.id, `late-${counter}@example.org`, at(0));
    expect(await tokens.confirmEmailChange(late.token, undefined, at(24 * 60))).toMatchObject({ ok: false, reason: "expired" });

    const raced = `raced-${counter}@example.org`;
    const { token } = await tokens.requestEmailChange(account.id, raced, at(0));
    await db.user.update({ where: { id: other.id }, data: { email: raced } });
    expect(await tokens.confirmEmailChange(token, undefined, at(1))).toMatchObject({ ok: false, reason: "taken" });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).email).toBe(account.email);
  });
});
