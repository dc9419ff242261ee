import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import {
  type Credentials,
  waitForForm,
  defaultPassword,
  expect,
  expectNoHorizontalScroll,
  gotoForm,
  sessionCookieName,
  sessionTokenOf,
  signIn,
  signOut,
  signUp,
  submitSignIn,
  test,
  uniqueEmail,
} from "./auth-fixtures";
import { countInE2eDatabase } from "./e2e-database";
import { feedbackOf, questionKindOf, quizIdOf, startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 3, accounts: sign-up (learner, teacher), sign-in, sign-out that really ends the
 * session, rate limits, guest progress carried into an account, data export, deletion.
 */

// Each test signs up through the UI first; a dev server compiles routes on first use.
test.describe.configure({ timeout: 120_000 });

const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

const invalidCredentials = "E-Mail-Adresse oder Passwort ist falsch.";
const header = (page: Page) => page.getByRole("banner");

/** Plays the first question of a new quiz as whoever the page is (a guest if nobody). */
async function answerOneQuestion(page: Page): Promise<string> {
  await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const quizId = quizIdOf(page);
  const main = page.locator("main");
  // Any answer will do; the quiz's own spec tests the formats. Cope with each kind anyway.
  switch (await questionKindOf(page)) {
    case "single":
    case "multi":
      await main.locator("label").filter({ has: page.locator("[data-quiz-option]") }).first().click();
      break;
    case "match":
      for (const select of await main.locator("select").all()) await select.selectOption({ index: 1 });
      break;
    case "text":
      await main.locator('input[type="text"]').first().fill("Frankreich");
      break;
    case "order":
      break;
  }
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(page)).toBeVisible();
  return quizId;
}

async function exportOf(page: Page) {
  const response = await page.request.get("/api/account/export");
  expect(response.status()).toBe(200);
  return { response, data: (await response.json()) as { profile: { email: string }; quizzes: { id: string; questions: { answer: unknown }[] }[] } };
}

async function replayCookie(page: Page, token: string) {
  const context = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  await context.addCookies([{ name: sessionCookieName, value: token, url: new URL(page.url()).origin }]);
  return context;
}

