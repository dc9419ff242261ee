import { readFileSync } from "node:fs";
import { type Page, expect, test } from "@playwright/test";
import { expectMainFitsViewport, feedbackOf, waitForQuestion } from "./quiz-fixtures";

/** Issue 12: the enlargement map page — timeline, phone layout, every member tappable, practice, mastery. */

test.describe.configure({ timeout: process.env.E2E_DEV === "1" ? 240_000 : 120_000 });

interface NatoData {
  countries: { id: string; name: { de: string; en: string } }[];
  accessions: { id: string; country: string; date: string }[];
}
const nato = JSON.parse(readFileSync("data/nato.json", "utf8")) as NatoData;
const mapPath = "/topics/nato/map";

async function openMap(page: Page): Promise<void> {
  await page.goto(mapPath);
  await expect(page.getByTestId("enlargement-map")).toBeVisible();
  // Hydrated: the slider's aria-valuetext is rendered by React on the server too, so wait for a click to work.
  await expect(page.getByTestId("timeline-slider")).toBeEnabled();
}

/** A point inside the country's marker (if it has one) or shape where a tap reaches it and nothing above it. */
async function tapPointOf(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  const shape = page.locator(`[data-testid=enlargement-map] [data-country="${id}"]`).last();
  await expect(shape).toBeAttached();
  // A learner scrolls the map into view first; elementFromPoint only sees what is on screen.
  await page.getByTestId("enlargement-map").scrollIntoViewIfNeeded();
  return shape.evaluate((element) => {
    const geometry = element as SVGGeometryElement;
    const box = geometry.getBBox();
    const matrix = geometry.getScreenCTM();
    const svg = geometry.ownerSVGElement;
    if (!matrix || !svg) return null;
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const p = svg.createSVGPoint();
        p.x = box.x + (box.width * i) / 24;
        p.y = box.y + (box.height * j) / 24;
        if (!geometry.isPointInFill(p)) continue;
        const screen = p.matrixTransform(matrix);
        // A finger needs a patch, not a pixel: the point and its neighbours 3 px away must all hit.
        const patch = [[0, 0], [-3, 0], [3, 0], [0, -3], [0, 3]];
        if (patch.every(([dx, dy]) => document.elementFromPoint(Math.round(screen.x) + dx!, Math.round(screen.y) + dy!) === element)) {
          return { x: Math.round(screen.x), y: Math.round(screen.y) };
        }
      }
    }
    return null;
  });
}

