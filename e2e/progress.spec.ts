import { mkdirSync, readFileSync } from "node:fs";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { expectMainFitsViewport, feedbackOf, progressOf, questionKindOf, quizIdOf, startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 3 (progress): a learner plays, then sees it on the dashboard, in the history and in
 * the review of the attempt, and practises their weak spots; a second learner can reach none
 * of it — not by URL, not through the JSON routes, not by replaying the weak-spots action.
 */



const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

interface NatoFacts {
  countries: { id: string; name: { de: string } }[];
  accessions: { id: string; country: string; date: string; nameAtAccession?: { de: string } }[];
}
const nato = JSON.parse(readFileSync("data/nato.json", "utf8")) as NatoFacts;

/** Every German spelling of a country in prompts (today's name and its name at accession), longest first. */
const spellings = nato.accessions
  .flatMap((accession) => {
    const country = nato.countries.find((c) => c.id === accession.country)!;
    const names = [country.name.de, accession.nameAtAccession?.de].filter((n): n is string => Boolean(n));
    return names.map((name) => ({ name, accession, countryName: country.name.de }));
  })
  .sort((a, b) => b.name.length - a.name.length);

/**
 * How a German prompt names a country, allowing for declension ("das Vereinigte Königreich",
 * "die Vereinigten Staaten"): the prompt's words where each word of the name, less its ending,
 * starts a word of the prompt, in order; null if the prompt does not name it.
 */
function nameInPrompt(prompt: string, name: string): string | null {
  const words = prompt.split(/[\s,.?!:]+/);
  const stems = name.split(/\s+/).map((w) => (w.length > 4 ? w.replace(/(en|es|e|n|s)$/, "") : w));
  const start = words.findIndex((_, at) => stems.every((stem, i) => words[at + i]?.startsWith(stem)));
  return start === -1 ? null : words.slice(start, start + stems.length).join(" ");
}

interface Played {
  quizId: string;
  /** Per question: the country asked about, its accession year, the year chosen and whether it was right. */
  questions: { country: string; promptName: string; year: string; chosen: string; correct: boolean }[];
}

/** Chooses an option and answers; `nextProgress` is the next question's progress text, or null for the last question. */
async function answerWith(page: Page, value: string, shouldBeRight: boolean, nextProgress: string | null): Promise<void> {
  await page.locator("main label").filter({ has: page.locator(`[data-quiz-option][value="${value}"]`) }).click();
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(page)).toHaveAttribute("data-result", shouldBeRight ? "correct" : "wrong");
  await page.getByTestId("next").click();
  if (nextProgress) await expect(progressOf(page)).toHaveText(nextProgress);
  else await page.waitForURL(/\/summary$/);
}

/**
 * Plays an "accession-year" quiz to its summary, answering right or wrong as `plan` says: the
 * country is read from the prompt and its year looked up in data/nato.json.
 */
async function playAccessionYearQuiz(page: Page, plan: boolean[]): Promise<Played> {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: plan.length });
  const questions: Played["questions"] = [];
  for (const [index, shouldBeRight] of plan.entries()) {
    await expect(progressOf(page)).toHaveText(`Frage ${index + 1} von ${plan.length}`);
    const prompt = (await page.locator("#question-heading").textContent()) ?? "";
    const match = spellings.map((s) => ({ ...s, promptName: nameInPrompt(prompt, s.name) })).find((s) => s.promptName !== null);
    if (!match?.promptName) throw new Error(`no country found in the prompt "${prompt}"`);
    const year = match.accession.date.slice(0, 4);
    const values = await page.locator("main [data-quiz-option]").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const chosen = shouldBeRight ? year : values.find((v) => v !== year)!;
    questions.push({ country: match.countryName, promptName: match.promptName, year, chosen, correct: shouldBeRight });
    await answerWith(page, chosen, shouldBeRight, index + 1 === plan.length ? null : `Frage ${index + 2} von ${plan.length}`);
  }
  await page.waitForURL(/\/summary$/);
  return { quizId, questions };
}

