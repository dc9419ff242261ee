import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { getMailConfig, isMailConfigured, sendMail, sendPasswordResetMail, MailNotConfiguredError } from "./mailer";

describe("getMailConfig", () => {
  it("uses SMTP_URL when set, in any build", () => {
    for (const NODE_ENV of ["production", "development", "test"]) {
      expect(getMailConfig({ NODE_ENV, SMTP_URL: "smtp://u:p@mail.example:587", APP_URL: "https://faktum.example/", MAIL_FROM: "Faktum <x@faktum.example>" })).toEqual({
        mode: "smtp",
        url: "smtp://u:p@mail.example:587",
        from: "Faktum <x@faktum.example>",
        appUrl: "https://faktum.example",
      });
    }
  });

  it("writes to the outbox in development and test, and is not set up in production without SMTP_URL", () => {
    expect(getMailConfig({ NODE_ENV: "development", PORT: "3005" })).toMatchObject({ mode: "outbox", appUrl: "http://localhost:3005" });
    expect(getMailConfig({ NODE_ENV: "test" }).mode).toBe("outbox");
    expect(getMailConfig({ NODE_ENV: "production", APP_URL: "https://faktum.example" })).toEqual({ mode: "disabled" });
    expect(isMailConfigured({ NODE_ENV: "production", APP_URL: "https://faktum.example" })).toBe(false);
  });

  it("needs APP_URL in production: links are never built from a request's Host header", () => {
    expect(getMailConfig({ NODE_ENV: "production", SMTP_URL: "smtp://mail.example" })).toEqual({ mode: "disabled" });
  });
});

describe("sending", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "faktum-outbox-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("writes an .eml with plain text and HTML, in the recipient's language, to the outbox", async () => {
    const config = { mode: "outbox", directory, from: "Faktum <f@localhost>", appUrl: "http://localhost:3000" } as const;
    await sendPasswordResetMail({ email: "ada@example.org", name: "Ada <Admin>", locale: "en" }, "abc.def", config);
    await sendPasswordResetMail({ email: "ada@example.org", name: null, locale: "de" }, "abc.def", config);
    const files = readdirSync(directory).filter((name) => name.endsWith(".eml")).sort();
    expect(files).toHaveLength(2);
    const mails = await Promise.all(files.map((file) => simpleParser(readFileSync(path.join(directory, file)))));
    const both = [mails.find((mail) => mail.subject?.startsWith("Your"))!, mails.find((mail) => mail.subject?.startsWith("Dein"))!];
    expect(both[0].subject).toBe("Your new Faktum password");
    expect(both[0].text).toContain("Hello Ada <Admin>,");
    expect(both[0].text).toContain("http://localhost:3000/reset-password?token=abc.def");
    expect(both[0].html).toContain("Ada &lt;Admin&gt;");
    expect(both[0].html).toContain('href="http://localhost:3000/reset-password?token=abc.def"');
    expect(both[1].subject).toBe("Dein neues Passwort für Faktum");
    expect(both[1].text).toContain("Hallo,");
  });

  it("refuses to send when mail is not set up", async () => {
    await expect(sendMail("a@example.org", { subject: "s", text: "t", html: "h" }, { mode: "disabled" })).rejects.toBeInstanceOf(MailNotConfiguredError);
  });

  it("delivers over SMTP", async () => {
    const received: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const config = { mode: "smtp", url: `smtp://127.0.0.1:${port}`, from: "Faktum <f@faktum.example>", appUrl: "https://faktum.example" } as const;
      await sendPasswordResetMail({ email: "grace@example.org", locale: "de" }, "id.secret", config);
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("grace@example.org");
      expect(mail.text).toContain("https://faktum.example/reset-password?token=id.secret");
      expect(mail.html).toBeTruthy();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
