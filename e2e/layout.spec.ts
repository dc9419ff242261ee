import type { Page } from "@playwright/test";
import { expect, signUp, test, uniqueEmail } from "./auth-fixtures";
import { createClassWithAssignments, queryE2eDatabase } from "./e2e-database";

/**
 * Issue 10, points 6 and 7: assignments that say what starting does before it is done, a class
 * page that leads with its join code, and pages that fit a 375×740 phone: no page scrolls
 * sideways, tables scroll inside their card with the learner column in place, and the header
 * is one row with its links behind a menu button that works by keyboard.
 */

const phone = { width: 375, height: 740 };

/** Fails if the page itself scrolls sideways at this width (a wide table must scroll inside its card). */
async function expectNoSidewaysScroll(page: Page, width = phone.width): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide`).toBeLessThanOrEqual(width);
}

/** A teacher and a learner with a long name in one class with one assignment (written to the database). */
async function classWithLearner(page: Page, teacherPage: Page) {
  const teacherEmail = uniqueEmail("teacher");
  await signUp(teacherPage, { role: "teacher", email: teacherEmail, name: "Frau Lehrwerk" });
  const learnerEmail = uniqueEmail("learner");
  await signUp(page, { role: "learner", email: learnerEmail, name: "Maximiliane Musterfrau-Lernwerkstatt" });
  return createClassWithAssignments("Layout", teacherEmail, learnerEmail, ["immediate"]);
}

test("at 375×740 the flashcard statistics, the class page, the gradebook and the dashboard do not scroll sideways; tables scroll in their card", async ({ page, browser, baseURL }) => {
  test.slow();
  const teacherContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.201" } });
  const teacherPage = await teacherContext.newPage();
  const { classId, assignmentIds } = await classWithLearner(page, teacherPage);

  await page.setViewportSize(phone);
  // The statistics' screen-reader tables list 30 days: before, they made the page 596 px wide.
  await page.goto("/flashcards/stats");
  await expect(page.getByTestId("reviews-table")).toBeAttached();
  await expectNoSidewaysScroll(page);
  await page.goto("/dashboard");
  await expectNoSidewaysScroll(page);

  await teacherPage.setViewportSize(phone);
  await teacherPage.goto(`/classes/${classId}`);
  await expect(teacherPage.getByTestId("class-report-table")).toBeVisible();
  await expectNoSidewaysScroll(teacherPage);
  const reportScroll = teacherPage.getByRole("region", { name: /^Ergebnis je Lernende:r und Aufgabe/ });
  await expect(reportScroll).toHaveAttribute("tabindex", "0");
  await expectScrollsWithLearnerInPlace(teacherPage, reportScroll, "Maximiliane Musterfrau-Lernwerkstatt");

  await teacherPage.goto(`/classes/${classId}/assignments/${assignmentIds.immediate}`);
  await expect(teacherPage.getByTestId("gradebook-table")).toBeVisible();
  await expectNoSidewaysScroll(teacherPage);
  const gradebookScroll = teacherPage.getByRole("region", { name: "Ergebnisse je Lernende:r" });
  await expect(gradebookScroll).toHaveAttribute("tabindex", "0");
  await expectScrollsWithLearnerInPlace(teacherPage, gradebookScroll, "Maximiliane Musterfrau-Lernwerkstatt");
  // Every column heading is whole: none is cut to "Ergebni…".
  for (const heading of await gradebookScroll.locator("thead th").all()) {
    expect(await heading.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
  }
  await teacherContext.close();
});

/** The region scrolls sideways by keyboard (it has the focus), and the learner's name stays where it was. */
async function expectScrollsWithLearnerInPlace(page: Page, region: ReturnType<Page["getByRole"]>, learnerName: string): Promise<void> {
  const learner = region.getByRole("rowheader", { name: learnerName });
  await expect(learner).toBeVisible();
  // The whole name, wrapped rather than cut off.
  expect(await learner.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
  const before = (await learner.boundingBox())!;
  const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  if (scrollWidth <= clientWidth) return; // everything fits: nothing to scroll
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  const after = (await learner.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
}

test("on a phone the signed-in header is one row; its menu opens and closes by keyboard and gives the focus back", async ({ page }) => {
  await signUp(page, { role: "learner" });
  await page.setViewportSize(phone);
  await page.goto("/dashboard");
  const header = page.getByRole("banner");
  const menuButton = header.getByRole("button", { name: "Menü" });
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  // One row: the name and the menu button (three rows of links were about 130 px).
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
  await expect(header.getByRole("link", { name: "Verlauf" })).toBeHidden();

  // Skip link, "Faktum", then the menu button.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(menuButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  for (const name of ["Fortschritt", "Verlauf", "Karteikarten", "Klassen", "Aufgaben", "Konto"]) await expect(header.getByRole("link", { name })).toBeVisible();
  await expect(header.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  // The focus goes on into the menu, and Escape closes it with the focus back on its button.
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", { name: "Fortschritt" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton).toBeFocused();
  await expect(header.getByRole("link", { name: "Verlauf" })).toBeHidden();

  // Space opens it too; following a link closes it on the new page.
  await page.keyboard.press("Space");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(header.getByRole("link", { name: "Verlauf" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/history$/);
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  // On a desktop the links stand in the row and there is no menu button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menuButton).toBeHidden();
  await expect(header.getByRole("link", { name: "Verlauf" })).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
});

test("the class page leads with the join code; the assignment form opens on demand, by keyboard", async ({ page }) => {
  await signUp(page, { role: "teacher" });
  await page.setViewportSize(phone);
  await page.goto("/classes");
  await page.getByLabel("Name der Klasse").fill("Klasse 7c");
  await page.getByRole("button", { name: "Klasse anlegen" }).click();
  await page.waitForURL(/\/classes\/[^/]+$/);
  // A new class: the code is on the first screen, the form closed (it used to open itself above the code).
  const code = page.getByTestId("join-code");
  await expect(code).toBeVisible();
  expect((await code.boundingBox())!.y + 44).toBeLessThanOrEqual(phone.height);
  await expect(page.getByTestId("join-link")).toBeInViewport();
  const disclosure = page.getByTestId("new-assignment");
  await expect(disclosure).not.toHaveAttribute("open");
  await expect(page.getByTestId("assignment-form")).toBeHidden();
  await disclosure.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("assignment-form")).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("an assignment's page shows the class's join code and link while nobody has joined", async ({ page, browser, baseURL }) => {
  const learnerContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.202" } });
  const { classId, code, assignmentIds } = await classWithLearner(await learnerContext.newPage(), page);
  await queryE2eDatabase('DELETE FROM "ClassMember" WHERE "classId" = $1', [classId]);
  await page.goto(`/classes/${classId}/assignments/${assignmentIds.immediate}`);
  await expect(page.getByTestId("gradebook-no-learners")).toHaveText("Noch niemand ist der Klasse beigetreten. Teile den Beitrittscode oder -link:");
  await expect(page.getByTestId("join-code")).toHaveValue(`${code.slice(0, 4)}-${code.slice(4)}`);
  await expect(page.getByTestId("join-link")).toHaveValue(new RegExp(`/join/${code}$`));
  await expect(page.getByRole("button", { name: "Neuen Code erzeugen" })).toHaveCount(0);
  await learnerContext.close();
});

test("before an assignment starts, its button says that the time starts and how many attempts are left", async ({ page, browser, baseURL }) => {
  const teacherContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.203" } });
  const { assignmentIds } = await classWithLearner(page, await teacherContext.newPage());
  await teacherContext.close();
  const id = assignmentIds.immediate!;

  // One attempt, no time limit: no word of a timer.
  await page.goto(`/assignments/${id}`);
  await expect(page.locator("main form[data-hydrated]")).toBeVisible();
  const start = page.getByTestId("start-assignment");
  await expect(page.getByTestId("start-notice-timer")).toHaveCount(0);
  await expect(page.getByTestId("start-notice-attempts")).toHaveText("Du hast nur diesen einen Versuch.");
  await expect(start).toHaveAccessibleDescription("Du hast nur diesen einen Versuch.");

  // Ten minutes, two attempts.
  await queryE2eDatabase('UPDATE "Assignment" SET "timeLimitSeconds" = 600, "attemptsAllowed" = 2 WHERE "id" = $1', [id]);
  await page.reload();
  await expect(page.getByTestId("start-notice-timer")).toHaveText("Mit dem Start läuft die Zeit: 10 Minuten, auch wenn du die Seite schließt.");
  await expect(page.getByTestId("start-notice-attempts")).toHaveText("Noch 2 von 2 Versuchen übrig.");
  await expect(start).toHaveAccessibleDescription(/läuft die Zeit: 10 Minuten.*Noch 2 von 2 Versuchen übrig\./);

  // One minute ("1 minute", the plural's other form), in English; then the start itself.
  await queryE2eDatabase('UPDATE "Assignment" SET "timeLimitSeconds" = 60 WHERE "id" = $1', [id]);
  await page.context().addCookies([{ name: "faktum-locale", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.getByTestId("start-notice-timer")).toHaveText("Starting sets the clock going: 1 minute, even if you close the page.");
  await expect(page.getByTestId("start-notice-attempts")).toHaveText("2 of 2 attempts left.");
  await expect(page.locator("main form[data-hydrated]")).toBeVisible();
  await start.click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  await expect(page.getByTestId("attempt-timer")).toBeVisible();
});
