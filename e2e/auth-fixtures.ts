import { randomBytes } from "node:crypto";
import { type Page, expect, test as base } from "@playwright/test";

/**
 * Accounts for e2e specs: sign up / in / out through the UI, as a person would.
 *
 * `test` from here gives every test its own client address (X-Forwarded-For), because the
 * sign-in rate limit counts failures per address and all tests share 127.0.0.1 otherwise.
 *
 *   import { test, signUp } from "./auth-fixtures";
 *   test("a teacher …", async ({ page }) => {
 *     const teacher = await signUp(page, { role: "teacher" });
 *     …
 *   });
 */

export const sessionCookieName = "faktum-session";
export const defaultPassword = "ein langes Passwort 123";

export interface Credentials {
  email: string;
  password: string;
}

let addressCounter = 0;
/** A documentation-range address (RFC 5737) unique to this worker and test. */
function uniqueAddress(workerIndex: number): string {
  addressCounter++;
  return `203.0.${(workerIndex * 37 + Math.floor(addressCounter / 250)) % 250}.${(addressCounter % 250) + 1}`;
}

export const test = base.extend<{ clientAddress: string }>({
  clientAddress: async ({}, use, testInfo) => {
    await use(uniqueAddress(testInfo.workerIndex));
  },
  page: async ({ page, clientAddress }, use) => {
    await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress });
    await use(page);
  },
});
export { expect };

export function uniqueEmail(name = "learner"): string {
  return `${name}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.org`;
}

/**
 * Opens a page with a form and waits until the form is live (hydrated, `data-hydrated`), so
 * typing and clicking reach React rather than the server-rendered shell.
 */
export async function gotoForm(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForForm(page);
}

export async function waitForForm(page: Page): Promise<void> {
  await expect(page.locator("main form[data-hydrated]").first()).toBeVisible();
}

/** Signs up through /sign-up and waits until the header shows the account. */
export async function signUp(
  page: Page,
  {
    role = "learner",
    email = uniqueEmail(role),
    password = defaultPassword,
    name,
  }: { role?: "learner" | "teacher"; email?: string; password?: string; name?: string } = {},
): Promise<Credentials> {
  await gotoForm(page, "/sign-up");
  await page.getByRole("radio", { name: role === "teacher" ? /^Unterrichten/ : /^Lernen/ }).check();
  if (name) await page.getByLabel("Name (freiwillig)").fill(name);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Konto erstellen" }).click();
  await expectSignedIn(page);
  return { email, password };
}

/**
 * Fills and submits the sign-in form; resolves once the server has answered and the form has
 * rendered that answer. (React resets the form's fields when it renders an action's result:
 * typing the next attempt before then would be wiped, and an empty form submitted.)
 */
export async function submitSignIn(page: Page, { email, password }: Credentials): Promise<void> {
  await waitForForm(page);
  const submit = page.getByRole("main").getByRole("button", { name: "Anmelden" });
  await expect(submit).toBeEnabled();
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/sign-in")),
    submit.click(),
  ]);
  // Pending, the button reads "Anmeldung läuft …"; after a failure it is "Anmelden" again.
  // After a success the page may have moved on: then there is no form to wait for.
  await expect(page.getByRole("main").getByRole("button", { name: "Anmeldung läuft" })).toHaveCount(0);
}

/** Signs in through /sign-in and waits until the header shows the account. */
export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await gotoForm(page, "/sign-in");
  await submitSignIn(page, credentials);
  await expectSignedIn(page);
}

/** Waits until the header offers "Abmelden": in its row, or behind the menu button on a small screen. */
export async function expectSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole("banner").getByRole("button", { name: "Abmelden", includeHidden: true })).toBeAttached();
}

/** Opens the header's menu when the screen is small enough to have one (below 1024 px). */
export async function openHeaderMenu(page: Page): Promise<void> {
  const button = page.getByTestId("menu-button");
  if ((await button.isVisible()) && (await button.getAttribute("aria-expanded")) !== "true") await button.click();
}

export async function signOut(page: Page): Promise<void> {
  await openHeaderMenu(page);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden", includeHidden: true })).toBeAttached();
}

/** Fails if the page scrolls sideways (content wider than the viewport). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "page is wider than the viewport").toBeLessThanOrEqual(clientWidth);
}

/** The session cookie's value in this page's browser context, if any. */
export async function sessionTokenOf(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === sessionCookieName)?.value;
}
