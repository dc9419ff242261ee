import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { defaultPassword, expect, test, uniqueEmail, waitForForm } from "./auth-fixtures";
import { queryE2eDatabase } from "./e2e-database";
import { feedbackOf, quizIdOf, startQuizFromHome, type QuestionTypeName, waitForQuestion } from "./quiz-fixtures";

/**
 * Zero axe violations (WCAG 2.2 AA rule tags) on every page and state a learner or teacher
 * reaches, in both languages, at desktop (1280×800) and phone (375×740) size.
 *
 * Each state is reached once per language and audited at both sizes in place (the viewport
 * is resized, the page is not played twice), so the whole spec stays within a few minutes.
 */

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 375, height: 740 },
] as const;
const locales = ["de", "en"] as const;
type Locale = (typeof locales)[number];

/**
 * Violations found so far in this language. They are collected rather than failing where they
 * are found, so one run lists every one of them, and checked in the last test of the language
 * (a failed check would skip the rest of a serial group).
 */
let findings: { state: string; violations: unknown[] }[] = [];

/** Audits the page as it is now at both sizes; every violation fails softly, named by state, size, rule and elements. */
async function audit(page: Page, state: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Let a layout that depends on the width (the header menu, chart sizes) settle.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 6).map((node) => `${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1, 2).join(" ") ?? ""}`),
    }));
    if (violations.length > 0) findings.push({ state: `${state} (${size.name})`, violations });
  }
  await page.setViewportSize({ width: sizes[0].width, height: sizes[0].height });
}

