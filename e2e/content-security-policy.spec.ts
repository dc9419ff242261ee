import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signUp, test } from "./auth-fixtures";
import { createClassWithAssignments } from "./e2e-database";
import { feedbackOf, startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 9: the app passes its own Content Security Policy. Every page of app/ (found on disk,
 * so a new page is covered the day it is added) is opened in Chromium, as the person who can
 * see it, and must: carry the policy with a fresh nonce and the other security headers, give
 * that nonce to every inline script, hydrate (its scripts ran under the policy), and raise no
 * `securitypolicyviolation` and no CSP console error, also after the interaction of a quiz.
 */

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** Every page route of app/: "/quiz/[quizId]/summary". */
function pageTemplates(directory = path.join(process.cwd(), "app")): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return pageTemplates(file);
    if (name !== "page.tsx") return [];
    const segments = path.relative(path.join(process.cwd(), "app"), directory).split(path.sep).filter((s) => s && !s.startsWith("("));
    return ["/" + segments.join("/")];
  });
}

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${location.pathname}`);
    });
  });
  return violations;
}

const nonces = new Set<string>();

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), url).toBeLessThan(400);
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `${url}: ${policy}`).toBeTruthy();
  expect(nonces.has(nonce!), `${url}: the nonce is new for every reply`).toBe(false);
  nonces.add(nonce!);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-inline' 'self' 'nonce");
  expect(policy).toMatch(/script-src [^;]*'nonce-/);
  expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Every inline script of the served HTML carries this reply's nonce.
  const html = await response!.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
  expect(inlineScripts.length, url).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes, `${url}: an inline script without the nonce`).toContain(`nonce="${nonce}"`);
  // The app's scripts ran: Next's client runtime announces itself once it has booted.
  // (Polled with evaluate: waitForFunction compiles its predicate with eval, which the policy blocks.)
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), { timeout: 15_000 }).toBe(true);
}

test("every page carries the security headers, runs under its CSP and raises no violation", async ({ browser, baseURL }) => {
  const learnerContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.81" } });
  const teacherContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.82" } });
  const learnerPage = await learnerContext.newPage();
  const teacherPage = await teacherContext.newPage();
  const learnerViolations = await watchViolations(learnerPage);
  const teacherViolations = await watchViolations(teacherPage);

  // Signed out first: the sign-in and sign-up pages (and the home page).
  for (const url of ["/", "/sign-in", "/sign-up"]) await visit(learnerPage, url);
  const learner = await signUp(learnerPage, { role: "learner" });
  const teacher = await signUp(teacherPage, { role: "teacher" });
  const { classId, code, assignmentIds } = await createClassWithAssignments("CSP", teacher.email, learner.email, ["immediate"]);
  const assignmentId = assignmentIds.immediate!;

  // A quiz played through: question, feedback, summary — the pages with the most script.
  const quizId = await startQuizFromHome(learnerPage, { types: ["accession-year"], length: 1 });
  await learnerPage.locator("main label").filter({ has: learnerPage.locator("[data-quiz-option]") }).first().click();
  await learnerPage.getByRole("button", { name: "Antworten" }).click();
  await expect(feedbackOf(learnerPage)).toBeVisible();
  await learnerPage.getByTestId("next").click();
  await learnerPage.waitForURL(/\/summary$/);

  const ids: Record<string, string> = { quizId, classId, assignmentId, code, factSetId: "nato" };
  const asTeacher = /^\/classes\/\[classId\]/;
  const visited = new Set<string>(["/", "/sign-in", "/sign-up"]);
  for (const template of pageTemplates()) {
    if (visited.has(template)) continue;
    const url = template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(ids[name]!));
    await visit(asTeacher.test(template) ? teacherPage : learnerPage, url);
    visited.add(template);
  }
  expect([...visited].sort()).toEqual(pageTemplates().sort());
  expect(learnerViolations).toEqual([]);
  expect(teacherViolations).toEqual([]);
  await Promise.all([learnerContext.close(), teacherContext.close()]);
});
