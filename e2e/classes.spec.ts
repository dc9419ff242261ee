import { mkdirSync, readFileSync } from "node:fs";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { type Credentials, expect, expectNoHorizontalScroll, signIn, signUp, test } from "./auth-fixtures";
import { queryE2eDatabase } from "./e2e-database";
import { feedbackOf, postAnswer, quizIdOf, waitForQuestion } from "./quiz-fixtures";

/**
 * Issue 5, teacher-assigned practice: a teacher and two learners, each in their own browser.
 * The teacher creates a class, both learners join (code and link), the teacher sets a timed
 * assignment with a due date, both take it (one resumes on a second device), the gradebook
 * and the CSV exports show it. Then authorisation: a removed learner, a non-member, the
 * attempts limit, the opening time, the time limit (deadline moved in the e2e database) and
 * a second teacher are all refused by the server, by URL and by direct route/action calls.
 */

// Serial: each test goes on from the class, people and assignments the ones before it made.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

const notFoundText = "Diese Seite gibt es nicht – oder sie gehört nicht zu dir.";

// ── The e2e database (see e2e/e2e-database.ts): read specs, move a deadline ───────────────

/** The stored question at `position` of a quiz (tests only: the app never sends this to a browser). */
async function specAt(quizId: string, position: number): Promise<{ kind: string; answer: string; options: { value: string }[] }> {
  const [row] = await queryE2eDatabase('SELECT "spec" FROM "QuizQuestion" WHERE "quizId" = $1 AND "position" = $2', [quizId, position]);
  if (!row) throw new Error(`no question ${position} in quiz ${quizId}`);
  return JSON.parse(String(row.spec)) as { kind: string; answer: string; options: { value: string }[] };
}

/** Moves an attempt's server deadline into the past, as if its time had run out. */
async function expireAttempt(quizId: string): Promise<void> {
  const updated = await queryE2eDatabase('UPDATE "Quiz" SET "deadlineAt" = $1 WHERE "id" = $2 RETURNING "id"', [new Date(Date.now() - 1000), quizId]);
  expect(updated).toHaveLength(1);
}

// ── People ───────────────────────────────────────────────────────────────────────────────

