import { mkdirSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import {
  expectMainFitsViewport,
  feedbackOf,
  isAnsweredCorrectly,
  mentions,
  optionValuesOf,
  postAnswer,
  progressOf,
  questionKindOf,
  quizIdOf,
  startQuizFromHome,
  waitForQuestion,
} from "./quiz-fixtures";

/**
 * Issue 2: the self-study quiz, played as a learner would — by mouse, by keyboard, on a
 * phone — plus what a learner cannot do by hand: tampered and repeated submissions.
 */

// Each test plays whole quizzes (a dozen page loads and answers): more than the default
// minute on a busy machine, and `next dev` also compiles each route on first use.
test.describe.configure({ timeout: process.env.E2E_DEV === "1" ? 240_000 : 180_000 });

const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

function optionLabels(page: Page) {
  return page.locator("main label").filter({ has: page.locator("[data-quiz-option]") });
}

test("a full quiz by mouse: feedback after each answer, score = number of right answers, then practise the mistakes", async ({ page }) => {
  await startQuizFromHome(page, { types: ["accession-year", "founding-member-true-false"], length: 5 });
  let rightAnswers = 0;
  for (let number = 1; number <= 5; number++) {
    await expect(progressOf(page)).toHaveText(`Frage ${number} von 5`);
    const answerButton = page.getByRole("button", { name: "Antworten" });
    await optionLabels(page).first().click();
    await answerButton.click();
    const feedback = feedbackOf(page);
    await expect(feedback).toBeVisible();
    await expect(page.getByTestId("verdict")).toHaveText(/^(Richtig!|Leider falsch\.)$/);
    await expect(page.getByTestId("correct-answer")).not.toBeEmpty();
    await expect(page.getByTestId("explanation")).not.toBeEmpty();
    // The source: a quotation (the source text's sentence, where it states the fact), other references folded away.
    await expect(feedback.locator('[data-testid="source-quote"], [data-testid="source-references"]').first()).toBeVisible();
    if (await isAnsweredCorrectly(page)) rightAnswers++;
    // Options are locked once answered.
    await expect(page.locator("main [data-quiz-option]").first()).toBeDisabled();
    await page.getByTestId("next").click();
  }

  await page.waitForURL(/\/summary$/);
  await expect(page.getByTestId("summary-score")).toHaveText(`${rightAnswers} von 5 richtig`);
  await expect(page.getByTestId("summary-time")).toHaveText(/^(\d+ s|\d+ min( \d+ s)?)$/);
  await expect(page.getByTestId("mistake")).toHaveCount(5 - rightAnswers);
  // The review cites its sources as the feedback does (one component): a quote or titled links, never a bare address.
  for (const mistake of await page.getByTestId("mistake").all()) {
    await expect(mistake.locator('[data-testid="source-quote"], [data-testid="source-references"]').first()).toBeAttached();
    expect(await mistake.innerText()).not.toMatch(/https?:\/\//);
  }

  if (rightAnswers < 5) {
    const summaryUrl = page.url();
    await page.getByRole("button", { name: "Meine Fehler noch einmal üben" }).click();
    await page.waitForURL((url) => /\/quiz\/[^/]+$/.test(url.pathname) && !summaryUrl.includes(url.pathname));
    await expect(progressOf(page)).toHaveText(`Frage 1 von ${5 - rightAnswers}`);
    await expect(page.getByText("Fehler üben", { exact: true })).toBeVisible();
  }
});

test("a full quiz by keyboard only, with every answer format", async ({ page }) => {
  await startQuizFromHome(page, {
    types: ["accession-year", "wave-members", "accession-order", "match-country-year", "typed-country"],
    length: 5,
  });
  const heading = page.locator("#question-heading");
  let rightAnswers = 0;
  const kindsSeen = new Set<string>();
  for (let number = 1; number <= 5; number++) {
    await expect(progressOf(page)).toHaveText(`Frage ${number} von 5`);
    await expect(heading).toBeFocused();
    const kind = await questionKindOf(page);
    kindsSeen.add(kind);
    switch (kind) {
      case "single":
        await page.keyboard.press("2");
        await expect(page.locator("main [data-quiz-option]").nth(1)).toBeChecked();
        break;
      case "multi":
        await page.keyboard.press("1");
        await page.keyboard.press("3");
        await page.keyboard.press("3");
        await expect(page.locator("main [data-quiz-option]").nth(0)).toBeChecked();
        await expect(page.locator("main [data-quiz-option]").nth(2)).not.toBeChecked();
        break;
      case "order": {
        const items = page.locator("main [data-order-item]");
        const firstLabel = await items.first().getAttribute("aria-label");
        await page.keyboard.press("Tab");
        await expect(items.first()).toBeFocused();
        await page.keyboard.press("Alt+ArrowDown");
        // The item moved one down and kept the focus.
        await expect(items.nth(1)).toBeFocused();
        expect(await items.nth(1).getAttribute("aria-label")).toBe(firstLabel?.replace("Position 1", "Position 2"));
        break;
      }
      case "match": {
        const selects = page.locator("main select");
        const count = await selects.count();
        for (let i = 0; i < count; i++) {
          await page.keyboard.press("Tab");
          await expect(selects.nth(i)).toBeFocused();
          for (let step = 0; step <= i; step++) await page.keyboard.press("ArrowDown");
          await expect(selects.nth(i)).not.toHaveValue("");
        }
        break;
      }
      case "text":
        await page.keyboard.press("Tab");
        await expect(page.getByLabel("Deine Antwort")).toBeFocused();
        await page.keyboard.type("Polen");
        break;
    }
    await page.keyboard.press("Enter");
    await expect(feedbackOf(page)).toBeVisible();
    if (await isAnsweredCorrectly(page)) rightAnswers++;
    const next = page.getByTestId("next");
    await expect(next).toBeFocused();
    await expect(next).toHaveText(number === 5 ? /Zur Auswertung/ : /Weiter/);
    await page.keyboard.press("Enter");
  }
  await page.waitForURL(/\/summary$/);
  await expect(page.getByTestId("summary-score")).toHaveText(`${rightAnswers} von 5 richtig`);
  // Five types over five questions: the generator mixes them, one of each.
  expect([...kindsSeen].sort()).toEqual(["match", "multi", "order", "single", "text"]);
});

test("reloading resumes at the same question and keeps the earlier answers", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const verdicts: boolean[] = [];
  for (let number = 1; number <= 2; number++) {
    await optionLabels(page).nth(number).click();
    await page.getByRole("button", { name: "Antworten" }).click();
    verdicts.push(await isAnsweredCorrectly(page));
    await page.getByTestId("next").click();
  }
  await expect(progressOf(page)).toHaveText("Frage 3 von 5");
  await page.reload();
  await expect(progressOf(page)).toHaveText("Frage 3 von 5");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");

  // The stored answers are still there: asking again returns them, counted once.
  for (const [position, wasCorrect] of verdicts.entries()) {
    const again = await postAnswer(page.request, quizId, { position, response: { kind: "single", value: "1949" } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyAnswered: true, correct: wasCorrect, nextPosition: 2 });
  }

  // Coming back later from the home page offers the same question.
  await page.goto("/");
  await expect(page.getByText("Frage 3 von 5")).toBeVisible();
  await page.getByRole("link", { name: /Quiz fortsetzen/ }).click();
  await expect(progressOf(page)).toHaveText("Frage 3 von 5");
});

test("a double submit is counted once", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const [value, otherValue] = await optionValuesOf(page);
  const body = { position: 0, response: { kind: "single", value } };
  const [first, second] = await Promise.all([postAnswer(page.request, quizId, body), postAnswer(page.request, quizId, body)]);
  expect([first.status, second.status]).toEqual([200, 200]);
  expect([first.json?.alreadyAnswered, second.json?.alreadyAnswered].sort()).toEqual([false, true]);
  expect(first.json?.correct).toBe(second.json?.correct);
  expect(first.json?.correctCount).toBe(second.json?.correctCount);

  // A third, different answer to the same question changes nothing either.
  const third = await postAnswer(page.request, quizId, { position: 0, response: { kind: "single", value: otherValue } });
  expect(third.status).toBe(200);
  expect(third.json).toMatchObject({ alreadyAnswered: true, correct: first.json?.correct, nextPosition: 1 });

  await page.reload();
  await expect(progressOf(page)).toHaveText("Frage 2 von 5");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
});