test.describe("sign-up", () => {
  test("a learner signs up and lands signed in, with the role on the account page", async ({ page }) => {
    const { email } = await signUp(page, { role: "learner" });
    await expect(page).toHaveURL("/");
    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await expect(page.getByTestId("account-role")).toHaveText("Lernende:r");
    await expect(header(page).getByRole("link", { name: "Konto" })).toHaveAttribute("title", `Konto von ${email}`);
  });

  test("a teacher signs up with the teacher role", async ({ page }) => {
    await signUp(page, { role: "teacher" });
    await page.goto("/account");
    await expect(page.getByTestId("account-role")).toHaveText("Lehrkraft");
  });

  test("explains what is wrong, keeps the email, and says of a taken address only what sign-in says", async ({ page }) => {
    const { email } = await signUp(page);
    await signOut(page);

    await gotoForm(page, "/sign-up");
    await page.getByLabel("E-Mail-Adresse").fill("  Jemand@Example.ORG ");
    await page.getByLabel("Passwort", { exact: true }).fill("kurz");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    const password = page.getByLabel("Passwort", { exact: true });
    await expect(page.getByRole("status")).toHaveText("Bitte prüfe die markierten Felder.");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Das Passwort muss mindestens 10 Zeichen lang sein.")).toBeVisible();
    await expect(password).toBeFocused();
    // What was typed is kept, the password too, so fixing it does not mean typing everything again.
    await expect(password).toHaveValue("kurz");
    // The typed address survives the failed submission (browsers trim type="email" values).
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("Jemand@Example.ORG");

    // A common password is refused, and the rule is explained next to the field.
    await expect(page.getByText("nicht leicht zu erraten", { exact: false })).toBeVisible();
    await password.fill("password12");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByText("Dieses Passwort ist zu leicht zu erraten", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Passwort", { exact: true })).toBeFocused();

    // The same address in other case and with spaces is the same account. With another
    // password, sign-up answers as sign-in does: nothing says "this address is taken".
    await page.getByLabel("E-Mail-Adresse").fill(`  ${email.toUpperCase()} `);
    await page.getByLabel("Passwort", { exact: true }).fill("ein anderes langes Passwort");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    // Said once, not beside the field and again below the form.
    await expect(page.getByText(invalidCredentials)).toHaveCount(1);
    await expect(page.getByText("gibt es schon ein Konto", { exact: false })).toHaveCount(0);
    await expect(header(page).getByRole("link", { name: "Anmelden" })).toBeVisible();

    // With the account's own password, it simply signs in, as sign-in would.
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill(defaultPassword);
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  });
});

test.describe("sign-in and sign-out", () => {
  test("signs in, and a wrong password or an unknown email get the same message", async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);

    await page.goto("/sign-in");
    await submitSignIn(page, { ...account, password: "ein falsches Passwort" });
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    // The focus goes to the message, not back to the page's body.
    await expect(page.locator("main [data-form-message]")).toBeFocused();
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(account.email);
    await expect(page.getByLabel("Passwort", { exact: true })).toHaveValue("");

    await submitSignIn(page, { email: uniqueEmail("nobody"), password: defaultPassword });
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);

    await submitSignIn(page, account);
    await expect(header(page).getByRole("button", { name: "Abmelden" })).toBeVisible();
  });

  test("by keyboard only, back to the page that asked for it", async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);

    await page.goto("/account");
    await expect(page).toHaveURL("/sign-in?next=%2Faccount");
    await waitForForm(page);
    await page.getByLabel("E-Mail-Adresse").focus();
    await page.keyboard.type(account.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Passwort", { exact: true })).toBeFocused();
    await page.keyboard.type(account.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/account");
    await expect(page.getByTestId("account-email")).toHaveText(account.email);
  });

  test("a next= pointing off-site is ignored", async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);
    await page.goto("/sign-in?next=//evil.example/phish");
    await submitSignIn(page, account);
    await expect(page).toHaveURL("/");
  });

  test("sign-in rotates the session, and sign-out really ends it: the old cookie replayed is not signed in", async ({ page }) => {
    const account = await signUp(page);
    const signUpToken = await sessionTokenOf(page);
    await signOut(page);
    expect(await sessionTokenOf(page)).toBeUndefined();

    await signIn(page, account);
    const token = await sessionTokenOf(page);
    expect(token).toBeTruthy();
    expect(token).not.toBe(signUpToken);
    const cookie = (await page.context().cookies()).find((each) => each.name === sessionCookieName)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    // While signed in, the token works from another browser (that is what a stolen cookie is)…
    const thief = await replayCookie(page, token!);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/account");
    await expect(thiefPage.getByTestId("account-email")).toHaveText(account.email);

    // …and after sign-out it is worthless everywhere.
    await signOut(page);
    await thiefPage.goto("/account");
    await expect(thiefPage).toHaveURL("/sign-in?next=%2Faccount");
    expect((await thief.request.get("/api/account/export")).status()).toBe(401);
    for (const old of [token!, signUpToken!]) {
      const replay = await replayCookie(page, old);
      expect((await replay.request.get("/api/account/export")).status(), "replayed cookie").toBe(401);
      await replay.close();
    }
    await thief.close();
  });
});

test.describe("account settings", () => {
  test("a password change needs the current password and ends every other session", async ({ page }) => {
    const account = await signUp(page);
    // A second device, signed in with the same account.
    const otherDevice = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
    const otherPage = await otherDevice.newPage();
    await signIn(otherPage, account);

    await gotoForm(page, "/account");
    const current = page.getByLabel("Aktuelles Passwort");
    const fresh = page.getByLabel("Neues Passwort");
    await current.fill("nicht mein Passwort");
    await fresh.fill("Tante Erna fährt Rad");
    await page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page.getByText("Das aktuelle Passwort ist falsch.").first()).toBeVisible();
    await expect(page.getByLabel("Aktuelles Passwort")).toBeFocused();

    await page.getByLabel("Aktuelles Passwort").fill(account.password);
    await page.getByLabel("Neues Passwort").fill("1234567890");
    await page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page.getByText("Dieses Passwort ist zu leicht zu erraten", { exact: false }).first()).toBeVisible();
    await expect(page.getByLabel("Neues Passwort")).toBeFocused();

    await page.getByLabel("Aktuelles Passwort").fill(account.password);
    await page.getByLabel("Neues Passwort").fill("Tante Erna fährt Rad");
    await page.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page.getByText("Passwort geändert. Alle anderen Sitzungen sind beendet.")).toBeVisible();

    // This browser stays signed in; the other device is signed out.
    await page.reload();
    await expect(page.getByTestId("account-email")).toHaveText(account.email);
    expect((await otherDevice.request.get("/api/account/export")).status()).toBe(401);
    await otherDevice.close();

    // The old password fails, the new one works.
    await signOut(page);
    await gotoForm(page, "/sign-in");
    await submitSignIn(page, account);
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    await signIn(page, { ...account, password: "Tante Erna fährt Rad" });
  });
});