test("the timeline plays, pauses and can be stepped by keyboard", async ({ page }) => {
  await openMap(page);
  const slider = page.getByTestId("timeline-slider");
  const status = page.getByTestId("timeline-status");
  // It opens on today, with every member.
  await expect(status).toContainText(`${nato.accessions.length} Mitglieder`);
  await expect(page.locator("[data-testid=enlargement-map] path[data-country]")).toHaveCount(32);

  await slider.focus();
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuetext", "4. April 1949: 12 Mitglieder");
  await expect(status).toHaveText("Stand 4. April 1949: 12 Mitglieder");
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "30. April 1949: 12 Mitglieder");
  // Greece and Turkey joined on 18 February 1952: 34 months after April 1949 the count is 14.
  for (let i = 0; i < 34; i++) await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "29. Februar 1952: 14 Mitglieder");
  await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveAttribute("aria-valuetext", "31. Januar 1952: 12 Mitglieder");
  // Not yet a member: Greece is drawn in the "not yet" fill, Belgium in its round's colour.
  const fillOf = (id: string) => page.locator(`[data-testid=enlargement-map] path[data-country="${id}"]`).getAttribute("fill");
  expect(await fillOf("GR")).toBe("#f8fafc");
  expect(await fillOf("BE")).not.toBe("#f8fafc");

  // "Next round" jumps to the next accession month.
  await page.getByRole("button", { name: "Nächste Runde" }).click();
  await expect(status).toHaveText("Stand 29. Februar 1952: 14 Mitglieder");
  expect(await fillOf("GR")).not.toBe("#f8fafc");

  // Play from the start: the count grows, and pausing stops it.
  await slider.focus();
  await page.keyboard.press("Home");
  const play = page.getByTestId("timeline-play");
  await play.click();
  await expect(play).toHaveAccessibleName(/Anhalten/);
  await expect.poll(async () => Number(await slider.inputValue()), { timeout: 5_000 }).toBeGreaterThan(30);
  await play.click();
  await expect(play).toHaveAccessibleName(/Abspielen/);
  const paused = await slider.inputValue();
  await page.waitForTimeout(400);
  expect(await slider.inputValue()).toBe(paused);
  // Played to the end it stops by itself, on today with every member.
  await play.click();
  await expect(status).toContainText("32 Mitglieder", { timeout: 20_000 });
  await expect(play).toHaveAccessibleName(/Abspielen/);
  expect(Number(await slider.inputValue())).toBe(Number(await slider.getAttribute("max")));
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test("nothing scrolls sideways and every one of the 32 members can be tapped", async ({ page }) => {
    await openMap(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    await expectMainFitsViewport(page);

    const detail = page.getByTestId("map-detail-country");
    const members = [...new Set(nato.accessions.map((a) => a.country))];
    expect(members).toHaveLength(32);
    for (const id of members) {
      const point = await tapPointOf(page, id);
      expect(point, `${id} has a tappable point`).not.toBeNull();
      await page.touchscreen.tap(point!.x, point!.y);
      await expect(detail, id).toHaveAttribute("data-country", id);
    }
    // Luxembourg, by its marker, shows its facts.
    const lu = await tapPointOf(page, "LU");
    await page.touchscreen.tap(lu!.x, lu!.y);
    await expect(detail).toContainText("Luxemburg");
    await expect(page.getByTestId("detail-date")).toHaveText("4. April 1949");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});

test("a country picked from the table by keyboard shows its facts; practising it starts a quiz whose feedback locates it", async ({ page }) => {
  await openMap(page);
  const button = page.getByRole("button", { name: "Spanien auswählen" });
  await button.focus();
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("map-detail-country");
  await expect(detail).toHaveAttribute("data-country", "ES");
  await expect(detail).toContainText("30. Mai 1982");
  await expect(detail).toContainText("Erweiterung 1982 (3. Runde)");
  await expect(detail).toContainText("als 16. Mitglied");
  await expect(detail).toContainText("Quelle");
  await expect(button).toHaveAttribute("aria-pressed", "true");

  // A visitor with no session sees no mastery colouring.
  await expect(page.getByTestId("colouring-mastery")).toHaveCount(0);

  await page.getByTestId("practise-country").click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  await waitForQuestion(page);
  // Before answering, there is no locator map (it is part of the reveal).
  await expect(page.getByTestId("locator-map")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("beigetreten 1982");
  const firstOption = page.locator("main [data-quiz-option]").first();
  if (await firstOption.count()) await firstOption.check({ force: true });
  else await page.locator("main input[type=text]").fill("1982");
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(page)).toBeVisible();
  const locator = page.getByTestId("locator-map");
  await expect(locator).toBeVisible();
  await expect(locator).toContainText("Spanien: beigetreten 1982");
  await expect(locator.getByRole("img", { name: /Spanien/ })).toBeVisible();
});

test("'what I know' colours the map by the learner's mastery", async ({ page }) => {
  // Practise Iceland from the map (a guest session is made), answer every question right or wrong.
  await openMap(page);
  await page.getByRole("button", { name: "Island auswählen" }).click();
  await page.getByTestId("practise-country").click();
  await page.waitForURL(/\/quiz\/[^/]+$/);
  await waitForQuestion(page);
  const firstOption = page.locator("main [data-quiz-option]").first();
  if (await firstOption.count()) await firstOption.check({ force: true });
  else await page.locator("main input[type=text]").fill("1949");
  await page.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(page)).toBeVisible();

  await openMap(page);
  await page.getByTestId("colouring-mastery").check();
  await expect(page.getByTestId("map-legend")).toContainText("Was du weißt");
  await expect(page.getByTestId("map-legend")).toContainText("Gewusst (ab 80 %)");
  const row = (id: string) => page.locator(`[data-testid=map-table] tr[data-row="${id}"]`);
  await expect(row("IS")).toContainText("%");
  await expect(row("PL")).toContainText("Noch nicht geübt");
  const fill = (id: string) => page.locator(`[data-testid=enlargement-map] path[data-country="${id}"]`).getAttribute("fill");
  expect(await fill("PL")).toBe("#cbd5e1");
  expect(["#e11d48", "#f59e0b", "#059669"]).toContain(await fill("IS"));
});

test("the topic card and the dashboard link to the map", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Erweiterungskarte" }).click();
  await page.waitForURL(/\/topics\/nato\/map$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Die Erweiterung der NATO auf der Karte");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Erweiterungskarte ansehen" }).click();
  await page.waitForURL(/\/topics\/nato\/map$/);
  // A topic without a map has no map page.
  expect((await page.request.get("/topics/no-such-topic/map")).status()).toBe(404);
});
