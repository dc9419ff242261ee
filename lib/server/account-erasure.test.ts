import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./test-database";

// The Prisma client reads DATABASE_URL when it is created: point it at a throwaway file first.
const testDatabase = createTestDatabase("account-erasure");
const { db } = await import("./db");
const { createAccount, deleteUser } = await import("./users");

/** Every file SQLite keeps the database in: the main file and its write-ahead log. */
function databaseBytes(): Buffer {
  return Buffer.concat([testDatabase.file, `${testDatabase.file}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file)));
}

describe.runIf(testDatabase.provider === "sqlite")("deleteUser on SQLite", () => {
  it("leaves no byte of the e-mail address or the name in the database file or its WAL", async () => {
    const email = `erase-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
    const password = "Vq7#mLp2-Rz9!wXc4";
    const user = await createAccount({ email, password, role: "learner" });
    // Some traffic after the insert, as a real account has: the row's pages go to the WAL and,
    // on a checkpoint, into the file itself.
    for (let i = 0; i < 3; i++) await db.user.update({ where: { id: user.id }, data: { displayName: `Eraseme Person ${i}` } });
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)");
    await db.user.update({ where: { id: user.id }, data: { displayName: "Eraseme Person" } });
    expect(databaseBytes().includes(Buffer.from(email)), "the test can see the e-mail before").toBe(true);

    await deleteUser(user.id);

    const bytes = databaseBytes();
    expect(bytes.includes(Buffer.from(email)), "e-mail bytes after deletion").toBe(false);
    expect(bytes.includes(Buffer.from("Eraseme Person")), "name bytes after deletion").toBe(false);
  });
});
