// Lighthouse accessibility and best-practices scores of the pages issue 10 names: the home
// page, a quiz question, its feedback, the summary and the dashboard, as a guest on a phone
// (Lighthouse's default mobile emulation; --desktop: its desktop settings, 1350×940), in German
// (--locale en: English).
//
//   node scripts/lighthouse.mjs http://127.0.0.1:3000 [--locale en] [--desktop] [--report report.html]
//
// Serve a production build first (`npm run app`, or `next build` and `next start` on a
// migrated and seeded database). Lighthouse is fetched by npx at run time, pinned to 12.2.3
// (newer versions need Node 22); it is not a dependency of the project. Chromium is
// CHROME_PATH, /usr/bin/chromium by default.
//
// The feedback exists only in the page's state after answering, so it is a Lighthouse
// "snapshot" of the page as it stands; the other four are navigations. A snapshot runs the
// accessibility audits in full and the best-practices audits that apply to a page already
// loaded (not those about the page load, such as console errors, which the question's
// navigation covers). Prints one line per page and exits 1 when a score is below 100.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const lighthouseVersion = "12.2.3";
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const baseURL = args[0] && !args[0].startsWith("--") ? args[0] : "http://127.0.0.1:3000";
const locale = option("--locale") ?? "de";
const reportPath = option("--report");
const isDesktop = args.includes("--desktop");
const desktopSettings = { formFactor: "desktop", screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false } };
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

// npx installs the pinned Lighthouse into its cache; its own puppeteer-core drives the browser.
const cli = execFileSync("npx", ["-y", "-p", `lighthouse@${lighthouseVersion}`, "-c", 'node -e "console.log(require(\\"fs\\").realpathSync(process.argv[1]))" "$(which lighthouse)"'], {
  encoding: "utf8",
}).trim();
const lighthouseRoot = path.resolve(path.dirname(cli), "..");
const requireFromLighthouse = createRequire(path.join(lighthouseRoot, "package.json"));
const { startFlow } = await import(pathToFileURL(path.join(lighthouseRoot, "core/index.js")).href);
const puppeteer = (await import(pathToFileURL(requireFromLighthouse.resolve("puppeteer-core")).href)).default;

const browser = await puppeteer.launch({ executablePath: chromePath, headless: true, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await page.setCookie({ name: "faktum-locale", value: locale, url: baseURL });
const flow = await startFlow(page, {
  flags: { onlyCategories: ["accessibility", "best-practices"], disableStorageReset: true, ...(isDesktop ? desktopSettings : {}) },
});

const url = (pathname) => new URL(pathname, baseURL).href;

/** Starts a five-question quiz of accession years from the home page's form, as a guest would. */
async function startQuiz() {
  await page.waitForSelector('form[data-hydrated] input[name="factSetId"][value="nato"]');
  await page.evaluate(() => {
    const form = [...document.querySelectorAll("form[data-hydrated]")].find((f) => f.querySelector('input[name="factSetId"][value="nato"]'));
    form.querySelector("summary")?.click();
    [...form.querySelectorAll("button")].find((b) => /^(Keine|None)$/.test(b.textContent.trim()))?.click();
  });
  await page.evaluate(() => {
    const form = [...document.querySelectorAll("form[data-hydrated]")].find((f) => f.querySelector('input[name="factSetId"][value="nato"]'));
    form.querySelector('input[name="types"][value="accession-year"]').click();
    form.querySelector('input[name="count"][value="5"]').click();
  });
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(() => {
      const form = [...document.querySelectorAll("form[data-hydrated]")].find((f) => f.querySelector('input[name="factSetId"][value="nato"]'));
      form.querySelector('button[type="submit"]').click();
    }),
  ]);
  if (!/\/quiz\/[^/]+$/.test(new URL(page.url()).pathname)) throw new Error(`the start form did not open a quiz: ${page.url()}`);
  return page.url();
}

/** Picks the first option of the question on screen and answers; resolves when the feedback shows. */
async function answer() {
  await page.waitForSelector("main [data-hydrated][data-phase=answering] [data-quiz-option]");
  await page.evaluate(() => document.querySelector("main [data-quiz-option]").closest("label").click());
  await page.evaluate(() => document.querySelector('main form button[type="submit"]').click());
  await page.waitForSelector('[data-testid="feedback"]');
}

await flow.navigate(url("/"), { name: "Home page" });
const quizUrl = await startQuiz();
await flow.navigate(quizUrl, { name: "Quiz question" });
await answer();
await flow.snapshot({ name: "Feedback" });
for (let guard = 0; guard < 10 && !/\/summary$/.test(new URL(page.url()).pathname); guard++) {
  const isLast = await page.evaluate(() => /Zur Auswertung|See results|summary/i.test(document.querySelector('[data-testid="next"]').textContent));
  await Promise.all([isLast ? page.waitForNavigation() : Promise.resolve(), page.click('[data-testid="next"]')]);
  if (isLast) break;
  await answer();
}
if (!/\/summary$/.test(new URL(page.url()).pathname)) throw new Error(`did not reach the summary: ${page.url()}`);
await flow.navigate(page.url(), { name: "Summary" });
await flow.navigate(url("/dashboard"), { name: "Dashboard" });

const pageLanguage = await page.evaluate(() => document.documentElement.lang);
const result = await flow.createFlowResult();
if (reportPath) writeFileSync(reportPath, await flow.generateReport());
await browser.close();

let isBelow = false;
console.log(`Lighthouse ${lighthouseVersion}, ${baseURL}, pages in "${pageLanguage}", ${isDesktop ? "desktop" : "mobile"}`);
for (const step of result.steps) {
  const { categories, audits, gatherMode } = step.lhr;
  const scores = ["accessibility", "best-practices"].map((id) => Math.round(categories[id].score * 100));
  console.log(`${step.name}\t(${gatherMode})\taccessibility ${scores[0]}\tbest practices ${scores[1]}`);
  for (const id of ["accessibility", "best-practices"]) {
    for (const ref of categories[id].auditRefs) {
      const audit = audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        isBelow = true;
        console.log(`  ✗ ${ref.id}: ${audit.title}`);
        for (const item of audit.details?.items?.slice(0, 5) ?? []) console.log(`      ${JSON.stringify(item).slice(0, 300)}`);
      }
    }
  }
}
process.exit(isBelow ? 1 : 0);
