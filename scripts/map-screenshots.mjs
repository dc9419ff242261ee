#!/usr/bin/env node
// Screenshots of the enlargement map page for the README: desktop (1280×800) and phone
// (375×740), German and English, with Poland selected. Needs a running app:
//   node scripts/map-screenshots.mjs http://127.0.0.1:3100
import { existsSync } from "node:fs";
import { chromium } from "playwright";

const baseUrl = process.argv[2] ?? "http://127.0.0.1:3100";
const systemChromium = "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath: existsSync(systemChromium) ? systemChromium : undefined, args: ["--no-sandbox", "--disable-gpu"] });
const shots = [
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: "phone", viewport: { width: 375, height: 740 }, isMobile: true },
];
for (const locale of ["de", "en"]) {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport, isMobile: shot.isMobile, hasTouch: shot.isMobile, deviceScaleFactor: 1 });
    await context.addCookies([{ name: "faktum-locale", value: locale, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/topics/nato/map`);
    await page.getByTestId("enlargement-map").waitFor();
    await page.getByRole("button", { name: locale === "de" ? "Polen auswählen" : "Select Poland" }).click();
    await page.getByTestId("map-detail-country").waitFor();
    // The desktop shot starts at the timeline's controls, the map below them; the phone shot at the timeline's status, with the map below it.
    if (shot.isMobile) await page.getByTestId("timeline-status").evaluate((element) => element.scrollIntoView({ block: "start" }));
    else await page.getByTestId("timeline-play").evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 32));
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const file = `docs/screenshots/map-${shot.name}-${locale}.png`;
    await page.screenshot({ path: file, fullPage: shot.name === "desktop" ? false : false });
    console.log(JSON.stringify({ file, scrollWidth, viewport: shot.viewport.width }));
    await context.close();
  }
}
await browser.close();
