import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./auth-fixtures";
import { queryE2eDatabase } from "./e2e-database";
import { type QuestionTypeName, feedbackOf, quizIdOf, startQuizFromHome } from "./quiz-fixtures";

/**
 * The feedback after answering, as a learner on a 375×740 phone sees it: the verdict and the
 * right answer stay in view (with "Weiter" focused) for every kind; each pick is marked right
 * or wrong in words, not by colour alone; a typo is accepted with the right spelling shown;
 * sources are a short quotation plus a disclosure of titled links.
 */

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

const artifacts = "e2e/.artifacts";
mkdirSync(artifacts, { recursive: true });

const nato = JSON.parse(readFileSync("data/nato.json", "utf8")) as { countries: { id: string; name: { de: string } }[] };

interface StoredSpec {
  kind: string;
  answer: unknown;
  options?: { value: string }[];
  left?: { value: string }[];
}
async function specAt(quizId: string, position: number): Promise<StoredSpec> {
  const [row] = await queryE2eDatabase('SELECT "spec" FROM "QuizQuestion" WHERE "quizId" = $1 AND "position" = $2', [quizId, position]);
  return JSON.parse(String(row!.spec)) as StoredSpec;
}

/** Answers wrongly (partly, where the kind allows it). */
async function answerWrongly(page: Page, spec: StoredSpec): Promise<void> {
  const main = page.locator("main");
  const pick = (value: string) => main.locator(`input[data-quiz-option][value="${value}"]`).check({ force: true });
  const right = Array.isArray(spec.answer) ? (spec.answer as string[]) : [String(spec.answer)];
  switch (spec.kind) {
    case "single":
    case "map":
      await pick(spec.options!.find((o) => !right.includes(o.value))!.value);
      break;
    case "multi":
      await pick(right[0]!);
      await pick(spec.options!.find((o) => !right.includes(o.value))!.value);
      break;
    case "order":
      await main.locator('[data-move="down"]').first().tap();
      break;
    case "match": {
      // Rows appear in the spec's left order: give each row the next row's right answer, so every pair is wrong.
      const left = spec.left!;
      const key = spec.answer as unknown as Record<string, string>;
      const selects = main.locator("select");
      for (let i = 0; i < left.length; i++) await selects.nth(i).selectOption(key[left[(i + 1) % left.length]!.value]!);
      break;
    }
    case "text":
      await main.locator("input[type=text], input:not([type])").first().fill("1900");
      break;
  }
  await main.getByRole("button", { name: "Antworten" }).tap();
  await expect(feedbackOf(page)).toBeVisible();
}

async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(740);
}

const kinds: [string, QuestionTypeName][] = [
  ["single", "accession-year"],
  ["multi", "wave-members"],
  ["order", "accession-order"],
  ["match", "match-country-year"],
  ["text", "typed-accession-year"],
  ["map", "map-name-highlighted"],
];

for (const [kind, type] of kinds) {
  test(`after a ${kind} answer the verdict, the right answer and "Weiter" are in view on a phone; every pick is marked in words`, async ({ page }) => {
    const quizId = await startQuizFromHome(page, { types: [type], length: 1 });
    await answerWrongly(page, await specAt(quizId, 0));
    await expect(page.getByTestId("next")).toBeFocused();
    await expectInViewport(page, "verdict");
    await expectInViewport(page, "correct-answer");
    await expectInViewport(page, "next");
    const result = await feedbackOf(page).getAttribute("data-result");
    await expect(page.getByTestId("verdict")).toHaveText(result === "partial" ? /^Teilweise richtig – \d+\s% der Punkte\.$/ : "Leider falsch.");
    if (kind === "multi") {
      await expect(page.locator('main [data-mark="picked"]')).toHaveText("✓ richtig gewählt");
      await expect(page.locator('main [data-mark="wrongPick"]')).toHaveText("✗ falsch gewählt");
    }
    if (kind === "single") {
      await expect(page.locator('main [data-mark="correct"]')).toHaveText("✓ richtige Antwort");
      await expect(page.locator('main [data-mark="wrong"]')).toHaveText("✗ deine Wahl");
      await expect(page.getByTestId("given-answer")).toContainText("Deine Antwort:");
    }
    if (kind === "order") {
      const marks = page.locator("main [data-order-item] [data-mark]");
      await expect(marks).toHaveCount(await page.locator("main [data-order-item]").count());
      await expect(page.locator('main [data-mark="out-of-place"]').first()).toHaveText(/^✗ gehört an Stelle \d$/);
    }
    if (kind === "match") {
      await expect(page.locator('main [data-mark="pair-wrong"]').first()).toHaveText(/^✗ richtig wäre /);
    }
    // Sources: a short quotation first; other references (if any) folded away, as titled links.
    const references = page.getByTestId("source-references");
    if ((await references.count()) > 0) {
      await expect(references).not.toHaveAttribute("open");
      await expect(references.locator("summary")).toHaveText(/^(Weitere )?Quellen? \(\d+\)$/);
      for (const link of await references.locator("a").all()) expect(await link.textContent()).not.toMatch(/^https?:/);
    }
    expect(await feedbackOf(page).textContent()).not.toContain("Quelltext");
    // What the phone shows right after answering (for docs/).
    await page.screenshot({ path: `${artifacts}/feedback-${kind}-375.png` });
  });
}

test("a typo is accepted, with the right spelling shown", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["typed-country"], length: 1 });
  const spec = await specAt(quizId, 0);
  const name = nato.countries.find((c) => c.id === (spec.answer as { value: string }).value)!.name.de;
  // One swapped pair of letters in the middle: a typo the grading tolerates in names of 5 letters and more.
  const at = Math.floor(name.length / 2);
  const typo = name.length >= 5 ? name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1) : name;
  await page.getByLabel("Deine Antwort").fill(typo);
  await page.getByRole("button", { name: "Antworten" }).tap();
  if (typo === name || typo.toLowerCase() === name.toLowerCase()) {
    await expect(page.getByTestId("verdict")).toHaveText("Richtig!");
  } else {
    await expect(page.getByTestId("verdict")).toHaveText(`Richtig – geschrieben: ${name}`);
  }
  expect(quizIdOf(page)).toBe(quizId);
});

test("the dashboard tells a guest that progress lives only in this browser, with a way to sign up", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByTestId("guest-note")).toContainText("Dein Fortschritt liegt nur in diesem Browser.");
  await expect(page.getByTestId("guest-note").getByRole("link", { name: "Konto anlegen" })).toHaveAttribute("href", "/sign-up?next=/dashboard");
});