test("the correct answer is not in the page, its RSC payload or its scripts before answering", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["typed-country"], length: 2 });
  const before = await fetchPageSources(page, `/quiz/${quizId}`);
  expect(before.rscContentType).toContain("text/x-component");

  // Answer wrong on purpose: the feedback reveals the country and the explanation.
  await page.getByLabel("Deine Antwort").fill("Atlantis");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Leider falsch.");
  const country = (await page.getByTestId("correct-answer").textContent())?.trim() ?? "";
  const explanation = (await page.getByTestId("explanation").textContent())?.trim() ?? "";
  expect(country.length).toBeGreaterThan(2);
  expect(explanation).toContain(country);

  for (const [name, source] of Object.entries(before.sources)) {
    expect(mentions(source, country), `${name} names the country to type`).toBe(false);
    expect(mentions(source, explanation), `${name} contains the explanation`).toBe(false);
    expectNoSpecFields(source, name);
  }

  // The same check does find them where they belong: on the summary's review of mistakes.
  await page.getByTestId("next").click();
  await page.getByLabel("Deine Antwort").fill("Atlantis");
  await page.keyboard.press("Enter");
  await expect(feedbackOf(page)).toBeVisible();
  await page.getByTestId("next").click();
  await page.waitForURL(/\/summary$/);
  const after = await fetchPageSources(page, `/quiz/${quizId}/summary`);
  expect(mentions(after.sources.html, country)).toBe(true);
  expect(mentions(after.sources.html, explanation)).toBe(true);
  expect(mentions(after.sources.rsc, explanation)).toBe(true);
});

