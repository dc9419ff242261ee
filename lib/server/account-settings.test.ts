import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
createTestDatabase("account-settings");
const { db } = await import("./db");
const { createSession, validateSessionToken } = await import("./session");
const { createAccount, verifyCredentials } = await import("./users");
const { changePassword, setDisplayName } = await import("./account-settings");

const password = "a long enough password";
let counter = 0;
const newAccount = (displayName?: string) =>
  createAccount({ email: `person-${++counter}@example.org`, password, role: "learner", displayName });

describe("setDisplayName", () => {
  it("stores the name tidied, and refuses empty, long and control-character names", async () => {
    const account = await newAccount();
    expect(account.displayName).toBeNull();
    expect(await setDisplayName(account.id, "  Ada   Lovelace ")).toBe("Ada Lovelace");
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).displayName).toBe("Ada Lovelace");
    await expect(setDisplayName(account.id, "   ")).rejects.toThrow();
    await expect(setDisplayName(account.id, "x".repeat(81))).rejects.toThrow();
    await expect(setDisplayName(account.id, "Ada\u202EecalevoL")).rejects.toThrow();
    expect((await db.user.findUniqueOrThrow({ where: { id: account.id } })).displayName).toBe("Ada Lovelace");
  });

  it("keeps a name given at sign-up", async () => {
    expect((await newAccount("Grace Hopper")).displayName).toBe("Grace Hopper");
  });

  it("changes no guest and no unknown id", async () => {
    const guest = await db.user.create({ data: { isGuest: true } });
    await expect(setDisplayName(guest.id, "Gast")).rejects.toThrow("user");
    await expect(setDisplayName("nobody", "Niemand")).rejects.toThrow("user");
  });
});

describe("changePassword", () => {
  it("needs the current password, applies the new-password rules, and ends every session", async () => {
    const account = await newAccount("Ada Lovelace");
    const sessions = await Promise.all([createSession(account.id), createSession(account.id)]);

    expect(await changePassword(account.id, "not my password", "Tante Erna fährt Rad")).toEqual({
      ok: false,
      field: "currentPassword",
      message: "auth.errors.currentPasswordWrong",
    });
    expect(await changePassword(account.id, password, "password12")).toEqual({ ok: false, field: "newPassword", message: "auth.errors.passwordGuessable" });
    expect(await changePassword(account.id, password, "lovelace2024")).toEqual({ ok: false, field: "newPassword", message: "auth.errors.passwordGuessable" });
    expect(await changePassword(account.id, password, account.email!)).toEqual({ ok: false, field: "newPassword", message: "auth.errors.passwordSameAsEmail" });
    // Refused attempts change nothing: the sessions still work.
    expect(await validateSessionToken(sessions[0].token)).not.toBeNull();

    expect(await changePassword(account.id, password, "Tante Erna fährt Rad")).toEqual({ ok: true });
    for (const session of sessions) expect(await validateSessionToken(session.token)).toBeNull();
    expect(await verifyCredentials(account.email!, password)).toBeNull();
    expect(await verifyCredentials(account.email!, "Tante Erna fährt Rad")).toMatchObject({ id: account.id });
  });
});