test.describe("sessions", () => {
  test("the account page lists the sessions, marks this one, and signs out everywhere else", async ({ page }) => {
    const account = await signUp(page);
    const otherDevice = await page.context().browser()!.newContext({
      baseURL: new URL(page.url()).origin,
      userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
      extraHTTPHeaders: { "x-forwarded-for": "203.0.113.78" },
    });
    await signIn(await otherDevice.newPage(), account);

    await gotoForm(page, "/account");
    const entries = page.getByTestId("session-entry");
    await expect(entries).toHaveCount(2);
    await expect(page.locator("[data-testid=session-entry][data-current]")).toContainText("Diese Sitzung");
    await expect(entries.filter({ hasText: "Firefox auf Windows" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "Firefox auf Windows" })).not.toContainText("Diese Sitzung");

    await page.getByRole("button", { name: "Überall sonst abmelden" }).click();
    await expect(entries).toHaveCount(1);
    expect((await otherDevice.request.get("/api/account/export")).status()).toBe(401);
    expect((await page.request.get("/api/account/export")).status()).toBe(200);
    await otherDevice.close();
  });
});

test.describe("rate limits", () => {
  test("5 wrong passwords lock the account for 15 minutes, even for the right password", async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitSignIn(page, { ...account, password: `falsches Passwort ${attempt}` });
      await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    }
    await submitSignIn(page, account);
    await expect(page.getByRole("status")).toContainText("Zu viele fehlgeschlagene Anmeldeversuche");
    await expect(page.getByRole("status")).toContainText(/in 1[45] Minuten wieder \(ab \d{1,2}:\d{2} Uhr\)/);
    await expect(header(page).getByRole("link", { name: "Anmelden" })).toBeVisible();
  });

  test("20 failures from one address lock that address, whatever the accounts", async ({ page }) => {
    test.slow();
    const account = await signUp(page);
    await signOut(page);
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 20; attempt++) {
      await submitSignIn(page, { email: uniqueEmail(`probe${attempt}`), password: defaultPassword });
      await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    }
    await submitSignIn(page, account);
    await expect(page.getByRole("status")).toContainText("Zu viele fehlgeschlagene Anmeldeversuche");

    // The same account from another address is fine: the account itself had no failures.
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.200" });
    await submitSignIn(page, account);
    await expect(header(page).getByRole("button", { name: "Abmelden" })).toBeVisible();
  });
});

test.describe("guest progress", () => {
  test("signing up as a guest carries the played quiz into the new account", async ({ page }) => {
    const quizId = await answerOneQuestion(page);
    const guestToken = await sessionTokenOf(page);
    expect(guestToken).toBeTruthy();

    await gotoForm(page, "/sign-up");
    await expect(page.getByText("Dein bisheriger Fortschritt als Gast wird in das neue Konto übernommen.")).toBeVisible();
    const { email } = await signUp(page);
    expect(await sessionTokenOf(page)).not.toBe(guestToken);

    const { data } = await exportOf(page);
    expect(data.profile.email).toBe(email);
    const quiz = data.quizzes.find((each) => each.id === quizId);
    expect(quiz, "the guest's quiz is in the account").toBeTruthy();
    expect(quiz!.questions[0].answer).toBeTruthy();

    // The guest's token was rotated away.
    const replay = await replayCookie(page, guestToken!);
    expect((await replay.request.get("/api/account/export")).status()).toBe(401);
    await replay.close();
  });

  test("signing in as a guest merges the played quiz into the existing account", async ({ page }) => {
    const account = await signUp(page);
    const ownQuizId = await answerOneQuestion(page);
    await signOut(page);

    const guestQuizId = await answerOneQuestion(page);
    await page.goto("/sign-in");
    await expect(page.getByText("Du übst gerade als Gast.", { exact: false })).toBeVisible();
    await submitSignIn(page, account);
    await expect(header(page).getByRole("button", { name: "Abmelden" })).toBeVisible();

    const { data } = await exportOf(page);
    expect(data.quizzes.map((quiz) => quiz.id)).toEqual(expect.arrayContaining([ownQuizId, guestQuizId]));
  });
});