test("a single-choice question's page does not mark its answer", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 1 });
  const before = await fetchPageSources(page, `/quiz/${quizId}`);
  await optionLabels(page).first().click();
  await page.getByRole("button", { name: "Antworten" }).click();
  const explanation = (await page.getByTestId("explanation").textContent())?.trim() ?? "";
  expect(explanation.length).toBeGreaterThan(10);
  for (const [name, source] of Object.entries(before.sources)) {
    expect(mentions(source, explanation), `${name} contains the explanation`).toBe(false);
    expectNoSpecFields(source, name);
    expect(source, `${name} names the facts tested`).not.toMatch(/accession-[a-z]{2}\b/);
  }
});

test("an unknown quiz id shows the 404 page", async ({ page }) => {
  const response = await page.goto("/quiz/no-such-quiz");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nicht gefunden" })).toBeVisible();
  const summary = await page.goto("/quiz/no-such-quiz/summary");
  expect(summary?.status()).toBe(404);
});

test("another learner's quiz is not found, for the page and the answer route", async ({ page, browser }) => {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const [value] = await optionValuesOf(page);
  const stranger = await browser.newContext();
  try {
    const strangerPage = await stranger.newPage();
    // A stranger without a session …
    const anonymous = await postAnswer(strangerPage.request, quizId, { position: 0, response: { kind: "single", value } });
    expect(anonymous.status).toBe(404);
    expect(anonymous.json?.message).toEqual(expect.any(String));
    // … and one with a session and a quiz of their own.
    await startQuizFromHome(strangerPage, { types: ["accession-year"], length: 5 });
    const foreign = await postAnswer(strangerPage.request, quizId, { position: 0, response: { kind: "single", value } });
    expect(foreign.status).toBe(404);
    expect((await strangerPage.request.get(`/quiz/${quizId}`)).status()).toBe(404);
    expect((await strangerPage.request.get(`/quiz/${quizId}/summary`)).status()).toBe(404);
    await strangerPage.goto(`/quiz/${quizId}`);
    await expect(strangerPage.getByRole("heading", { name: "Nicht gefunden" })).toBeVisible();
  } finally {
    await stranger.close();
  }
  await page.reload();
  await expect(progressOf(page)).toHaveText("Frage 1 von 5");
});

