import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { feedbackOf, startQuizFromHome } from "./quiz-fixtures";

/** Issue 12: typed years, played as a learner would (German, the default locale). */

test.describe.configure({ timeout: process.env.E2E_DEV === "1" ? 240_000 : 120_000 });

interface NatoData {
  countries: { id: string; name: { de: string } }[];
  accessions: { country: string; date: string; nameAtAccession?: { de: string } }[];
}
const nato = JSON.parse(readFileSync("data/nato.json", "utf8")) as NatoData;

/** The accession year of the country a German prompt names (the longest name that fits). */
function yearAskedIn(prompt: string): string {
  const candidates = nato.accessions.flatMap((a) => {
    const names = [a.nameAtAccession?.de, nato.countries.find((c) => c.id === a.country)?.name.de].filter((n): n is string => Boolean(n));
    return names.filter((name) => prompt.includes(name)).map((name) => ({ name, year: a.date.slice(0, 4) }));
  });
  candidates.sort((a, b) => b.name.length - a.name.length);
  const best = candidates[0];
  if (!best) throw new Error(`no country in prompt "${prompt}"`);
  return best.year;
}

test("a typed year: a non-year is refused with a message, the year with spaces is right, another year is wrong", async ({ page }) => {
  await startQuizFromHome(page, { types: ["typed-accession-year"], length: 2 });
  const heading = page.locator("#question-heading");
  await expect(heading).toHaveText(/In welchem Jahr (trat|traten) .+ der NATO bei\?$/);
  const field = page.getByLabel("Jahr", { exact: true });
  await expect(field).toHaveAttribute("inputmode", "numeric");

  await field.fill("neunzehnhundert");
  await page.keyboard.press("Enter");
  await expect(page.locator("main [role=alert]")).toHaveText("Bitte gib eine Jahreszahl mit vier Ziffern ein, z. B. 1990.");
  await expect(feedbackOf(page)).toHaveCount(0);

  const year = yearAskedIn((await heading.textContent()) ?? "");
  await field.fill(`  ${year} `);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Richtig!");
  await expect(page.getByTestId("correct-answer")).toHaveText(year);

  await page.getByTestId("next").click();
  await expect(heading).toHaveText(/Frage 2 von 2: In welchem Jahr/);
  await expect(page.locator("main [data-hydrated][data-phase=answering]")).toBeVisible();
  const secondYear = yearAskedIn((await heading.textContent()) ?? "");
  await field.fill(String(Number(secondYear) + 1));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("verdict")).toHaveText("Leider falsch.");
  await expect(page.getByTestId("correct-answer")).toHaveText(secondYear);
});