test.describe("your data", () => {
  test("the export is a JSON download with the user's quiz and no password hash", async ({ page }) => {
    const { email } = await signUp(page);
    const quizId = await answerOneQuestion(page);

    await page.goto("/account");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Daten herunterladen" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^faktum-export-\d{4}-\d{2}-\d{2}\.json$/);

    const { response, data } = await exportOf(page);
    expect(response.headers()["content-disposition"]).toContain("attachment");
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(data.profile.email).toBe(email);
    expect(data.quizzes.map((quiz) => quiz.id)).toEqual([quizId]);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|argon2/);
    const stranger = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
    expect((await stranger.request.get("/api/account/export")).status(), "no session, no export").toBe(401);
    await stranger.close();
  });

  test("deleting the account needs confirmation, removes the data and signs out", async ({ page }) => {
    const account: Credentials = await signUp(page);
    const quizId = await answerOneQuestion(page);
    const token = await sessionTokenOf(page);

    await gotoForm(page, "/account");
    const confirmation = page.getByLabel("Zur Bestätigung „LÖSCHEN“ oder dein Passwort eingeben");
    await confirmation.fill("ja bitte");
    await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
    await expect(page.getByRole("region", { name: "Konto löschen" }).getByRole("status").first()).toHaveText("Dein Konto wurde nicht gelöscht.");
    await expect(confirmation).toHaveAttribute("aria-invalid", "true");

    await confirmation.fill("LÖSCHEN");
    await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
    await expect(page).toHaveURL("/account/deleted");
    await expect(page.getByRole("heading", { name: "Dein Konto wurde gelöscht" })).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Anmelden" })).toBeVisible();
    expect(await sessionTokenOf(page)).toBeUndefined();

    const replay = await replayCookie(page, token!);
    expect((await replay.request.get("/api/account/export")).status()).toBe(401);
    await replay.close();

    await page.goto("/sign-in");
    await submitSignIn(page, account);
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);

    expect(await countInE2eDatabase('SELECT COUNT(*) AS n FROM "User" WHERE "email" = $1', [account.email])).toBe(0);
    expect(await countInE2eDatabase('SELECT COUNT(*) AS n FROM "Quiz" WHERE "id" = $1', [quizId])).toBe(0);
    expect(await countInE2eDatabase('SELECT COUNT(*) AS n FROM "Answer" WHERE "quizId" = $1', [quizId])).toBe(0);
  });
});

test("screenshots: sign-in, sign-up and account pages on desktop and a 375px phone", async ({ page }) => {
  test.slow();
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["mobile", { width: 375, height: 812 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await gotoForm(page, "/sign-in");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${artifacts}/auth-sign-in-${name}.png`, fullPage: true });
    await submitSignIn(page, { email: uniqueEmail("nobody"), password: "falsch falsch" });
    await expect(page.getByRole("status")).toHaveText(invalidCredentials);
    await page.screenshot({ path: `${artifacts}/auth-sign-in-error-${name}.png`, fullPage: true });

    await gotoForm(page, "/sign-up");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${artifacts}/auth-sign-up-${name}.png`, fullPage: true });
    await page.getByLabel("E-Mail-Adresse").fill("kein-at-zeichen");
    await page.getByLabel("Passwort", { exact: true }).fill("kurz");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByRole("status")).toHaveText("Bitte prüfe die markierten Felder.");
    await page.screenshot({ path: `${artifacts}/auth-sign-up-errors-${name}.png`, fullPage: true });

    await signUp(page, { role: "teacher", email: uniqueEmail(`screenshot-${name}-with-a-rather-long-address`) });
    await page.goto("/account");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${artifacts}/auth-account-${name}.png`, fullPage: true });
    await signOut(page);
  }
});