let addressCounter = 0;
async function newPerson(browser: Browser, baseURL: string, options: { width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  addressCounter++;
  const context = await browser.newContext({
    baseURL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    viewport: { width: options.width ?? 1280, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${addressCounter}` },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  return { context, page: await context.newPage() };
}

/** "2026-12-01T18:00" in Berlin time, as a datetime-local input takes it. */
function berlinLocalInput(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

interface AssignmentOptions {
  title: string;
  count?: number;
  timeLimitMinutes?: number;
  opensAt?: Date;
  dueAt?: Date;
  attempts?: number;
  reveal?: "Sofort nach jeder Antwort" | "Nach der Abgabe" | "Nach dem Abgabetermin";
}

/** Sets an assignment through the class page's form; returns its id (from the gradebook URL it opens). */
async function createAssignment(page: Page, classId: string, options: AssignmentOptions): Promise<string> {
  await page.goto(`/classes/${classId}`);
  const details = page.locator("details").filter({ has: page.getByTestId("assignment-form") });
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator("summary").click();
  const form = page.getByTestId("assignment-form");
  await expect(form).toHaveAttribute("data-hydrated", "true");
  await form.getByLabel("Titel").fill(options.title);
  await form.getByRole("button", { name: "Keine", exact: true }).click();
  await form.locator('input[name="questionTypes"][value="accession-year"]').check();
  await form.getByLabel(/^Anzahl der Fragen/).fill(String(options.count ?? 3));
  await form.getByLabel(/^Erlaubte Versuche/).fill(String(options.attempts ?? 1));
  await form.getByRole("radio", { name: /^Für alle gleich/ }).check();
  if (options.opensAt) await form.getByLabel("Verfügbar ab").fill(berlinLocalInput(options.opensAt));
  await form.getByLabel("Fällig am").fill(berlinLocalInput(options.dueAt ?? new Date(Date.now() + 3 * 24 * 3600_000)));
  await form.getByLabel(/^Zeitlimit in Minuten/).fill(options.timeLimitMinutes ? String(options.timeLimitMinutes) : "");
  await form.getByRole("radio", { name: options.reveal ?? "Sofort nach jeder Antwort" }).check();
  await form.getByTestId("create-assignment").click();
  await page.waitForURL(/\/classes\/[^/]+\/assignments\/[^/]+$/);
  await expect(page.getByTestId("assignment-title")).toHaveText(options.title);
  return page.url().split("/").pop()!;
}

function cardOf(page: Page, assignmentId: string) {
  return page.locator(`[data-testid="learner-assignment"][data-assignment-id="${assignmentId}"]`);
}

/** Chooses `value` in the single-choice question on screen and answers; returns the answer route's reply. */
async function answerWith(page: Page, value: string): Promise<{ status: number; json: Record<string, unknown> }> {
  await waitForQuestion(page);
  await page.locator("main label").filter({ has: page.locator(`[data-quiz-option][value="${value}"]`) }).click();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/quizzes\/[^/]+\/answers$/.test(new URL(r.url()).pathname)),
    page.getByRole("button", { name: "Antworten" }).click(),
  ]);
  return { status: response.status(), json: (await response.json()) as Record<string, unknown> };
}

/** Answers the question at `position` right or wrong (reading the stored answer from the e2e database) and moves on. */
async function answerQuestion(page: Page, position: number, isCorrect: boolean): Promise<string> {
  const quizId = quizIdOf(page);
  await expect(page.getByTestId("quiz-progress")).toContainText(`Frage ${position + 1} von`);
  const spec = await specAt(quizId, position);
  const value = isCorrect ? spec.answer : spec.options.find((o) => o.value !== spec.answer)!.value;
  const reply = await answerWith(page, value);
  expect(reply.status).toBe(200);
  await expect(feedbackOf(page)).toHaveAttribute("data-result", isCorrect ? "correct" : "wrong");
  await page.getByTestId("next").click();
  return value;
}

async function startFromList(page: Page, assignmentId: string): Promise<string> {
  await page.goto("/assignments");
  await expect(cardOf(page, assignmentId).locator("form[data-hydrated]")).toBeVisible();
  await cardOf(page, assignmentId).getByTestId("start-assignment").click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  return quizIdOf(page);
}

async function startByRoute(request: APIRequestContext, assignmentId: string) {
  const response = await request.post(`/api/assignments/${assignmentId}/attempts`);
  return { status: response.status(), json: (await response.json()) as Record<string, unknown> };
}

async function expectNotFoundPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByText(notFoundText)).toBeVisible();
}

/** A CSV body as rows of cells, checking the format on the way: BOM, every field quoted, CRLF. */
function parseStrictCsv(bytes: Buffer, delimiter: string): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  const rows: string[][] = [];
  let index = 0;
  while (index < text.length) {
    const row: string[] = [];
    for (;;) {
      expect(text[index], `field at ${index} is quoted`).toBe('"');
      let cell = "";
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        cell += text.slice(index, quote);
        index = quote + 1;
        if (text[index] === '"') {
          cell += '"';
          index++;
        } else break;
      }
      row.push(cell);
      if (text[index] === delimiter) {
        index++;
        continue;
      }
      expect(text.slice(index, index + 2), "rows end with CRLF").toBe("\r\n");
      index += 2;
      break;
    }
    rows.push(row);
  }
  return rows;
}

// ── The story ────────────────────────────────────────────────────────────────────────────

test.describe("classes and assignments", () => {
  let teacher: { context: BrowserContext; page: Page };
  let learner1: { context: BrowserContext; page: Page };
  let learner2: { context: BrowserContext; page: Page };
  let teacherAccount: Credentials;
  let learner1Account: Credentials;
  let learner2Account: Credentials;
  let classId = "";
  let joinCode = "";
  let assignmentA = "";
  let learner1QuizA = "";
  let wrongAnswerQ1 = "";
  let second = "";

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    teacher = await newPerson(browser, baseURL!);
    learner1 = await newPerson(browser, baseURL!);
    learner2 = await newPerson(browser, baseURL!);
    // A dev server compiles pages and their client code on first use: warm the sign-up form
    // up once, with time to spare, so the per-step timeouts below measure the app, not the compiler.
    await teacher.page.goto("/sign-up");
    await expect(teacher.page.locator("main form[data-hydrated]").first()).toBeVisible({ timeout: 180_000 });
  });

  test.afterAll(async () => {
    for (const person of [teacher, learner1, learner2]) await person?.context.close();
  });

  test("a teacher creates a class; one learner joins with the code, the other with the link", async () => {
    teacherAccount = await signUp(teacher.page, { role: "teacher" });
    await teacher.page.goto("/classes");
    await expect(teacher.page.getByRole("heading", { name: "Meine Klassen" })).toBeVisible();
    await expect(teacher.page.locator("main form[data-hydrated]")).toBeVisible();
    // An empty name is refused with a message beside the field.
    await teacher.page.getByRole("button", { name: "Klasse anlegen" }).click();
    await expect(teacher.page.getByText("Gib der Klasse einen Namen.").first()).toBeVisible();
    await teacher.page.getByLabel("Name der Klasse").fill("Klasse 9b");
    await teacher.page.getByRole("button", { name: "Klasse anlegen" }).click();
    await teacher.page.waitForURL(/\/classes\/[^/]+$/);
    classId = teacher.page.url().split("/").pop()!;
    await expect(teacher.page.getByTestId("class-name")).toHaveText("Klasse 9b");

    const readable = await teacher.page.getByTestId("join-code").inputValue();
    expect(readable).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    joinCode = readable.replace("-", "");
    const joinLink = await teacher.page.getByTestId("join-link").inputValue();
    expect(joinLink).toMatch(new RegExp(`/join/${joinCode}$`));
    await teacher.page.getByTestId("copy-code").click();
    await expect(teacher.page.getByText("✓ Kopiert")).toBeVisible();
    expect(await teacher.page.evaluate(() => navigator.clipboard.readText())).toBe(joinCode);

    // Learner 1 types the code (lower case, with a dash: normalised).
    // Learner 1 gave a name at sign-up; learner 2 gave none, so joining asks for it.
    learner1Account = await signUp(learner1.page, { role: "learner", name: "Lena Lernwerk" });
    await learner1.page.goto("/classes");
    await expect(learner1.page.locator("main form[data-hydrated]")).toBeVisible();
    await learner1.page.getByLabel("Beitrittscode").fill("AAAA-AAAA");
    await learner1.page.getByTestId("join-submit").click();
    await expect(learner1.page.getByText("Zu diesem Code gibt es keine Klasse. Prüfe die 8 Zeichen.").first()).toBeVisible();
    await learner1.page.getByLabel("Beitrittscode").fill(readable.toLowerCase());
    await learner1.page.getByTestId("join-submit").click();
    await learner1.page.waitForURL(`**/classes/${classId}`);
    await expect(learner1.page.getByTestId("class-name")).toHaveText("Klasse 9b");

    // Learner 2 follows the link: it names the class, joining takes a click (a GET changes nothing).
    learner2Account = await signUp(learner2.page, { role: "learner" });
    await learner2.page.goto(new URL(joinLink).pathname);
    await expect(learner2.page.getByTestId("join-class-name")).toHaveText("Klasse 9b");
    await expect(learner2.page.locator("main form[data-hydrated]")).toBeVisible();
    await learner2.page.getByTestId("join-submit").click();
    await expect(learner2.page.getByText("Bitte gib deinen Namen ein", { exact: false }).first()).toBeVisible();
    await expect(learner2.page.getByLabel("Name", { exact: true })).toBeFocused();
    await learner2.page.getByLabel("Name", { exact: true }).fill("Max Muster");
    await learner2.page.getByTestId("join-submit").click();
    await learner2.page.waitForURL(`**/classes/${classId}`);

    await teacher.page.reload();
    await expect(teacher.page.getByTestId("roster-entry")).toHaveCount(2);
    // Names first, the address as a secondary detail.
    const entry1 = teacher.page.getByTestId("roster-entry").filter({ hasText: "Lena Lernwerk" });
    await expect(entry1.getByTestId("roster-email")).toHaveText(learner1Account.email);
    const entry2 = teacher.page.getByTestId("roster-entry").filter({ hasText: "Max Muster" });
    await expect(entry2.getByTestId("roster-email")).toHaveText(learner2Account.email);
  });

  test("the teacher sets a timed assignment; both learners take it, one across two devices; the gradebook follows", async ({ browser, baseURL }) => {
    assignmentA = await createAssignment(teacher.page, classId, { title: "Beitritte", timeLimitMinutes: 10, dueAt: new Date(Date.now() + 2 * 24 * 3600_000) });
    await expect(teacher.page.getByTestId("gradebook-row")).toHaveCount(2);
    for (const status of await teacher.page.getByTestId("status").allTextContents()) expect(status).toContain("Nicht begonnen");

    // Learner 1: everything right. The remaining time shows while answering.
    await learner1.page.goto("/assignments");
    await expect(cardOf(learner1.page, assignmentA).getByTestId("status")).toHaveAttribute("data-status", "not_started");
    learner1QuizA = await startFromList(learner1.page, assignmentA);
    await expect(learner1.page.getByTestId("attempt-timer")).toContainText("Aufgabe: Beitritte");
    const timeLeft = (await learner1.page.getByTestId("attempt-time-left").textContent())!;
    const [mm, ss] = timeLeft.split(":").map(Number);
    expect(mm! * 60 + ss!).toBeGreaterThan(8 * 60);
    expect(mm! * 60 + ss!).toBeLessThanOrEqual(10 * 60);
    for (const position of [0, 1, 2]) await answerQuestion(learner1.page, position, true);
    await learner1.page.waitForURL(/\/summary$/);
    await learner1.page.goto("/assignments");
    await expect(cardOf(learner1.page, assignmentA).getByTestId("status")).toHaveAttribute("data-status", "submitted");
    await expect(cardOf(learner1.page, assignmentA).getByTestId("learner-score")).toContainText("100 %");

    // Learner 2 starts on one device, answers the first question wrong…
    const quizId = await startFromList(learner2.page, assignmentA);
    wrongAnswerQ1 = await answerQuestion(learner2.page, 0, false);
    // …the gradebook shows them in progress…
    await teacher.page.reload();
    await expect(teacher.page.locator(`[data-learner="${learner2Account.email}"] [data-testid="status"]`)).toHaveAttribute("data-status", "in_progress");
    // …and finishes on another device: the same attempt resumes at question 2.
    const secondDevice = await newPerson(browser, baseURL!);
    await signIn(secondDevice.page, learner2Account);
    await secondDevice.page.goto("/assignments");
    await expect(cardOf(secondDevice.page, assignmentA)).toContainText("Frage 2 von 3");
    await cardOf(secondDevice.page, assignmentA).getByTestId("resume-assignment").click();
    await secondDevice.page.waitForURL(`**/quiz/${quizId}`);
    await answerQuestion(secondDevice.page, 1, true);
    await answerQuestion(secondDevice.page, 2, true);
    await secondDevice.page.waitForURL(/\/summary$/);
    await secondDevice.context.close();

    await teacher.page.reload();
    await expect(teacher.page.getByTestId("gradebook-summary")).toContainText("2 von 2 abgegeben · Ø 83 %");
    const row1 = teacher.page.locator(`[data-learner="${learner1Account.email}"]`);
    const row2 = teacher.page.locator(`[data-learner="${learner2Account.email}"]`);
    await expect(row1.getByTestId("status")).toHaveAttribute("data-status", "submitted");
    await expect(row2.getByTestId("status")).toHaveAttribute("data-status", "submitted");
    await expect(row1.getByTestId("gradebook-score")).toHaveText("100 %");
    await expect(row2.getByTestId("gradebook-score")).toHaveText("67 %");
    await expect(row1.getByTestId("gradebook-attempts")).toHaveText("1 / 1");
    const stats = teacher.page.getByTestId("question-stat");
    await expect(stats).toHaveCount(3);
    await expect(stats.nth(0).getByTestId("question-correct-share")).toHaveText("50 % richtig (1/2)");
    await expect(stats.nth(0).getByTestId("question-common-wrong")).toContainText(`${wrongAnswerQ1} (1×)`);
    await expect(stats.nth(1).getByTestId("question-correct-share")).toHaveText("100 % richtig (2/2)");
    await expect(stats.nth(1).getByTestId("question-common-wrong")).toContainText("keine – alle richtig");
    await expect(teacher.page.getByTestId("weakest-facts").locator("li")).toHaveCount(1);

    // The class page's report: chart and table.
    await teacher.page.goto(`/classes/${classId}`);
    await expect(teacher.page.getByTestId("class-report-chart")).toBeVisible();
    await expect(teacher.page.getByTestId("class-report-table")).toContainText("83 %");
    await expect(teacher.page.getByText(/Klassendurchschnitt über 1 Aufgabe: 83 %\./)).toBeVisible();
  });

  test("the attempts limit and the opening time hold, in the list and by direct route call", async () => {
    // Attempts limit: learner 1 used the only attempt.
    await learner1.page.goto("/assignments");
    await expect(cardOf(learner1.page, assignmentA).getByTestId("start-refused")).toHaveText("Alle Versuche genutzt.");
    expect(await startByRoute(learner1.context.request, assignmentA)).toEqual({ status: 409, json: { message: "Du hast alle erlaubten Versuche genutzt." } });
    // A submitted attempt takes no new answer: asking again returns the stored one, unchanged.
    const again = await postAnswer(learner1.context.request, learner1QuizA, { position: 0, response: { kind: "single", value: "1999" } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyAnswered: true, correct: true, finished: true });

    // Opening time: an assignment that opens tomorrow is listed but cannot be started.
    const upcoming = await createAssignment(teacher.page, classId, { title: "+Zusatz", opensAt: new Date(Date.now() + 24 * 3600_000) });
    await learner1.page.goto("/assignments");
    await expect(cardOf(learner1.page, upcoming).getByTestId("start-refused")).toHaveText("Noch nicht verfügbar.");
    await expect(cardOf(learner1.page, upcoming).getByTestId("start-assignment")).toHaveCount(0);
    expect(await startByRoute(learner1.context.request, upcoming)).toEqual({ status: 409, json: { message: "Diese Aufgabe ist noch nicht verfügbar." } });
  });

  test("a learner removed from the class cannot start its assignments, by button, route or URL", async () => {
    // Learner 2 has the list open with a "Start" button when the teacher removes them.
    second = await createAssignment(teacher.page, classId, { title: "Zweite Runde" });
    await learner2.page.goto("/assignments");
    await expect(cardOf(learner2.page, second).locator("form[data-hydrated]")).toBeVisible();
    await teacher.page.goto(`/classes/${classId}`);
    teacher.page.once("dialog", (dialog) => void dialog.accept());
    await teacher.page.getByTestId("roster-entry").filter({ hasText: learner2Account.email }).getByRole("button", { name: "Max Muster aus der Klasse entfernen" }).click();
    await expect(teacher.page.getByTestId("roster-entry")).toHaveCount(1);
    await expect(teacher.page.getByTestId("removed-entry")).toHaveCount(1);
    // The stale page's button calls the server action: refused, nothing started.
    await cardOf(learner2.page, second).getByTestId("start-assignment").click();
    await expect(cardOf(learner2.page, second).getByText("Das gibt es nicht (mehr) – oder es gehört nicht zu dir.")).toBeVisible();
    expect(learner2.page.url()).toMatch(/\/assignments$/);
    expect(await startByRoute(learner2.context.request, second)).toEqual({ status: 404, json: { message: "Das gibt es nicht (mehr) – oder es gehört nicht zu dir." } });
    await expectNotFoundPage(learner2.page, `/assignments/${second}`);
    await expectNotFoundPage(learner2.page, `/classes/${classId}`);
    await learner2.page.goto("/assignments");
    await expect(learner2.page.getByTestId("learner-assignment")).toHaveCount(0);
    await learner2.page.goto(`/join/${joinCode}`);
    await expect(learner2.page.getByText("Deine Lehrkraft hat dich aus dieser Klasse entfernt.", { exact: false })).toBeVisible();
    // Their earlier work stays in the gradebook, marked as removed.
    await teacher.page.goto(`/classes/${classId}/assignments/${assignmentA}`);
    await expect(teacher.page.locator(`[data-learner="${learner2Account.email}"]`)).toContainText("(entfernt)");
  });

  test("a non-member sees nothing and starts nothing; a learner sees no gradebook", async ({ browser, baseURL }) => {
    // A learner who never joined: not by URL, not by route, not another learner's quiz.
    const outsider = await newPerson(browser, baseURL!);
    await signUp(outsider.page, { role: "learner" });
    await expectNotFoundPage(outsider.page, `/assignments/${assignmentA}`);
    await expectNotFoundPage(outsider.page, `/classes/${classId}`);
    await expectNotFoundPage(outsider.page, `/classes/${classId}/assignments/${assignmentA}`);
    await expectNotFoundPage(outsider.page, `/quiz/${learner1QuizA}`);
    await expectNotFoundPage(outsider.page, `/quiz/${learner1QuizA}/summary`);
    expect((await startByRoute(outsider.context.request, assignmentA)).status).toBe(404);
    expect((await startByRoute(outsider.context.request, second)).status).toBe(404);
    expect((await postAnswer(outsider.context.request, learner1QuizA, { position: 0, response: { kind: "single", value: "1999" } })).status).toBe(404);
    expect((await outsider.context.request.get(`/api/classes/${classId}/export/scores`)).status()).toBe(404);
    expect((await outsider.context.request.get(`/api/classes/${classId}/export/answers`)).status()).toBe(404);
    // Signed out: the route refuses too.
    const anonymous = await browser.newContext({ baseURL });
    expect((await anonymous.request.post(`/api/assignments/${assignmentA}/attempts`)).status()).toBe(401);
    await anonymous.close();
    await outsider.context.close();

    // A learner of the class cannot see the gradebook or the exports.
    await expectNotFoundPage(learner1.page, `/classes/${classId}/assignments/${assignmentA}`);
    expect((await learner1.context.request.get(`/api/classes/${classId}/export/answers`)).status()).toBe(404);
  });

  test("an answer after the time limit is refused on the server; answers stay hidden until the due date", async () => {
    // Time limit: a 1-minute attempt whose deadline has passed (moved in the database) takes no answer.
    const sprint = await createAssignment(teacher.page, classId, { title: "Sprint", timeLimitMinutes: 1, reveal: "Nach dem Abgabetermin" });
    const sprintQuiz = await startFromList(learner1.page, sprint);
    await expect(learner1.page.getByTestId("attempt-time-left")).toHaveText(/^(1:00|0:[0-5]\d)$/);
    // Reveal after the due date: the reply says "saved", and carries neither grade nor answer.
    const spec = await specAt(sprintQuiz, 0);
    const saved = await answerWith(learner1.page, spec.options.find((o) => o.value !== spec.answer)!.value);
    expect(saved.status).toBe(200);
    expect(Object.keys(saved.json).sort()).toEqual(["alreadyAnswered", "finished", "nextPosition", "withheld"]);
    await expect(feedbackOf(learner1.page)).toHaveAttribute("data-result", "withheld");
    await learner1.page.getByTestId("next").click();
    await expect(learner1.page.getByTestId("quiz-progress")).toContainText("Frage 2 von 3");

    await expireAttempt(sprintQuiz);
    const secondAnswer = (await specAt(sprintQuiz, 1)).answer;
    const late = await answerWith(learner1.page, secondAnswer);
    expect(late).toEqual({ status: 409, json: { message: "Die Zeit für diesen Versuch ist abgelaufen." } });
    await expect(learner1.page.getByRole("main").getByRole("alert")).toContainText("Die Zeit für diesen Versuch ist abgelaufen.");
    expect((await postAnswer(learner1.context.request, sprintQuiz, { position: 1, response: { kind: "single", value: secondAnswer } })).status).toBe(409);
    // Reading the attempt finishes it: the quiz sends the learner to the summary, which withholds the answers.
    await learner1.page.goto(`/quiz/${sprintQuiz}`);
    await learner1.page.waitForURL(/\/summary$/);
    await expect(learner1.page.getByTestId("reveal-withheld")).toBeVisible();
    await expect(learner1.page.getByTestId("mistake")).toHaveCount(0);
    await expect(learner1.page.getByTestId("summary-score")).toHaveText("Noch nicht freigegeben");
    await learner1.page.goto("/assignments");
    await expect(cardOf(learner1.page, sprint).getByTestId("status")).toHaveAttribute("data-status", "submitted");
    // Its score is withheld too until the due date: a total would tell which answers were wrong.
    await expect(cardOf(learner1.page, sprint).getByTestId("learner-score")).toHaveCount(0);
    expect((await startByRoute(learner1.context.request, sprint)).status).toBe(409);
  });

  test("a second teacher cannot see the first teacher's class", async ({ browser, baseURL }) => {
    const otherTeacher = await newPerson(browser, baseURL!);
    await signUp(otherTeacher.page, { role: "teacher" });
    await otherTeacher.page.goto("/classes");
    await expect(otherTeacher.page.getByText("Klasse 9b")).toHaveCount(0);
    await expectNotFoundPage(otherTeacher.page, `/classes/${classId}`);
    await expectNotFoundPage(otherTeacher.page, `/classes/${classId}/assignments/${assignmentA}`);
    expect((await otherTeacher.context.request.get(`/api/classes/${classId}/export/scores`)).status()).toBe(404);
    expect((await otherTeacher.context.request.get(`/api/classes/${classId}/export/answers?assignmentId=${assignmentA}`)).status()).toBe(404);
    await otherTeacher.context.close();
  });

  test("CSV exports open correctly in spreadsheets: BOM, quoted fields, CRLF, no formulas; a name change shows in both and the gradebook", async () => {
    // Learner 1 renames themself on the account page.
    await learner1.page.goto("/account");
    await expect(learner1.page.locator("main form[data-hydrated]").first()).toBeVisible();
    await learner1.page.getByRole("textbox", { name: "Name", exact: true }).fill("Lena Neuname");
    await learner1.page.getByRole("button", { name: "Name speichern" }).click();
    await expect(learner1.page.getByText("Name gespeichert.")).toBeVisible();
    await learner1.page.reload();
    await expect(learner1.page.getByTestId("account-name")).toHaveText("Lena Neuname");
    await teacher.page.goto(`/classes/${classId}/assignments/${assignmentA}`);
    const renamedRow = teacher.page.locator(`[data-learner="${learner1Account.email}"]`);
    await expect(renamedRow.getByRole("rowheader")).toContainText("Lena Neuname");
    await expect(renamedRow.getByTestId("gradebook-email")).toHaveText(learner1Account.email);

    await teacher.page.goto(`/classes/${classId}`);
    const [download] = await Promise.all([teacher.page.waitForEvent("download"), teacher.page.getByTestId("export-scores").click()]);
    expect(download.suggestedFilename()).toBe("Klasse-9b-Noten.csv");
    const scores = parseStrictCsv(readFileSync(await download.path()), ";");
    const header = scores[0]!;
    expect(header.slice(0, 2)).toEqual(["Lernende:r", "E-Mail"]);
    expect(header.at(-1)).toBe("Durchschnitt (%)");
    const titles = header.slice(2, -1);
    expect(titles.find((t) => t.startsWith("Beitritte ("))).toMatch(/^Beitritte \(\d{4}-\d{2}-\d{2}\)$/);
    // "+Zusatz" would be a formula in a spreadsheet: defused with an apostrophe.
    expect(titles.some((t) => t.startsWith("'+Zusatz ("))).toBe(true);
    expect(scores.flat().every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    const column = header.findIndex((t) => t.startsWith("Beitritte ("));
    const rowOf = (email: string) => scores.find((row) => row[1] === email)!;
    expect(scores).toHaveLength(3);
    expect(rowOf(learner1Account.email)[column]).toBe("100");
    expect(rowOf(learner2Account.email)[column]).toBe("67");
    expect(rowOf(learner2Account.email)[0]).toMatch(/\(entfernt\)$/);
    expect(rowOf(learner1Account.email)[0]).toBe("Lena Neuname");
    expect(rowOf(learner2Account.email)[0]).toMatch(/^Max Muster/);

    const response = await teacher.context.request.get(`/api/classes/${classId}/export/answers?assignmentId=${assignmentA}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe('attachment; filename="Klasse-9b-Antworten.csv"');
    const answers = parseStrictCsv(await response.body(), ";");
    expect(answers[0]).toEqual([
      "Lernende:r",
      "E-Mail",
      "Aufgabe",
      "Versuch",
      "Verspätet",
      "Frage Nr.",
      "Frageart",
      "Frage",
      "Antwort",
      "Richtig",
      "Punkte (%)",
      "Beantwortet am",
      "Zeit (s)",
    ]);
    // One row per answer: 3 questions × 2 learners.
    expect(answers).toHaveLength(7);
    expect(answers.filter((row) => row[1] === learner1Account.email).every((row) => row[0] === "Lena Neuname")).toBe(true);
    const learner2Rows = answers.filter((row) => row[1] === learner2Account.email);
    expect(learner2Rows.map((row) => [row[5], row[8], row[9]])).toEqual([
      ["1", wrongAnswerQ1, "nein"],
      ["2", expect.any(String), "ja"],
      ["3", expect.any(String), "ja"],
    ]);
    expect(answers.slice(1).every((row) => row[2] === "Beitritte" && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(row[11]!))).toBe(true);
  });

  test("screenshots: class page, gradebook and the learner's list, desktop and 375 px", async () => {
    for (const [width, suffix] of [
      [1280, "desktop"],
      [375, "mobile"],
    ] as const) {
      await teacher.page.setViewportSize({ width, height: 900 });
      await teacher.page.goto(`/classes/${classId}`);
      await expect(teacher.page.getByTestId("class-report-chart")).toBeVisible();
      await expect(teacher.page.locator(".recharts-line")).toBeVisible();
      await teacher.page.screenshot({ path: `${artifacts}/classes-class-page-${suffix}.png`, fullPage: true });
      if (width === 375) await expectNoHorizontalScroll(teacher.page);
      await teacher.page.goto(`/classes/${classId}/assignments/${assignmentA}`);
      await expect(teacher.page.getByTestId("gradebook-table")).toBeVisible();
      await teacher.page.screenshot({ path: `${artifacts}/classes-gradebook-${suffix}.png`, fullPage: true });
      if (width === 375) await expectNoHorizontalScroll(teacher.page);

      await learner1.page.setViewportSize({ width, height: 900 });
      await learner1.page.goto("/assignments");
      await expect(learner1.page.getByTestId("learner-assignment").first()).toBeVisible();
      await learner1.page.screenshot({ path: `${artifacts}/classes-assignments-${suffix}.png`, fullPage: true });
      if (width === 375) await expectNoHorizontalScroll(learner1.page);
    }
  });
});
