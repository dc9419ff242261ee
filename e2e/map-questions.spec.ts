import { readFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { expectMainFitsViewport, feedbackOf, mentions, quizIdOf, startQuizFromHome, waitForQuestion } from "./quiz-fixtures";

/** Issue 12: map questions, by mouse, by keyboard only, on a phone, and with nothing given away. */

test.describe.configure({ timeout: process.env.E2E_DEV === "1" ? 240_000 : 120_000 });

interface NatoData {
  countries: { id: string; name: { de: string } }[];
  accessions: { country: string; date: string }[];
}
const nato = JSON.parse(readFileSync("data/nato.json", "utf8")) as NatoData;

/** The countries that joined in the year a prompt names. */
function countriesOfYearIn(prompt: string): string[] {
  const year = /\b(19|20)\d{2}\b/.exec(prompt)?.[0];
  if (!year) throw new Error(`no year in "${prompt}"`);
  return nato.accessions.filter((a) => a.date.startsWith(year)).map((a) => a.country);
}

/** Clicks a point that lies inside the country's shape (or its marker) on screen. */
async function clickCountryOnMap(page: Page, id: string): Promise<void> {
  const shape = page.locator(`[data-testid=quiz-map] [data-country="${id}"]`).last();
  await expect(shape).toBeAttached();
  const point = await shape.evaluate((element) => {
    const geometry = element as SVGGeometryElement;
    const box = geometry.getBBox();
    const matrix = geometry.getScreenCTM();
    const svg = geometry.ownerSVGElement;
    if (!matrix || !svg) return null;
    for (let i = 1; i < 20; i++) {
      for (let j = 1; j < 20; j++) {
        const p = svg.createSVGPoint();
        p.x = box.x + (box.width * i) / 20;
        p.y = box.y + (box.height * j) / 20;
        if (!geometry.isPointInFill(p)) continue;
        const screen = p.matrixTransform(matrix);
        if (document.elementFromPoint(screen.x, screen.y) === element) return { x: screen.x, y: screen.y };
      }
    }
    return null;
  });
  if (!point) throw new Error(`no clickable point in ${id}`);
  await page.mouse.click(point.x, point.y);
}

test("a map question answered by clicking, then one by keyboard only", async ({ page }) => {
  await startQuizFromHome(page, { types: ["map-click-wave"], length: 2 });
  const heading = page.locator("#question-heading");
  await expect(heading).toContainText("Klicke auf");
  const [first] = countriesOfYearIn((await heading.textContent()) ?? "");
  if (!first) throw new Error("no country for the year");
  await clickCountryOnMap(page, first);
  await expect(page.locator(`main input[data-map-option][value="${first}"]`)).toBeChecked();
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(page.getByTestId("verdict")).toHaveText("Richtig!");

  await page.getByTestId("next").click();
  await expect(heading).toContainText("Frage 2 von 2");
  await waitForQuestion(page);
  await expect(heading).toBeFocused();
  const [second] = countriesOfYearIn((await heading.textContent()) ?? "");
  const name = nato.countries.find((c) => c.id === second)?.name.de ?? "";
  // The map takes no focus: Tab goes to the search field of the list.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Land suchen")).toBeFocused();
  await page.keyboard.type(name);
  await expect(page.locator("main input[data-map-option]")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.locator(`main input[data-map-option][value="${second}"]`)).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Richtig!");
});

test("on a 375 px phone the map question does not scroll sideways and a tiny state can be tapped", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await startQuizFromHome(page, { types: ["map-click-wave"], length: 1 });
  await expect(page.getByTestId("quiz-map")).toBeVisible();
  await expectMainFitsViewport(page);
  const marker = page.locator('[data-testid=quiz-map] circle[data-country="LU"]');
  const box = await marker.boundingBox();
  expect(box?.width ?? 0, "Luxembourg's marker is big enough to tap").toBeGreaterThanOrEqual(9);
  await clickCountryOnMap(page, "LU");
  await expect(page.locator('main input[data-map-option][value="LU"]')).toBeChecked();
});

test("the highlighted-country question gives nothing away before answering", async ({ page }) => {
  const quizId = await startQuizFromHome(page, { types: ["map-name-highlighted"], length: 1 });
  expect(quizIdOf(page)).toBe(quizId);
  const path = `/quiz/${quizId}`;
  const html = await (await page.request.get(path)).text();
  const rscResponse = await page.request.get(path, { headers: { RSC: "1" } });
  expect(rscResponse.headers()["content-type"] ?? "").toContain("text/x-component");
  const rsc = await rscResponse.text();

  const highlight = page.getByTestId("map-highlight");
  await expect(highlight).toBeVisible();
  const attributes = await highlight.evaluate((element) => element.getAttributeNames());
  expect(attributes.sort()).toEqual(["d", "data-testid", "fill", "stroke", "stroke-width"]);
  // In this question no shape on the map says which country it is.
  await expect(page.locator("[data-testid=quiz-map] [data-country]")).toHaveCount(0);

  // Answer (any country), then the feedback names the highlighted one.
  await page.locator("main input[data-map-option]").first().check();
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(page)).toBeVisible();
  const explanation = (await page.getByTestId("explanation").textContent())?.trim() ?? "";
  expect(explanation).toMatch(/^Markiert ist /);
  for (const [name, source] of Object.entries({ html, rsc })) {
    expect(mentions(source, explanation), `${name} contains the explanation`).toBe(false);
    expect(source, `${name} marks a country`).not.toMatch(/data-country/);
    expect(source, `${name} contains an answer`).not.toMatch(/(?:"|\\"|&quot;)answer(?:"|\\"|&quot;)\s*:\s*\[/);
    expect(source, `${name} contains fact ids`).not.toMatch(/(?:"|\\"|&quot;)factIds(?:"|\\"|&quot;)/);
  }
});
