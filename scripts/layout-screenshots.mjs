// Screenshots of the pages of issue 10's points 6 and 7 (assignment start and end, the class
// page, the gradebook, flashcard statistics, the signed-in header), at 1280×800 and 375×740,
// in German and English. Plays a teacher, a learner and their class through the UI first.
//
//   node scripts/layout-screenshots.mjs http://127.0.0.1:3000 /tmp/shots
//
// Needs a freshly seeded app (FAKTUM_INSECURE_COOKIES=1 for plain HTTP, FAKTUM_TRUST_PROXY=1).
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";

const [baseURL = "http://127.0.0.1:3000", outDir = "screenshots"] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const password = "ein langes Passwort 123";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
let address = 0;

async function person() {
  address++;
  const context = await browser.newContext({ baseURL, locale: "de-DE", timezoneId: "Europe/Berlin", viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${address}` } });
  return { context, page: await context.newPage() };
}

async function signUp(page, role, name) {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  await page.goto("/sign-up");
  await page.locator("main form[data-hydrated]").first().waitFor();
  await page.getByRole("radio", { name: role === "teacher" ? /^Unterrichten/ : /^Lernen/ }).check();
  if (name) await page.getByLabel("Name (freiwillig)").fill(name);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Konto erstellen" }).click();
  await page.getByRole("button", { name: "Abmelden" }).first().waitFor({ state: "attached" });
  return email;
}

function berlinLocalInput(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

async function createAssignment(page, classId, title) {
  await page.goto(`/classes/${classId}`);
  const details = page.locator("details").filter({ has: page.getByTestId("assignment-form") });
  if (!(await details.evaluate((element) => element.open))) await details.locator("summary").click();
  const form = page.getByTestId("assignment-form");
  await form.and(page.locator('[data-hydrated="true"]')).waitFor();
  await form.getByLabel("Titel").fill(title);
  await form.getByRole("button", { name: "Keine", exact: true }).click();
  await form.locator('input[name="questionTypes"][value="accession-year"]').check();
  await form.getByLabel(/^Anzahl der Fragen/).fill("3");
  await form.getByLabel(/^Erlaubte Versuche/).fill("2");
  await form.getByRole("radio", { name: /^Für alle gleich/ }).check();
  await form.getByLabel("Fällig am").fill(berlinLocalInput(new Date(Date.now() + 3 * 24 * 3600_000)));
  await form.getByLabel(/^Zeitlimit in Minuten/).fill("10");
  await form.getByRole("radio", { name: "Sofort nach jeder Antwort" }).check();
  await form.getByTestId("create-assignment").click();
  await page.waitForURL(/\/classes\/[^/]+\/assignments\/[^/]+$/);
  return page.url().split("/").pop();
}

async function playToTheEnd(page) {
  for (let guard = 0; guard < 20 && !/\/summary$/.test(new URL(page.url()).pathname); guard++) {
    await page.locator("main [data-hydrated][data-phase=answering]").waitFor({ timeout: 30_000 });
    await page.locator("main label").filter({ has: page.locator("[data-quiz-option]") }).first().click();
    await page.getByRole("button", { name: "Antworten" }).click();
    await page.getByTestId("feedback").waitFor();
    const next = page.getByTestId("next");
    const isLast = /Zur Auswertung/.test((await next.textContent()) ?? "");
    await next.click();
    if (isLast) await page.waitForURL(/\/summary$/);
    else await page.getByTestId("feedback").waitFor({ state: "hidden" });
  }
}

async function shoot(page, name, path, { fullPage = true, prepare } = {}) {
  for (const locale of ["de", "en"]) {
    await page.context().addCookies([{ name: "faktum-locale", value: locale, url: baseURL }]);
    for (const [size, viewport] of [["phone", { width: 375, height: 740 }], ["desktop", { width: 1280, height: 800 }]]) {
      await page.setViewportSize(viewport);
      if (path) await page.goto(path);
      else await page.reload();
      await page.waitForLoadState("networkidle");
      if (prepare) await prepare(page);
      const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
      const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
      const file = `${outDir}/${name}-${size}-${locale}.png`;
      await page.screenshot({ path: file, fullPage });
      console.log(`${file}\tscrollWidth ${width}\tscrollHeight ${height}`);
    }
  }
  await page.context().addCookies([{ name: "faktum-locale", value: "de", url: baseURL }]);
}

const teacher = await person();
await signUp(teacher.page, "teacher", "Frau Lehrwerk");
await teacher.page.goto("/classes");
await teacher.page.locator("main form[data-hydrated]").waitFor();
await teacher.page.getByLabel("Name der Klasse").fill("Klasse 9b");
await teacher.page.getByRole("button", { name: "Klasse anlegen" }).click();
await teacher.page.waitForURL(/\/classes\/[^/]+$/);
const classId = teacher.page.url().split("/").pop();
const joinLink = await teacher.page.getByTestId("join-link").inputValue();
await shoot(teacher.page, "class-new", `/classes/${classId}`);
const assignmentId = await createAssignment(teacher.page, classId, "Beitritte der Erweiterungsrunden");
await shoot(teacher.page, "gradebook-empty", `/classes/${classId}/assignments/${assignmentId}`);

const learner = await person();
await signUp(learner.page, "learner", "Lena Lernwerk-Schmidt");
await learner.page.goto(new URL(joinLink).pathname);
await learner.page.locator("main form[data-hydrated]").waitFor();
await learner.page.getByTestId("join-submit").click();
await learner.page.waitForURL(`**/classes/${classId}`);
await shoot(learner.page, "assignment-start", `/assignments/${assignmentId}`);
await learner.page.goto(`/assignments/${assignmentId}`);
await learner.page.locator("form[data-hydrated]").first().waitFor();
await learner.page.getByTestId("start-assignment").click();
// A confirmation step, where there is one.
const confirm = learner.page.getByTestId("confirm-start");
await Promise.race([learner.page.waitForURL(/\/quiz\/[^/]+$/), confirm.waitFor()]);
if (await confirm.isVisible()) await confirm.click();
await learner.page.waitForURL(/\/quiz\/[^/]+$/);
await playToTheEnd(learner.page);
await shoot(learner.page, "handed-in", null);

// Flashcards: a few reviews, for the statistics.
await learner.page.goto("/flashcards/review?deck=nato");
await learner.page.locator('[data-testid="review-session"][data-ready="true"]').waitFor();
for (const key of ["1", "3", "4"]) {
  await learner.page.keyboard.press("Space");
  await learner.page.getByTestId("card-back").waitFor();
  await learner.page.keyboard.press(key);
  await learner.page.waitForTimeout(300);
}
await shoot(learner.page, "flashcard-stats", "/flashcards/stats");
await shoot(learner.page, "dashboard-learner", "/dashboard", { fullPage: false });
// The header's menu open, where there is one (below 1024 px).
await shoot(learner.page, "header-menu-open", "/dashboard", {
  fullPage: false,
  prepare: async (page) => {
    const button = page.getByTestId("menu-button");
    if (await button.isVisible()) await button.click();
  },
});
await shoot(teacher.page, "class-with-report", `/classes/${classId}`);
await shoot(teacher.page, "gradebook", `/classes/${classId}/assignments/${assignmentId}`);
await browser.close();