test("tampered submissions get a 4xx with a message and change nothing", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const [value] = await optionValuesOf(page);
  const cases: { name: string; body: unknown; headers?: Record<string, string>; status: number; quiz?: string }[] = [
    { name: "wrong kind", body: { position: 0, response: { kind: "text", text: "1999" } }, status: 400 },
    { name: "option not offered", body: { position: 0, response: { kind: "single", value: "1066" } }, status: 400 },
    { name: "unknown kind", body: { position: 0, response: { kind: "essay", value } }, status: 400 },
    { name: "position not in the quiz", body: { position: 99, response: { kind: "single", value } }, status: 400 },
    { name: "negative position", body: { position: -1, response: { kind: "single", value } }, status: 400 },
    { name: "position as text", body: { position: "0", response: { kind: "single", value } }, status: 400 },
    { name: "a later question first", body: { position: 2, response: { kind: "single", value } }, status: 409 },
    { name: "malformed JSON", body: '{"position": 0, "response": {', status: 400 },
    { name: "empty body", body: "", status: 400 },
    { name: "oversized body", body: { position: 0, response: { kind: "text", text: "x".repeat(20_000) } }, status: 413 },
    { name: "not JSON", body: "position=0", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415 },
    { name: "unknown quiz", body: { position: 0, response: { kind: "single", value } }, status: 404, quiz: "no-such-quiz" },
  ];
  for (const { name, body, headers, status, quiz } of cases) {
    const result = await postAnswer(page.request, quiz ?? quizId, body, headers);
    expect(result.status, `${name}: ${result.text}`).toBe(status);
    expect(typeof result.json?.message, `${name}: JSON error message`).toBe("string");
    expect(String(result.json?.message).length, name).toBeGreaterThan(5);
  }

  // Nothing was written: still on question 1, and a proper answer is the first one stored.
  await page.reload();
  await expect(progressOf(page)).toHaveText("Frage 1 von 5");
  const proper = await postAnswer(page.request, quizId, { position: 0, response: { kind: "single", value } });
  expect(proper.status).toBe(200);
  expect(proper.json).toMatchObject({ alreadyAnswered: false, nextPosition: 1 });
});

test("the header's language switch renders the quiz in English", async ({ page }) => {
  await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const germanPrompt = await page.locator("#question-heading").textContent();
  const english = page.getByRole("banner").getByRole("button", { name: "English" });
  await english.click();
  await expect(english).toHaveAttribute("aria-pressed", "true");
  await expect(english).toBeFocused();
  await expect(progressOf(page)).toHaveText("Question 1 of 5");
  const englishPrompt = await page.locator("#question-heading").textContent();
  expect(englishPrompt).not.toBe(germanPrompt);
  expect(englishPrompt).toMatch(/NATO/);
  await optionLabels(page).first().click();
  await page.getByRole("button", { name: "Answer" }).click();
  await expect(page.getByTestId("verdict")).toHaveText(/^(Correct!|Sorry, that's wrong\.)$/);
  await expect(feedbackOf(page).locator('[data-testid="source-quote"] figcaption, [data-testid="source-references"] summary').first()).toHaveText(/\S/);
  await expect(page.getByTestId("next")).toHaveText(/Next/);
  await page.reload();
  await expect(progressOf(page)).toHaveText("Question 2 of 5");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test("home, question, feedback and summary fit a 375px screen", async ({ page }) => {
    await page.goto("/");
    await expectMainFitsViewport(page);
    await startQuizFromHome(page, { types: ["accession-order", "match-country-year"], length: 2 });
    for (let number = 1; number <= 2; number++) {
      await expect(progressOf(page)).toHaveText(`Frage ${number} von 2`);
      await expectMainFitsViewport(page);
      const kind = await questionKindOf(page);
      if (kind === "order") {
        await page.getByRole("button", { name: /nach unten schieben/ }).first().tap();
      } else {
        const selects = page.locator("main select");
        for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: i + 1 });
      }
      await page.getByRole("button", { name: "Antworten" }).tap();
      await expect(feedbackOf(page)).toBeVisible();
      await expectMainFitsViewport(page);
      await page.getByTestId("next").tap();
    }
    await page.waitForURL(/\/summary$/);
    await expect(page.getByTestId("summary-score")).toBeVisible();
    await expectMainFitsViewport(page);
  });
});