/** Answers whatever the current question is with anything valid, until the quiz's summary. */
async function playToTheEnd(page: Page): Promise<void> {
  for (let guard = 0; guard < 60 && !/\/summary$/.test(new URL(page.url()).pathname); guard++) {
    const kind = await questionKindOf(page);
    const main = page.locator("main");
    if (kind === "single" || kind === "multi") {
      await main.locator("label").filter({ has: page.locator("[data-quiz-option]") }).first().click();
    } else if (kind === "match") {
      const selects = main.locator("select");
      for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
    } else if (kind === "text") {
      // A typed year takes digits; a typed country a name.
      const yearField = main.getByLabel("Jahr", { exact: true });
      if ((await yearField.count()) > 0) await yearField.fill("1900");
      else await page.getByLabel("Deine Antwort").fill("Atlantis");
    }
    await page.getByRole("button", { name: "Antworten" }).click();
    await expect(feedbackOf(page)).toBeVisible();
    const next = page.getByTestId("next");
    const isLast = /Zur Auswertung/.test((await next.textContent()) ?? "");
    await next.click();
    if (isLast) await page.waitForURL(/\/summary$/);
    else await expect(feedbackOf(page)).toBeHidden();
  }
  await expect(page).toHaveURL(/\/summary$/);
}

/** The fields of the page's first weak-spots form, to replay the server action as a plain (no-JS) form post. */
async function weakSpotsFormFields(page: Page): Promise<Record<string, string>> {
  const form = page.locator("form").filter({ has: page.locator('input[name="factSetId"]') }).filter({ hasText: "Schwächen üben" }).first();
  return form.evaluate((element) => {
    const fields: Record<string, string> = {};
    for (const [key, value] of new FormData(element as HTMLFormElement).entries()) fields[key] = String(value);
    return fields;
  });
}

async function newLearner(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "de-DE" });
  return context.newPage();
}