let counter = 0;
async function newPerson(browser: Browser, baseURL: string, locale: Locale): Promise<{ context: BrowserContext; page: Page }> {
  counter++;
  const context = await browser.newContext({
    baseURL,
    viewport: { width: sizes[0].width, height: sizes[0].height },
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${(counter % 250) + 1}` },
  });
  await context.addCookies([{ name: "faktum-locale", value: locale, url: baseURL }]);
  return { context, page: await context.newPage() };
}

async function submitAndWait(page: Page, pathPrefix: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith(pathPrefix)),
    page.locator("main form[data-hydrated] button[type=submit]").last().click(),
  ]);
}

/** Signs up through the form in whatever language the page is in; the role by the radio's value. */
async function signUpAs(page: Page, role: "learner" | "teacher", name: string): Promise<string> {
  const email = uniqueEmail(role);
  await page.goto("/sign-up");
  await waitForForm(page);
  await page.locator(`main input[name="role"][value="${role}"]`).check({ force: true });
  await page.locator('main input[name="displayName"]').fill(name);
  await page.locator('main input[name="email"]').fill(email);
  await page.locator('main input[name="password"]').fill(defaultPassword);
  await submitAndWait(page, "/sign-up");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  return email;
}

interface StoredSpec {
  kind: string;
  answer: unknown;
  options?: { value: string }[];
  left?: { value: string }[];
}
async function specAt(quizId: string, position: number): Promise<StoredSpec> {
  const [row] = await queryE2eDatabase('SELECT "spec" FROM "QuizQuestion" WHERE "quizId" = $1 AND "position" = $2', [quizId, position]);
  if (!row) throw new Error(`no question ${position} in quiz ${quizId}`);
  return JSON.parse(String(row.spec)) as StoredSpec;
}

/** Gives the answer on screen: right, or deliberately wrong (partly right where the kind allows it). */
async function answer(page: Page, spec: StoredSpec, isRight: boolean): Promise<void> {
  const main = page.locator("main");
  const pick = (value: string) => main.locator(`input[data-quiz-option][value="${value}"]`).check({ force: true });
  switch (spec.kind) {
    case "single": {
      const value = isRight ? String(spec.answer) : spec.options!.find((o) => o.value !== spec.answer)!.value;
      await pick(value);
      break;
    }
    case "map": {
      const right = spec.answer as string[];
      await pick(isRight ? right[0]! : spec.options!.find((o) => !right.includes(o.value))!.value);
      break;
    }
    case "multi": {
      const right = spec.answer as string[];
      // Wrong: one right pick and one wrong one, so the feedback marks both kinds.
      const values = isRight ? right : [right[0]!, spec.options!.find((o) => !right.includes(o.value))!.value];
      for (const value of values) await pick(value);
      break;
    }
    case "order":
      if (!isRight) await main.locator('[data-move="down"]').first().click();
      else {
        // Bubble the shown items into the right order with the move buttons.
        const right = spec.answer as string[];
        for (let target = 0; target < right.length; target++) {
          for (;;) {
            const labels = await main.locator("[data-order-item]").evaluateAll((items) => items.map((item) => item.getAttribute("data-value")));
            const at = labels.indexOf(right[target]!);
            if (at <= target) break;
            await main.locator("[data-order-item]").nth(at).locator('[data-move="up"]').click();
          }
        }
      }
      break;
    case "match": {
      const pairs = spec.answer as Record<string, string>;
      const selects = main.locator("select");
      const count = await selects.count();
      const rights = spec.left!.map((l) => pairs[l.value]!);
      for (let i = 0; i < count; i++) await selects.nth(i).selectOption(isRight ? rights[i]! : rights[(i + 1) % count]!);
      break;
    }
    case "text": {
      const value = (spec.answer as { value: string }).value;
      await main.locator("input[type=text], input:not([type])").first().fill(isRight ? value : "1900");
      break;
    }
  }
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && /\/api\/quizzes\/[^/]+\/answers$/.test(new URL(r.url()).pathname)),
    main.locator("form button[type=submit]").last().click(),
  ]);
  await expect(feedbackOf(page)).toBeVisible();
}

const kinds: { kind: string; types: QuestionTypeName[] }[] = [
  { kind: "single", types: ["accession-year"] },
  { kind: "multi", types: ["wave-members"] },
  { kind: "order", types: ["accession-order"] },
  { kind: "match", types: ["match-country-year"] },
  { kind: "text", types: ["typed-accession-year"] },
  { kind: "map", types: ["map-name-highlighted"] },
];

for (const locale of locales) {
  test.describe(`axe, ${locale}`, () => {
    // One language's states build on each other (a signed-in learner, a class); the other language runs on its own.
    test.describe.configure({ mode: "serial" });
    let learner: { context: BrowserContext; page: Page };
    let teacher: { context: BrowserContext; page: Page };
    let classId = "";
    let joinCode = "";
    let assignmentId = "";
    let quizId = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      findings = [];
      learner = await newPerson(browser, baseURL!, locale);
      teacher = await newPerson(browser, baseURL!, locale);
    });
    test.afterAll(async () => {
      await learner?.context.close();
      await teacher?.context.close();
    });

    test(`anonymous pages and form errors (${locale})`, async () => {
      test.setTimeout(240_000);
      const { page } = learner;
      for (const path of ["/", "/dashboard", "/history", "/flashcards", "/flashcards/stats", "/classes", "/topics/import", "/sign-in", "/sign-up", "/nowhere-here"]) {
        await page.goto(path);
        await audit(page, `${path} (anonymous)`);
      }
      await page.goto("/flashcards");
      await page.locator('main a[href^="/flashcards/review"]').first().click();
      await page.waitForURL(/\/flashcards\/review/);
      await page.waitForLoadState("networkidle");
      await audit(page, "flashcard review");

      // Errors: a wrong password, a duplicate sign-up.
      await page.goto("/sign-in");
      await waitForForm(page);
      await page.locator('main input[name="email"]').fill(uniqueEmail("nobody"));
      await page.locator('main input[name="password"]').fill("falsches Passwort 1");
      await submitAndWait(page, "/sign-in");
      await expect(page.locator("main [aria-live], main [role=alert]").filter({ hasText: /\S/ }).first()).toBeVisible();
      await audit(page, "sign-in with a wrong password");

      const email = await signUpAs(teacher.page, "teacher", "Tilda Test");
      await page.goto("/sign-up");
      await waitForForm(page);
      await page.locator('main input[name="email"]').fill(email);
      // Another password: with the account's own, signing up again signs in.
      await page.locator('main input[name="password"]').fill("ein anderes Passwort 456");
      await submitAndWait(page, "/sign-up");
      await expect(page.locator("main [aria-live], main [role=alert]").filter({ hasText: /\S/ }).first()).toBeVisible();
      await audit(page, "sign-up with a taken address");
    });

    for (const { kind, types } of kinds) {
      test(`quiz: ${kind} question, right and wrong feedback (${locale})`, async () => {
        const { page } = learner;
        if (kind === "single") await signUpAs(page, "learner", "Lena Lernwerk");
        quizId = await startQuizFromHome(page, { types, length: 2 });
        await audit(page, `${kind} question`);
        await answer(page, await specAt(quizId, 0), true);
        await audit(page, `${kind} feedback, right`);
        await page.getByTestId("next").click();
        await waitForQuestion(page);
        await answer(page, await specAt(quizId, 1), false);
        await audit(page, `${kind} feedback, ${await feedbackOf(page).getAttribute("data-result")}`);
        if (kind === "order") {
          await page.getByTestId("next").click();
          await page.waitForURL(/\/summary$/);
          await audit(page, "summary");
        }
      });
    }

    test(`signed-in learner pages (${locale})`, async () => {
      test.setTimeout(180_000);
      const { page } = learner;
      // "/classes" last: the bad join code below is entered on it.
      for (const path of ["/", "/dashboard", "/history", `/history/${quizId}`, "/flashcards", "/flashcards/stats", "/account", "/topics/import", "/classes"]) {
        await page.goto(path);
        await audit(page, `${path} (learner)`);
      }
      // A bad join code.
      await waitForForm(page);
      await page.locator('main input[name="code"]').fill("AAAA-AAAA");
      await submitAndWait(page, "/classes");
      // The code field says what is wrong (once, beside the field) and takes the focus.
      await expect(page.locator('main input[name="code"][aria-invalid="true"]')).toBeFocused();
      await audit(page, "classes with a bad join code");
    });

    test(`teacher pages and assignments (${locale})`, async () => {
      test.setTimeout(180_000);
      const { page } = teacher;
      await page.goto("/classes");
      await audit(page, "classes (teacher, none yet)");
      await waitForForm(page);
      await page.locator('main input[name="name"]').fill("Klasse 9b");
      await submitAndWait(page, "/classes");
      await page.waitForURL(/\/classes\/[^/]+$/);
      classId = page.url().split("/").pop()!;
      joinCode = (await page.getByTestId("join-code").inputValue()).replace("-", "");
      await audit(page, "class page (teacher, empty)");

      const details = page.locator("details").filter({ has: page.getByTestId("assignment-form") });
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator("summary").click();
      const form = page.getByTestId("assignment-form");
      await expect(form).toHaveAttribute("data-hydrated", "true");
      await audit(page, "class page with the assignment form open");
      await form.locator('input[name="title"]').fill("Beitritte");
      await form.locator('input[name="questionCount"]').fill("4");
      await form.getByTestId("create-assignment").click();
      await page.waitForURL(/\/classes\/[^/]+\/assignments\/[^/]+$/);
      assignmentId = page.url().split("/").pop()!;
      await audit(page, "assignment page (teacher, no attempts)");

      // The learner joins and takes the assignment.
      const l = learner.page;
      await l.goto(`/join/${joinCode}`);
      await audit(l, "join link page");
      await waitForForm(l);
      await l.getByTestId("join-submit").click();
      await l.waitForURL(`**/classes/${classId}`);
      await audit(l, "class page (learner)");
      await l.goto("/assignments");
      await audit(l, "assignments (learner)");
      await l.goto(`/assignments/${assignmentId}`);
      await audit(l, "assignment page (learner)");
      await l.goto("/assignments");
      await l.getByTestId("start-assignment").first().click();
      await l.waitForURL(/\/quiz\/[^/]+$/);
      await waitForQuestion(l);
      const attempt = quizIdOf(l);
      for (let position = 0; position < 4; position++) {
        await answer(l, await specAt(attempt, position), position % 2 === 0);
        await l.getByTestId("next").click();
        if (position < 3) await waitForQuestion(l);
      }
      await l.waitForURL(/\/summary$/);
      await expect(l.getByTestId("handed-in")).toBeVisible();
      await audit(l, "assignment handed in (learner summary)");

      await page.goto(`/classes/${classId}`);
      await audit(page, "class page (teacher, with results)");
      await page.goto(`/classes/${classId}/assignments/${assignmentId}`);
      await audit(page, "gradebook");
      await page.goto("/account");
      await audit(page, "account (teacher)");
    });

    test(`no violations anywhere (${locale})`, () => {
      expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
    });
  });
}