for (const { name, viewport } of [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 375, height: 740 } },
]) {
  test(`screenshots (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await page.screenshot({ path: `${artifacts}/quiz-home-${name}.png`, fullPage: true });
    await startQuizFromHome(page, { types: ["accession-year", "wave-members", "country-by-year"], length: 3 });
    await expect(progressOf(page)).toHaveText("Frage 1 von 3");
    await page.screenshot({ path: `${artifacts}/quiz-question-${name}.png`, fullPage: true });
    for (let number = 1; number <= 3; number++) {
      await optionLabels(page).first().click();
      await page.getByRole("button", { name: "Antworten" }).click();
      await expect(feedbackOf(page)).toBeVisible();
      if (number === 1) await page.screenshot({ path: `${artifacts}/quiz-feedback-${name}.png`, fullPage: true });
      await page.getByTestId("next").click();
    }
    await page.waitForURL(/\/summary$/);
    await expect(page.getByTestId("summary-score")).toBeVisible();
    await page.screenshot({ path: `${artifacts}/quiz-summary-${name}.png`, fullPage: true });
    expect(quizIdOf(page)).toBeTruthy();
  });
}

/**
 * Fails if `source` holds what only a stored question spec has: its answer (a value, list,
 * map or option reference after an "answer" key), its fact ids, or option references. (The
 * explanation and the answer's text are checked by content, as they appear after answering.)
 * Keys are matched as written in JSON, in HTML-escaped JSON and in JSON inside a JS string.
 */
function expectNoSpecFields(source: string, name: string): void {
  const key = (k: string) => `(?:"|\\\\"|&quot;)${k}(?:"|\\\\"|&quot;)\\s*:\\s*`;
  expect(source, `${name} contains a spec's answer`).not.toMatch(new RegExp(`${key("answer")}(?:\\[|\\{|(?:"|\\\\"|&quot;)(?:\\d{4}|[A-Z]{2}|true|false|[a-z0-9-]+-\\d{4})(?:"|\\\\"|&quot;))`));
  expect(source, `${name} contains a spec's fact ids`).not.toMatch(new RegExp(key("factIds")));
  expect(source, `${name} contains an option reference`).not.toMatch(new RegExp(`${key("of")}(?:"|\\\\"|&quot;)(?:country|year|date|event|place|boolean)`));
}

/** The page's HTML, its RSC payload, and the JavaScript it loads, fetched as this learner. */
async function fetchPageSources(page: Page, path: string) {
  const htmlResponse = await page.request.get(path);
  expect(htmlResponse.status()).toBe(200);
  const html = await htmlResponse.text();
  const rscResponse = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rscResponse.status()).toBe(200);
  const rsc = await rscResponse.text();
  const scriptUrls = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  const scripts = await Promise.all(scriptUrls.map(async (url) => (await page.request.get(url)).text()));
  return { sources: { html, rsc, scripts: scripts.join("\n") } as Record<string, string>, rscContentType: rscResponse.headers()["content-type"] ?? "" };
}
