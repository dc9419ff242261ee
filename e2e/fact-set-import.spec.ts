import type { Browser, Page } from "@playwright/test";
import { expect, gotoForm, signUp, test } from "./auth-fixtures";
import { countInE2eDatabase, queryE2eDatabase } from "./e2e-database";
import { feedbackOf, waitForQuestion, quizIdOf } from "./quiz-fixtures";

/**
 * Issue 13: a teacher imports a membership table in the browser. The first try has errors,
 * reported by row and column with nothing saved; fixed, it is previewed (a sample of every
 * question type it supports, with answers, and the reasons for the rest), published, shared
 * with a class and assigned to it. A learner in the class practises it; a learner outside the
 * class is never shown it, and gets not-found when reaching for it.
 */

test.describe.configure({ mode: "serial", timeout: 180_000 });

const header = "name_de,name_en,joined,left,founding,group:Euro-Staat|euro area member";
const goodRows = [
  "Belgien,Belgium,1958-01-01,,ja,ja",
  "Frankreich,France,1958-01-01,,ja,ja",
  "Deutschland,Germany,1958-01-01,,ja,ja",
  "Dänemark,Denmark,1973-01-01,,nein,nein",
  "Vereinigtes Königreich,United Kingdom,1973-01-01,2020-01-31,nein,nein",
  "Griechenland,Greece,1981-01-01,,nein,ja",
  "Spanien,Spain,1986-01-01,,nein,ja",
  "Schweden,Sweden,1995-01-01,,nein,nein",
  "Polen,Poland,2004-05-01,,nein,nein",
  "<b>Kroatien</b>,<b>Croatia</b>,2013-07-01,,nein,ja",
];
/** Row 3 (France) has a month 13; row 5 (Denmark) says "vielleicht" for founding. */
const badRows = goodRows.map((row, i) => (i === 1 ? row.replace("1958-01-01", "1958-13-01") : i === 3 ? row.replace(",nein,nein", ",vielleicht,nein") : row));
const table = (rows: string[]) => [header, ...rows].join("\n");

async function newPerson(browser: Browser, role: "learner" | "teacher", name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const credentials = await signUp(page, { role, name });
  return { context, page, ...credentials };
}

async function fillNames(page: Page) {
  await page.getByLabel("Titel (deutsch)").fill("EU-Erweiterung");
  await page.getByLabel("Titel (englisch)").fill("EU enlargement");
  await page.getByLabel("Name der Organisation (deutsch, Nominativ)").fill("die EU");
  await page.getByLabel("Name der Organisation (deutsch, Dativ)").fill("der EU");
  await page.getByLabel("Name der Organisation (englisch)").fill("the EU");
}

