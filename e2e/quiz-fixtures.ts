import { type APIRequestContext, type Locator, type Page, expect } from "@playwright/test";
import type { QuestionType } from "../lib/questions/types";

/** Helpers for the quiz specs: they act through the UI as a learner would. */

/** A question type as the start form offers it (the generator's own list). */
export type QuestionTypeName = QuestionType;

/**
 * Starts a quiz from the home page's form: only the given question types, the given length
 * (5/10/20 or any other number via "Eigene"). Returns the quiz id from the URL it lands on.
 */
export async function startQuizFromHome(page: Page, { types, length }: { types: QuestionTypeName[]; length: number }): Promise<string> {
  await page.goto("/");
  const form = page.locator("form[data-hydrated]").filter({ has: page.locator('input[name="factSetId"][value="nato"]') });
  await expect(form).toBeVisible();
  await form.locator("summary").click();
  await form.getByRole("button", { name: /^(Keine|None)$/ }).click();
  for (const type of types) await form.locator(`input[name="types"][value="${type}"]`).check();
  if ([5, 10, 20].includes(length)) {
    await form.locator(`input[name="count"][value="${length}"]`).check({ force: true });
  } else {
    await form.locator('input[name="count"][value="custom"]').check({ force: true });
    await form.locator('input[name="customCount"]').fill(String(length));
  }
  await form.getByRole("button", { name: /^(Quiz starten|Start quiz)/ }).click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  await waitForQuestion(page);
  return quizIdOf(page);
}

/** Waits until the question on screen is interactive (hydrated), with its heading focused. */
export async function waitForQuestion(page: Page): Promise<void> {
  // Hydration can take a while on a busy 2-core machine.
  await expect(page.locator("main [data-hydrated][data-phase=answering]")).toBeVisible({ timeout: 30_000 });
}

export function quizIdOf(page: Page): string {
  const match = /\/quiz\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a quiz page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

export function progressOf(page: Page): Locator {
  return page.getByTestId("quiz-progress");
}

export function feedbackOf(page: Page): Locator {
  return page.getByTestId("feedback");
}

/** Whether the verdict on screen says the answer was right. */
export async function isAnsweredCorrectly(page: Page): Promise<boolean> {
  await expect(feedbackOf(page)).toBeVisible();
  return (await feedbackOf(page).getAttribute("data-result")) === "correct";
}

/** The kind of the question on screen, read from its controls. */
export async function questionKindOf(page: Page): Promise<"single" | "multi" | "order" | "match" | "text"> {
  const main = page.locator("main");
  await expect(main.locator("#question-heading")).toBeVisible();
  if ((await main.locator('input[type="radio"][data-quiz-option]').count()) > 0) return "single";
  if ((await main.locator('input[type="checkbox"][data-quiz-option]').count()) > 0) return "multi";
  if ((await main.locator("[data-order-item]").count()) > 0) return "order";
  if ((await main.locator("select").count()) > 0) return "match";
  return "text";
}

/** The option values offered by the single- or multiple-choice question on screen. */
export async function optionValuesOf(page: Page): Promise<string[]> {
  return page.locator("main [data-quiz-option]").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** POSTs an answer as the browser's learner (the page's cookies) — for checks a person cannot make with the UI. */
export async function postAnswer(request: APIRequestContext, quizId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await request.post(`/api/quizzes/${encodeURIComponent(quizId)}/answers`, {
    headers: { "content-type": "application/json", ...headers },
    data: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: response.status(), json, text };
}

/** Whether `text` contains `needle` as written, HTML-escaped, or JSON-escaped (an RSC payload). */
export function mentions(text: string, needle: string): boolean {
  const htmlEscaped = needle.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  const jsonEscaped = JSON.stringify(needle).slice(1, -1);
  const doubleJsonEscaped = JSON.stringify(jsonEscaped).slice(1, -1);
  return [needle, htmlEscaped, jsonEscaped, doubleJsonEscaped].some((form) => text.includes(form));
}

/**
 * Fails the test if anything in the page's main content reaches past the viewport's right
 * edge (which would make a phone scroll sideways), listing the offending elements, or if
 * something hidden (a chart's data table) widens it. Visually hidden elements are fine.
 */
export async function expectMainFitsViewport(page: Page): Promise<void> {
  const { overflowing, scrollWidth, clientWidth } = await page.locator("main").evaluate((main) => {
    const width = document.documentElement.clientWidth;
    const elements = [main, ...main.querySelectorAll("*")]
      .filter((element) => {
        if (element.closest(".sr-only")) return false;
        const style = getComputedStyle(element);
        if (style.position === "absolute" && (element as HTMLElement).offsetWidth <= 1) return false; // sr-only
        return element.getBoundingClientRect().right > width + 0.5;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).slice(0, 60)}`);
    return { overflowing: elements, scrollWidth: main.scrollWidth, clientWidth: main.clientWidth };
  });
  expect(overflowing, "elements wider than the viewport").toEqual([]);
  expect(scrollWidth, "main content scrolls sideways").toBeLessThanOrEqual(clientWidth);
}