test("a learner's progress: dashboard, history, review and weak spots — and nobody else's", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const page = await newLearner(browser, baseURL);

  // No session yet: an invitation instead of a dashboard, and no data over the API.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dein Fortschritt" })).toBeVisible();
  await expect(page.getByTestId("progress-empty")).toContainText("Erstes Quiz starten");
  expect((await page.request.get("/api/progress")).status()).toBe(401);

  // Play: five questions, the 2nd and 4th answered wrongly on purpose.
  const played = await playAccessionYearQuiz(page, [true, false, true, false, true]);
  await expect(page.getByTestId("summary-score")).toHaveText("3 von 5 richtig");
  const wrong = played.questions.filter((q) => !q.correct);
  const right = played.questions.filter((q) => q.correct);

  // The dashboard shows it.
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Fortschritt" })).toHaveAttribute("href", "/dashboard");
  await expect(nav.getByRole("link", { name: "Verlauf" })).toHaveAttribute("href", "/history");
  await page.goto("/dashboard");
  await expect(nav.getByRole("link", { name: "Fortschritt" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("stat-answers")).toContainText("5");
  await expect(page.getByTestId("stat-answers")).toContainText("60 % richtig");
  await expect(page.getByTestId("stat-quizzes")).toContainText("1");
  await expect(page.getByTestId("stat-streak")).toContainText("1 Tag");
  await expect(page.getByTestId("stat-streak")).toContainText("Heute schon geübt");
  await expect(page.getByTestId("stat-time")).toContainText(/\d+ s/);
  await expect(page.getByTestId("activity-chart").locator(".recharts-wrapper > svg")).toBeVisible();
  await expect(page.getByTestId("wave-chart").locator(".recharts-wrapper > svg")).toBeVisible();
  // The charts' text alternatives: a summary and a data table, linked to the chart.
  await expect(page.locator("#activity-summary")).toContainText("5 Fragen");
  await expect(page.locator("#activity-summary")).toContainText("60 % richtig");
  await expect(page.getByTestId("activity-chart")).toHaveAttribute("aria-describedby", /activity-summary/);
  const todayRow = page.getByTestId("activity-table").locator("tbody tr").last();
  await expect(todayRow.locator("td")).toHaveText(["5", "3", "60 %", "0"]);
  await expect(page.getByTestId("topic-mastery-value")).toContainText(/^[1-9]\d* % beherrscht$/);
  await expect(page.getByTestId("topic-mastery")).toContainText("5 von 47 Fakten geübt");
  // Weakest: the two facts answered wrongly, and none of the three answered right.
  const weakFacts = page.getByTestId("weak-fact");
  await expect(weakFacts).toHaveCount(2);
  const listed = (await weakFacts.evaluateAll((items) => items.map((item) => item.textContent ?? ""))).join(" | ");
  for (const q of wrong) expect(listed).toContain(`Beitritt: ${q.country} (${q.year})`);
  for (const q of right) expect(listed).not.toContain(`${q.country} (`);
  await expect(weakFacts.first()).toContainText("Beherrschung 0 % · 0 von 1 richtig");

  await page.screenshot({ path: `${artifacts}/progress-dashboard-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(page.getByTestId("activity-chart").locator(".recharts-wrapper > svg")).toBeVisible();
  await expectMainFitsViewport(page);
  await page.screenshot({ path: `${artifacts}/progress-dashboard-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // History: the attempt with its score; personal best.
  await page.goto("/history");
  const attempts = page.getByTestId("attempt");
  await expect(attempts).toHaveCount(1);
  await expect(attempts.first().getByTestId("attempt-score")).toHaveText("3/5 richtig");
  await expect(attempts.first()).toContainText("Geschichte der NATO · Eigenes Quiz");
  await expect(page.getByTestId("personal-best-score")).toHaveText("60 %");
  await expect(page.getByTestId("scoring-rule")).toHaveText("Jede Frage bringt einen Punkt, eine teilweise richtige Antwort ihren Anteil davon: Daraus ergibt sich der Prozentwert.");

  // The review: every question, the answer given and the correct one, ✓/✗.
  await attempts.first().getByRole("link", { name: /Quiz vom .* ansehen/ }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${played.quizId}$`));
  await expect(page.getByTestId("attempt-detail-score")).toContainText("3 von 5 richtig");
  const cards = page.getByTestId("attempt-question");
  await expect(cards).toHaveCount(5);
  for (const [i, q] of played.questions.entries()) {
    const card = cards.nth(i);
    await expect(card).toContainText(q.promptName);
    await expect(card).toHaveAttribute("data-state", q.correct ? "correct" : "wrong");
    await expect(card.getByTestId("attempt-verdict")).toHaveText(q.correct ? "✓Richtig" : "✗Falsch");
    await expect(card.getByTestId("given-answer")).toHaveText(q.chosen);
    await expect(card.getByTestId("correct-answer")).toHaveText(q.year);
  }
  await page.screenshot({ path: `${artifacts}/progress-attempt-desktop.png`, fullPage: true });

  // Weak spots: a quiz over the weakest facts, those answered wrongly among them.
  const learnerAFields = await (async () => {
    await page.goto("/dashboard");
    return weakSpotsFormFields(page);
  })();
  await page.getByRole("button", { name: "Schwächen üben: Geschichte der NATO" }).click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  const weakSpotsQuizId = quizIdOf(page);
  expect(weakSpotsQuizId).not.toBe(played.quizId);
  await expect(page.getByText("Schwächen üben", { exact: true }).or(page.locator("#question-heading"))).toBeVisible();
  await playToTheEnd(page);
  // Its review names only facts the learner has practised, the wrong ones included.
  await page.goto(`/history/${weakSpotsQuizId}`);
  const reviewText = (await page.locator("main").textContent()) ?? "";
  const practisedCountries = played.questions.map((q) => q.country);
  expect(
    wrong.some((q) => reviewText.includes(q.country) || reviewText.includes(q.promptName)),
    `review mentions a wrongly answered country: ${wrong.map((q) => q.country).join(", ")}`,
  ).toBe(true);
  const correctAnswers = await page.getByTestId("correct-answer").allTextContents();
  expect(correctAnswers.length).toBeGreaterThan(0);
  expect(practisedCountries.length).toBe(5);

  // Filters: by mode, by topic, by date (a GET form).
  await page.goto("/history");
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  await page.getByLabel("Art").selectOption({ label: "Schwächen üben" });
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page).toHaveURL(/mode=weak-spots/);
  await expect(page.getByTestId("attempt")).toHaveCount(1);
  await expect(page.getByTestId("attempt").first()).toHaveAttribute("data-quiz-id", weakSpotsQuizId);
  await page.getByLabel("Art").selectOption({ label: "Eigenes Quiz" });
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByTestId("attempt")).toHaveCount(1);
  await expect(page.getByTestId("attempt").first()).toHaveAttribute("data-quiz-id", played.quizId);
  await page.getByLabel("Art").selectOption({ label: "Alle" });
  await page.getByLabel("Thema").selectOption({ label: "Geschichte der NATO" });
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  await page.getByLabel("Von").fill("2099-01-01");
  await page.getByRole("button", { name: "Filtern" }).click();
  await expect(page.getByTestId("attempt")).toHaveCount(0);
  await expect(page.getByTestId("history-empty")).toHaveText("Keine Quizze passen zu diesen Filtern.");
  await page.getByRole("link", { name: "Zurücksetzen" }).click();
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  await page.screenshot({ path: `${artifacts}/progress-history-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expectMainFitsViewport(page);
  await page.screenshot({ path: `${artifacts}/progress-history-phone.png`, fullPage: true });
  await page.goto(`/history/${played.quizId}`);
  await expectMainFitsViewport(page);
  await page.screenshot({ path: `${artifacts}/progress-attempt-phone.png`, fullPage: true });

  // ── A second learner, in a separate browser context ──
  const other = await newLearner(browser, baseURL);
  // Without a session: 404 for the attempt, 401/404 over the API, and the action asks to sign in.
  let response = await other.goto(`/history/${played.quizId}`);
  expect(response?.status()).toBe(404);
  expect((await other.request.get(`/api/progress/attempts/${played.quizId}`)).status()).toBe(404);
  let replay = await other.request.post("/dashboard", { multipart: learnerAFields, maxRedirects: 0 });
  expect(replay.status()).not.toBe(303);
  expect(await replay.text()).not.toContain("/quiz/");

  // With a session of their own (a quiz, all wrong): still nothing of the first learner's.
  const otherPlayed = await playAccessionYearQuiz(other, [false, false, false]);
  response = await other.goto(`/history/${played.quizId}`);
  expect(response?.status()).toBe(404);
  const notFoundText = (await other.locator("main").textContent()) ?? "";
  expect(notFoundText).toContain("Nicht gefunden");
  for (const q of played.questions) expect(notFoundText).not.toContain(q.country);
  const apiDetail = await other.request.get(`/api/progress/attempts/${played.quizId}`);
  expect(apiDetail.status()).toBe(404);
  expect(await apiDetail.text()).not.toContain(played.questions[0]!.promptName);
  const otherDashboard = (await (await other.request.get(`/api/progress?userId=whatever`)).json()) as { counts: { answers: number; finishedQuizzes: number } };
  expect(otherDashboard.counts).toMatchObject({ answers: 3, finishedQuizzes: 1 });
  await other.goto("/history");
  await expect(other.getByTestId("attempt")).toHaveCount(1);
  await expect(other.getByTestId("attempt").first()).toHaveAttribute("data-quiz-id", otherPlayed.quizId);
  await other.goto("/dashboard");
  await expect(other.getByTestId("stat-answers")).toContainText("0 % richtig");

  // Replaying the first learner's weak-spots form starts a quiz over the SECOND learner's own
  // weakest facts (the session decides whose), never the first learner's.
  replay = await other.request.post("/dashboard", { multipart: learnerAFields, maxRedirects: 0 });
  expect(replay.status()).toBe(303);
  const location = replay.headers()["location"] ?? "";
  const replayQuizId = decodeURIComponent(/\/quiz\/([^/?#]+)/.exec(location)?.[1] ?? "");
  expect(replayQuizId).not.toBe("");
  await other.goto(`/quiz/${replayQuizId}`);
  const firstQuestion = ((await other.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
  const otherFacts = otherPlayed.questions.flatMap((q) => [q.country, q.promptName, q.year]);
  expect(otherFacts.some((fact) => firstQuestion.includes(fact)), `"${firstQuestion.slice(0, 200)}" mentions one of ${otherFacts.join(", ")}`).toBe(true);
  // And the first learner's new quiz is not reachable for them either.
  expect((await other.goto(`/history/${weakSpotsQuizId}`))?.status()).toBe(404);
  expect((await other.goto(`/quiz/${weakSpotsQuizId}`))?.status()).toBe(404);

  // The first learner's history is unchanged by all this.
  await page.goto("/history");
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  await other.context().close();
  await page.context().close();
});
