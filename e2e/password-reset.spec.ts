import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { type Credentials, expect, gotoForm, sessionTokenOf, signIn, signUp, submitSignIn, test, uniqueEmail } from "./auth-fixtures";
import { queryE2eDatabase } from "./e2e-database";

/**
 * Issue 14, accounts people can live with: password reset over real SMTP, class-managed reset
 * codes and e-mail change. The app's SMTP_URL (playwright.config.ts) points at the SMTP server
 * this spec starts on loopback; every mail it receives is parsed with mailparser.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

const inbox: ParsedMail[] = [];
let smtp: SMTPServer;

test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = Number(process.env.E2E_SMTP_PORT);
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject);
    smtp.listen(port, "127.0.0.1", () => resolve());
  });
  expect((smtp.server.address() as AddressInfo).port).toBe(port);
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? "";
}

async function waitForMail(to: string, count = 1): Promise<ParsedMail> {
  await expect.poll(() => inbox.filter((mail) => recipientOf(mail) === to).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return inbox.filter((mail) => recipientOf(mail) === to)[count - 1];
}

function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9._%-]+`).exec(mail.text ?? "");
  if (!match) throw new Error(`no ${path} link in the mail:\n${mail.text}`);
  // The HTML part carries the same link, as a button and in full.
  expect(mail.html || "").toContain(`href="${match[0]}"`);
  return match[0];
}

let addressCounter = 0;
async function newPerson(browser: Browser, baseURL: string, locale: "de" | "en" = "de"): Promise<{ context: BrowserContext; page: Page }> {
  addressCounter++;
  const context = await browser.newContext({ baseURL, locale: locale === "de" ? "de-DE" : "en-GB", extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${addressCounter}` } });
  if (locale === "en") await context.addCookies([{ name: "faktum-locale", value: "en", url: baseURL }]);
  return { context, page: await context.newPage() };
}

async function requestReset(page: Page, email: string): Promise<string> {
  await gotoForm(page, "/sign-in");
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await expect(page.getByRole("heading", { name: "Passwort vergessen?" })).toBeVisible();
  await expect(page.locator("main form[data-hydrated]")).toBeVisible();
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Link schicken" }).click();
  const confirmation = page.getByTestId("forgot-confirmation");
  await expect(confirmation).toContainText("Schau in dein Postfach");
  return (await confirmation.innerText()).replace(email, "<address>");
}

async function expectSignInFails(browser: Browser, baseURL: string, credentials: Credentials) {
  const { context, page } = await newPerson(browser, baseURL);
  await gotoForm(page, "/sign-in");
  await submitSignIn(page, credentials);
  await expect(page.getByText("E-Mail-Adresse oder Passwort ist falsch.")).toBeVisible();
  await context.close();
}

test("a reset mail's link sets a new password: old password and old sessions stop working, the link works once", async ({ browser, baseURL }) => {
  const old = await newPerson(browser, baseURL!);
  const account = await signUp(old.page, { name: "Rosa Reset" });
  const oldToken = await sessionTokenOf(old.page);
  expect(oldToken).toBeTruthy();

  const forgetful = await newPerson(browser, baseURL!);
  const known = await requestReset(forgetful.page, account.email);
  const mail = await waitForMail(account.email);
  expect(mail.subject).toBe("Dein neues Passwort für Faktum");
  expect(mail.text).toContain(account.email);
  expect(mail.from?.text).toContain("faktum@example.org");
  const link = linkIn(mail, "/reset-password");
  expect(link.startsWith(`${baseURL}/reset-password?token=`)).toBe(true);

  // An address without an account gets the very same confirmation, and no mail.
  const unknownEmail = uniqueEmail("nobody");
  expect(await requestReset(forgetful.page, unknownEmail)).toBe(known);

  await forgetful.page.goto(link);
  await expect(forgetful.page.getByRole("heading", { name: "Neues Passwort setzen" })).toBeVisible();
  await expect(forgetful.page.locator("main form[data-hydrated]")).toBeVisible();
  // Sign-up's strength rule applies.
  await forgetful.page.getByLabel("Neues Passwort").fill("passwort123");
  await forgetful.page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(forgetful.page.getByText("Dieses Passwort ist zu leicht zu erraten").first()).toBeVisible();
  const newPassword = "Rosen blühen im Februar selten";
  await forgetful.page.getByLabel("Neues Passwort").fill(newPassword);
  await forgetful.page.getByRole("button", { name: "Passwort setzen" }).click();
  await forgetful.page.waitForURL(`${baseURL}/`);
  await expect(forgetful.page.getByRole("button", { name: "Abmelden" })).toBeVisible();

  // The session from before the reset is gone.
  await old.page.goto("/account");
  await old.page.waitForURL(/\/sign-in/);
  expect((await queryE2eDatabase('SELECT "id" FROM "Session" WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = $1)', [account.email])).length).toBe(1);

  await expectSignInFails(browser, baseURL!, account);
  const fresh = await newPerson(browser, baseURL!);
  await signIn(fresh.page, { email: account.email, password: newPassword });

  // The link was used up.
  await fresh.page.goto(link);
  await expect(fresh.page.getByTestId("reset-link-problem")).toHaveAttribute("data-state", "used");
  await expect(fresh.page.getByText("Dieser Link wurde schon benutzt und gilt nicht mehr.")).toBeVisible();

  expect(inbox.some((m) => recipientOf(m) === unknownEmail)).toBe(false);
  for (const person of [old, forgetful, fresh]) await person.context.close();
});

test("an expired link is refused with a clear message; the mail follows the person's language", async ({ browser, baseURL }) => {
  const setup = await newPerson(browser, baseURL!);
  const account = await signUp(setup.page);
  await setup.context.close();

  const person = await newPerson(browser, baseURL!, "en");
  await gotoForm(person.page, "/forgot-password");
  await expect(person.page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await person.page.getByLabel("Email address").fill(account.email);
  await person.page.getByRole("button", { name: "Send link" }).click();
  await expect(person.page.getByTestId("forgot-confirmation")).toContainText("Check your inbox");
  const mail = await waitForMail(account.email);
  expect(mail.subject).toBe("Your new Faktum password");
  const link = linkIn(mail, "/reset-password");

  // 31 minutes later, as far as the database knows.
  const tokenId = new URL(link).searchParams.get("token")!.split(".")[0];
  await queryE2eDatabase('UPDATE "AccountToken" SET "expiresAt" = $1 WHERE "id" = $2', [new Date(Date.now() - 60_000), tokenId]);
  await person.page.goto(link);
  await expect(person.page.getByTestId("reset-link-problem")).toHaveAttribute("data-state", "expired");
  await expect(person.page.getByText("This link has expired. Just request a new one.")).toBeVisible();
  await expect(person.page.getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/forgot-password");

  // A broken link is no 500 either.
  await person.page.goto("/reset-password?token=not-a-token");
  await expect(person.page.getByTestId("reset-link-problem")).toHaveAttribute("data-state", "invalid");
  await person.context.close();
});

test("a teacher gives a learner of their class a one-time reset code; no other teacher can", async ({ browser, baseURL }) => {
  const teacher = await newPerson(browser, baseURL!);
  await signUp(teacher.page, { role: "teacher", name: "Frau Lehmann" });
  await teacher.page.goto("/classes");
  await expect(teacher.page.locator("main form[data-hydrated]")).toBeVisible();
  await teacher.page.getByLabel("Name der Klasse").fill("Klasse 8c");
  await teacher.page.getByRole("button", { name: "Klasse anlegen" }).click();
  await teacher.page.waitForURL(/\/classes\/[^/]+$/);
  const classId = teacher.page.url().split("/").pop()!;
  const joinLink = await teacher.page.getByTestId("join-link").inputValue();

  const learner = await newPerson(browser, baseURL!);
  const account = await signUp(learner.page, { name: "Kai Kennwort" });
  await learner.page.goto(new URL(joinLink).pathname);
  await expect(learner.page.locator("main form[data-hydrated]")).toBeVisible();
  await learner.page.getByTestId("join-submit").click();
  await learner.page.waitForURL(`**/classes/${classId}`);
  const [{ id: learnerId }] = await queryE2eDatabase('SELECT "id" FROM "User" WHERE "email" = $1', [account.email]);

  // Another teacher, the learner and a stranger are all refused: 404, and no code exists.
  const other = await newPerson(browser, baseURL!);
  await signUp(other.page, { role: "teacher" });
  const url = `/api/classes/${classId}/learners/${learnerId}/reset-code`;
  for (const context of [other.context, learner.context]) {
    const response = await context.request.post(url);
    expect(response.status()).toBe(404);
    expect(JSON.stringify(await response.json())).not.toMatch(/code"/);
  }
  const stranger = await browser.newContext({ baseURL });
  expect((await stranger.request.post(url)).status()).toBe(404);
  await stranger.close();
  expect(await queryE2eDatabase('SELECT "id" FROM "AccountToken" WHERE "userId" = $1', [learnerId])).toHaveLength(0);

  await teacher.page.reload();
  teacher.page.once("dialog", (dialog) => dialog.accept());
  await teacher.page.getByRole("button", { name: "Rücksetzcode für Kai Kennwort erstellen" }).click();
  const code = (await teacher.page.getByTestId("reset-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const [stored] = await queryE2eDatabase('SELECT "secretHash" FROM "AccountToken" WHERE "userId" = $1', [learnerId]);
  expect(String(stored.secretHash)).not.toContain(code);

  // The learner, signed out elsewhere, enters it on the reset page.
  const elsewhere = await newPerson(browser, baseURL!);
  await gotoForm(elsewhere.page, "/forgot-password");
  await elsewhere.page.getByRole("link", { name: "Code eingeben" }).first().click();
  await expect(elsewhere.page.getByRole("heading", { name: "Mit Code zurücksetzen" })).toBeVisible();
  await expect(elsewhere.page.locator("main form[data-hydrated]")).toBeVisible();
  const newPassword = "Kaffee am Montag hilft immer";
  await elsewhere.page.getByLabel("E-Mail-Adresse").fill(account.email);
  await elsewhere.page.getByLabel("Rücksetzcode").fill("ABCD-EFGH-JKMN");
  await elsewhere.page.getByLabel("Neues Passwort").fill(newPassword);
  await elsewhere.page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(elsewhere.page.getByText("E-Mail-Adresse oder Code stimmt nicht").first()).toBeVisible();
  await elsewhere.page.getByLabel("Rücksetzcode").fill(code.toLowerCase().replace(/-/g, " "));
  await elsewhere.page.getByLabel("Neues Passwort").fill(newPassword);
  await elsewhere.page.getByRole("button", { name: "Passwort setzen" }).click();
  await elsewhere.page.waitForURL(`${baseURL}/`);
  await expect(elsewhere.page.getByRole("button", { name: "Abmelden" })).toBeVisible();

  // The learner's earlier session ended; the old password no longer works; the code is used up.
  await learner.page.goto("/account");
  await learner.page.waitForURL(/\/sign-in/);
  await expectSignInFails(browser, baseURL!, account);
  const again = await newPerson(browser, baseURL!);
  await gotoForm(again.page, "/reset-password");
  await again.page.getByLabel("E-Mail-Adresse").fill(account.email);
  await again.page.getByLabel("Rücksetzcode").fill(code);
  await again.page.getByLabel("Neues Passwort").fill("noch ein ganz anderer Satz");
  await again.page.getByRole("button", { name: "Passwort setzen" }).click();
  await expect(again.page.getByText("E-Mail-Adresse oder Code stimmt nicht").first()).toBeVisible();
  for (const person of [teacher, learner, other, elsewhere, again]) await person.context.close();
});

test("an e-mail change is confirmed by a link to the new address; the old address is told; other sessions end", async ({ browser, baseURL }) => {
  const main = await newPerson(browser, baseURL!);
  const account = await signUp(main.page, { name: "Eva Umzug" });
  const second = await newPerson(browser, baseURL!);
  await signIn(second.page, account);

  const newEmail = uniqueEmail("moved");
  await gotoForm(main.page, "/account");
  const form = main.page.locator("section", { has: main.page.getByRole("heading", { name: "E-Mail-Adresse ändern" }) });
  await form.getByLabel("Neue E-Mail-Adresse").fill(newEmail);
  await form.getByLabel("Dein Passwort zur Bestätigung").fill("falsch falsch falsch");
  await form.getByRole("button", { name: "Bestätigungslink schicken" }).click();
  await expect(form.getByText("Das aktuelle Passwort ist falsch.").first()).toBeVisible();
  await form.getByLabel("Neue E-Mail-Adresse").fill(newEmail);
  await form.getByLabel("Dein Passwort zur Bestätigung").fill(account.password);
  await form.getByRole("button", { name: "Bestätigungslink schicken" }).click();
  await expect(form.getByText(`Fast geschafft: Öffne den Link, den wir an ${newEmail} geschickt haben.`, { exact: false })).toBeVisible();

  const mail = await waitForMail(newEmail);
  expect(mail.subject).toBe("Bestätige deine neue E-Mail-Adresse für Faktum");
  const link = linkIn(mail, "/account/confirm-email");
  // Opening the link changes nothing yet.
  await main.page.goto(link);
  await expect(main.page.getByRole("heading", { name: "Neue E-Mail-Adresse bestätigen" })).toBeVisible();
  expect(await queryE2eDatabase('SELECT "id" FROM "User" WHERE "email" = $1', [newEmail])).toHaveLength(0);
  await expect(main.page.locator("main form[data-hydrated]")).toBeVisible();
  await main.page.getByRole("button", { name: "Adresse bestätigen" }).click();
  await expect(main.page.getByTestId("email-change-done")).toContainText(`Deine E-Mail-Adresse ist jetzt ${newEmail}.`);

  const notice = await waitForMail(account.email);
  expect(notice.subject).toBe("Die E-Mail-Adresse deines Faktum-Kontos wurde geändert");
  expect(notice.text).toContain(newEmail);

  await main.page.goto("/account");
  await expect(main.page.getByTestId("account-email")).toHaveText(newEmail);
  await second.page.goto("/account");
  await second.page.waitForURL(/\/sign-in/);
  await main.page.goto(link);
  await expect(main.page.getByTestId("email-link-problem")).toHaveAttribute("data-state", "used");
  for (const person of [main, second]) await person.context.close();
});