test.describe("importing a fact set from a table", () => {
  let teacher: Awaited<ReturnType<typeof newPerson>>;
  let inside: Awaited<ReturnType<typeof newPerson>>;
  let outside: Awaited<ReturnType<typeof newPerson>>;
  let classId = "";
  let factSetId = "";

  test.beforeAll(async ({ browser }) => {
    teacher = await newPerson(browser, "teacher", "Frau Lindner");
    inside = await newPerson(browser, "learner", "Mia Innen");
    outside = await newPerson(browser, "learner", "Ole Außen");

    // The teacher's class; one learner joins with its link.
    await gotoForm(teacher.page, "/classes");
    await teacher.page.getByLabel("Name der Klasse").fill("Klasse 10a");
    await teacher.page.getByRole("button", { name: "Klasse anlegen" }).click();
    await teacher.page.waitForURL(/\/classes\/[^/]+$/);
    classId = teacher.page.url().split("/").pop()!;
    const joinLink = await teacher.page.getByTestId("join-link").inputValue();
    await inside.page.goto(new URL(joinLink).pathname);
    await inside.page.getByTestId("join-submit").click();
    await inside.page.waitForURL(new RegExp(`/classes/${classId}$`));
  });

  test.afterAll(async () => {
    await Promise.all([teacher.context.close(), inside.context.close(), outside.context.close()]);
  });

  test("a guest is asked to sign in", async ({ page }) => {
    await page.goto("/topics/import");
    await expect(page.getByRole("heading", { name: "Bitte melde dich an" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Anmelden" })).toHaveAttribute("href", "/sign-in?next=/topics/import");
  });

  test("the teacher imports a table with errors, sees them by row and column, fixes it, previews and publishes", async () => {
    const page = teacher.page;
    await page.goto("/");
    await page.getByTestId("import-link").click();
    await page.waitForURL(/\/topics\/import$/);
    await expect(page.locator("main form[data-hydrated]").first()).toBeVisible();

    // A file upload lands in the text box.
    await page.getByLabel("CSV-Datei hochladen").setInputFiles({ name: "eu.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${table(badRows)}`, "utf8") });
    await expect(page.getByLabel("Oder die Tabelle hier einfügen")).toHaveValue(table(badRows));
    await fillNames(page);
    await page.getByRole("button", { name: "Prüfen und Vorschau zeigen" }).click();

    const problems = page.getByTestId("import-problems");
    await expect(page.getByRole("heading", { name: "Die Tabelle hat 2 Fehler" })).toBeFocused();
    await expect(problems).toContainText("Zeile 3, Spalte joined: „1958-13-01“ ist kein Datum");
    await expect(problems).toContainText("Zeile 5, Spalte founding: „vielleicht“ ist weder ja noch nein.");
    await expect(page.getByRole("button", { name: "Veröffentlichen" })).toHaveCount(0);
    expect(await countInE2eDatabase('SELECT COUNT(*) AS n FROM "FactSet" WHERE "ownerId" IS NOT NULL AND "title" LIKE $1', ["%EU-Erweiterung%"])).toBe(0);

    // Each problem is a link to its row: the text box takes focus with row 3 selected.
    await problems.getByRole("link", { name: /Zeile 3/ }).click();
    const box = page.getByLabel("Oder die Tabelle hier einfügen");
    await expect(box).toBeFocused();
    expect(await box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(badRows[1]);

    // Fixed in the text box; the names stayed filled in.
    await box.fill(table(goodRows));
    await expect(page.getByLabel("Titel (deutsch)")).toHaveValue("EU-Erweiterung");
    await page.getByRole("button", { name: "Prüfen und Vorschau zeigen" }).click();
    await expect(page.getByRole("heading", { name: "Vorschau" })).toBeFocused();
    const samples = page.getByTestId("import-samples");
    await expect(samples.locator("li[data-type]").first()).toBeVisible();
    expect(await samples.locator("li[data-type]").count()).toBeGreaterThanOrEqual(8);
    await expect(samples.locator('li[data-type="group-members-select"]')).toContainText("Antwort:");
    await expect(samples.locator('li[data-type="member-today-true-false"]')).toBeVisible();
    await expect(page.getByTestId("import-unsupported")).toContainText("Eine Tabelle enthält keine Ereignisse.");
    // A name with HTML is text: the tags show, and no element is made of them.
    await expect(page.locator("main b")).toHaveCount(0);
    expect(await page.getByRole("main").textContent()).not.toContain("<script");

    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.waitForURL(/\/topics\/import\?published=/);
    factSetId = new URL(page.url()).searchParams.get("published")!;
    await expect(page.getByTestId("import-published")).toContainText("„EU-Erweiterung“ ist veröffentlicht (Fassung 1)");
    const own = page.getByTestId("own-fact-sets");
    await expect(own).toContainText("EU-Erweiterung");
    await expect(own).toContainText("10 Mitglieder · Fassung 1");
  });

  test("the teacher shares it with the class and sets an assignment on it", async () => {
    const page = teacher.page;
    const own = page.getByTestId("own-fact-sets");
    await own.getByRole("checkbox", { name: "Klasse 10a" }).check();
    await own.getByRole("button", { name: "Freigabe speichern" }).click();
    await expect(own).toContainText("Gespeichert: geteilt mit 1 Klasse.");

    await page.goto(`/classes/${classId}`);
    const details = page.locator("details").filter({ has: page.getByTestId("assignment-form") });
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator("summary").click();
    const form = page.getByTestId("assignment-form");
    await expect(form).toHaveAttribute("data-hydrated", "true");
    await form.getByLabel("Titel").fill("EU-Beitritte");
    await form.getByLabel("Thema").selectOption(factSetId);
    await form.getByRole("button", { name: "Keine", exact: true }).click();
    await form.locator('input[name="questionTypes"][value="accession-year"]').check();
    await form.getByLabel(/^Anzahl der Fragen/).fill("3");
    await form.getByTestId("create-assignment").click();
    await page.waitForURL(/\/classes\/[^/]+\/assignments\/[^/]+$/);
    await expect(page.getByTestId("assignment-title")).toHaveText("EU-Beitritte");
  });

  test("a learner in the class practises it: a quiz from its topic card, and the assignment", async () => {
    const page = inside.page;
    await page.goto("/");
    const form = page.locator("form[data-hydrated]").filter({ has: page.locator(`input[name="factSetId"][value="${factSetId}"]`) });
    await expect(form).toBeVisible();
    await expect(page.getByRole("heading", { name: "EU-Erweiterung" })).toBeVisible();
    // The start form offers what the table supports, and not the NATO-only types.
    await form.locator("summary").click();
    await expect(form.locator('input[name="types"][value="former-warsaw-pact-select"]')).toHaveCount(0);
    await form.getByRole("button", { name: /^(Keine|None)$/ }).click();
    await form.locator('input[name="types"][value="accession-year"]').check();
    await form.locator('input[name="count"][value="5"]').check({ force: true });
    await form.getByRole("button", { name: /^Quiz starten/ }).click();
    await page.waitForURL(/\/quiz\/[^/]+$/);
    await waitForQuestion(page);
    const quizId = quizIdOf(page);
    const [row] = await queryE2eDatabase('SELECT "spec" FROM "QuizQuestion" WHERE "quizId" = $1 AND "position" = 0', [quizId]);
    const spec = JSON.parse(String(row!.spec)) as { answer: string };
    await page.locator("main label").filter({ has: page.locator(`[data-quiz-option][value="${spec.answer}"]`) }).click();
    await page.getByRole("button", { name: "Antworten" }).click();
    await expect(feedbackOf(page)).toHaveAttribute("data-result", "correct");

    // Its flashcards are there too.
    await page.goto("/flashcards");
    await expect(page.getByRole("main")).toContainText("EU-Erweiterung");

    await page.goto("/assignments");
    await expect(page.getByRole("main")).toContainText("EU-Beitritte");
  });

  test("a learner outside the class is not shown it, and gets not-found when reaching for it", async () => {
    const page = outside.page;
    await page.goto("/");
    await expect(page.locator(`input[name="factSetId"][value="${factSetId}"]`)).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText("EU-Erweiterung");

    for (const path of [`/flashcards/review?deck=${factSetId}`, `/topics/${factSetId}/map`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await page.goto("/flashcards");
    await expect(page.getByRole("main")).not.toContainText("EU-Erweiterung");

    // Starting a quiz on it through the home page's form (its topic swapped in) is refused as unknown.
    await page.goto("/");
    const form = page.locator("form[data-hydrated]").filter({ has: page.locator('input[name="factSetId"][value="nato"]') });
    await expect(form).toBeVisible();
    await form.evaluate((element, id) => {
      element.setAttribute("data-tampered", "");
      element.querySelector<HTMLInputElement>('input[name="factSetId"]')!.value = id;
    }, factSetId);
    const tampered = page.locator("form[data-tampered]");
    await tampered.getByRole("button", { name: /^Quiz starten/ }).click();
    await expect(tampered).toContainText("Dieses Thema gibt es nicht (mehr).");
    expect(page.url()).not.toMatch(/\/quiz\//);

    // Nor can the outsider re-import it as theirs.
    const response = await page.goto(`/topics/import?set=${factSetId}`);
    expect(response?.status()).toBe(404);
  });
});
