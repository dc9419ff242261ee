import { mkdirSync } from "node:fs";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { expectMainFitsViewport } from "./quiz-fixtures";

/**
 * Flashcards as a learner meets them: no account needed (the first grade creates a guest), a
 * review session played by keyboard alone, the deck chooser's counts and the statistics.
 */

// Next's dev server (E2E_DEV=1) refuses its HMR socket to the origin 127.0.0.1, and a page that
// cannot connect never hydrates; "localhost" is always allowed (same server in production runs).
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}` });

/** Generous: a dev server on a shared two-core machine compiles each route on first use. */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

const reviewUrl = (deck: string) => `/flashcards/review?deck=${encodeURIComponent(deck)}`;

/** Opens a deck's review screen and waits until its keyboard shortcuts are live (hydrated). */
async function openReview(page: Page, deck: string): Promise<void> {
  await page.goto(reviewUrl(deck));
  await expect(page.locator('[data-testid="review-session"][data-ready="true"]')).toBeVisible();
}

function counts(page: Page) {
  return {
    new: page.getByTestId("count-new"),
    learning: page.getByTestId("count-learning"),
    review: page.getByTestId("count-review"),
  };
}

async function currentCardId(page: Page): Promise<string> {
  const id = await page.getByTestId("flashcard").getAttribute("data-card-id");
  if (!id) throw new Error("no card on screen");
  return id;
}

/** Presses a grade key and waits until another card (or the empty state) is on screen. */
async function gradeByKey(page: Page, key: "1" | "2" | "3" | "4"): Promise<void> {
  const before = await currentCardId(page);
  await page.keyboard.press(key);
  await expect(page.locator(`[data-testid="flashcard"][data-card-id="${before}"][data-flipped="true"]`)).toHaveCount(0);
}

test("a review session by keyboard alone: Space flips, 1–4 grade, U undoes and restores card and counts", async ({ page }) => {
  await openReview(page, "nato:wave-1999");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erweiterung 1999");
  const c = counts(page);
  await expect(c.new).toHaveText("4");
  await expect(c.learning).toHaveText("0");
  await expect(c.review).toHaveText("0");
  await expect(page.getByTestId("card-front")).toHaveText("Welche Staaten traten 1999 der NATO bei?");
  await expect(page.getByTestId("card-back")).toHaveCount(0);
  await expect(page.getByTestId("undo")).toBeDisabled();
  const first = await currentCardId(page);

  // Space shows the back, with every member of the wave and the grade buttons with intervals.
  await page.keyboard.press("Space");
  await expect(page.getByTestId("card-back")).toContainText("Polen");
  await expect(page.getByTestId("card-back")).toContainText("Tschechien");
  await expect(page.getByTestId("card-back")).toContainText("Ungarn");
  await expect(page.getByTestId("card-back")).toContainText("12. März 1999");
  await expect(page.getByRole("button", { name: "Nochmal · 1 Min." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Schwer · 6 Min." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gut · 10 Min." })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Einfach · \d+ T\.$/ })).toBeVisible();

  // 4 = Easy: the card leaves the queue for days.
  await gradeByKey(page, "4");
  await expect(c.new).toHaveText("3");
  await expect(page.getByTestId("reviewed-count")).toHaveText("1 Karte bewertet");
  expect(await currentCardId(page)).not.toBe(first);

  // U takes it back: the same card, on its front, and the counts as before.
  await page.keyboard.press("u");
  await expect(page.getByTestId("review-status")).toHaveText("Letzte Bewertung zurückgenommen.");
  await expect(page.getByTestId("flashcard")).toHaveAttribute("data-card-id", first);
  await expect(page.getByTestId("flashcard")).toHaveAttribute("data-flipped", "false");
  await expect(c.new).toHaveText("4");
  await expect(page.getByTestId("reviewed-count")).toHaveText("Noch keine Karte bewertet");

  // Every grade once: Easy, Good, Hard, Again. Good, Hard and Again keep a card in its
  // learning steps (10, 6, 1 minutes): they come back in the same session.
  for (const key of ["4", "3", "2", "1"] as const) {
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible();
    await gradeByKey(page, key);
  }
  await expect(c.new).toHaveText("0");
  await expect(c.learning).toHaveText("3");
  await expect(page.getByTestId("reviewed-count")).toHaveText("4 Karten bewertet");

  // The learning cards, soonest first; Easy sends each to the review pile.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Space");
    await gradeByKey(page, "4");
  }
  await expect(page.getByTestId("review-empty")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Geschafft!" })).toBeVisible();
  await expect(c.learning).toHaveText("0");
  await expect(page.getByTestId("review-empty")).toContainText("Die nächste Karte ist in");

  // Undo from the empty screen brings the last card back, counted as learning again.
  await page.keyboard.press("U");
  await expect(page.getByTestId("flashcard")).toBeVisible();
  await expect(c.learning).toHaveText("1");
  await expect(page.getByTestId("reviewed-count")).toHaveText("6 Karten bewertet");
});

test("the deck chooser's counts follow the reviews, and the statistics show them", async ({ page }) => {
  await page.goto("/flashcards");
  await expect(page.getByRole("heading", { level: 1, name: "Karteikarten" })).toBeVisible();
  const topic = page.getByTestId("deck-nato");
  const wave = page.getByTestId("deck-nato:wave-2004");
  await expect(topic.getByTestId("due-count")).toHaveText("0 fällig");
  await expect(topic.getByTestId("new-count")).toHaveText("20 neu");
  await expect(wave.getByTestId("new-count")).toHaveText("8 neu");

  await wave.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erweiterung 2004");
  await expect(page.locator('[data-testid="review-session"][data-ready="true"]')).toBeVisible();
  // Again twice: both cards come back in a minute, so both count as due today.
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press("Space");
    await gradeByKey(page, "1");
  }

  await page.getByRole("link", { name: "Alle Stapel" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Karteikarten" })).toBeVisible();
  await expect(wave.getByTestId("due-count")).toHaveText("2 fällig");
  await expect(wave.getByTestId("new-count")).toHaveText("6 neu");
  await expect(topic.getByTestId("due-count")).toHaveText("2 fällig");
  await expect(topic.getByTestId("new-count")).toHaveText("18 neu");

  await page.getByRole("link", { name: /Statistik/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistik der Karteikarten" })).toBeVisible();
  await expect(page.getByTestId("stat-total-reviews")).toHaveText("2");
  await expect(page.getByTestId("stat-studied")).toHaveText("2");
  await expect(page.getByTestId("reviews-summary")).toHaveText("In den letzten 30 Tagen 2 Wiederholungen an 1 Tag, davon 2 mit „Nochmal“.");
  await expect(page.getByTestId("reviews-table").locator("tbody tr").last().locator("td").first()).toHaveText("2");
  await expect(page.getByTestId("forecast-summary")).toContainText("heute 2");
  await expect(page.getByTestId("reviews-chart")).toBeVisible();
});

test("settings: the daily limit for new cards changes the counts, and out-of-range values are refused", async ({ page }) => {
  await page.goto("/flashcards");
  await expect(page.locator('[data-testid="flashcard-settings"][data-ready="true"]')).toBeVisible();
  const retention = page.getByLabel(/Gewünschte Erinnerungsquote/);
  const perDay = page.getByLabel("Neue Karten pro Tag");
  await expect(retention).toHaveValue("90");
  await expect(perDay).toHaveValue("20");

  await retention.fill("99");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Bitte einen Wert zwischen 70 und 97 % eingeben.")).toBeVisible();
  await expect(retention).toHaveAttribute("aria-invalid", "true");

  await retention.fill("85");
  await perDay.fill("3");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText(/^Gespeichert\./)).toBeVisible();
  await expect(page.getByTestId("deck-nato").getByTestId("new-count")).toHaveText("3 neu");
  await page.reload();
  await expect(page.getByLabel(/Gewünschte Erinnerungsquote/)).toHaveValue("85");
  await expect(page.getByLabel("Neue Karten pro Tag")).toHaveValue("3");
});

test("the header links to the flashcards", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Karteikarten" }).click();
  await expect(page).toHaveURL(/\/flashcards$/);
  await expect(page.getByRole("link", { name: "Karteikarten" }).first()).toHaveAttribute("aria-current", "page");
});

test("screenshots: deck chooser, review front and back, statistics on desktop and a 375px phone", async ({ page }) => {
  test.setTimeout(480_000);
  // Some history first, so the chooser, the forecast and the stats have something to show.
  await openReview(page, "nato:founding");
  for (const key of ["3", "4", "1", "4"] as const) {
    await page.keyboard.press("Space");
    await gradeByKey(page, key);
  }
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 375, height: 812 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto("/flashcards");
    await expect(page.getByTestId("deck-nato")).toBeVisible();
    await page.screenshot({ path: `${artifacts}/flashcards-decks-${name}.png`, fullPage: true });
    await expectMainFitsViewport(page);

    await openReview(page, "nato:wave-2004");
    await expect(page.getByTestId("card-front")).toBeVisible();
    await page.screenshot({ path: `${artifacts}/flashcards-review-front-${name}.png` });
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible();
    await page.screenshot({ path: `${artifacts}/flashcards-review-back-${name}.png` });
    await expectMainFitsViewport(page);
    await page.screenshot({ path: `${artifacts}/flashcards-review-back-${name}-full.png`, fullPage: true });

    await openReview(page, "nato:events");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("card-back")).toBeVisible();
    await page.screenshot({ path: `${artifacts}/flashcards-review-event-${name}.png`, fullPage: true });

    await page.goto("/flashcards/stats");
    // The charts draw once the browser has measured them (the first visit compiles them on a dev server).
    await expect(page.getByTestId("reviews-chart").locator(".recharts-wrapper")).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId("forecast-chart").locator(".recharts-wrapper")).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `${artifacts}/flashcards-stats-${name}.png`, fullPage: true });
    await expectMainFitsViewport(page);
  }
});
