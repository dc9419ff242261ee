import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Page } from "@playwright/test";
import { defaultPassword, expect, signOut, signUp, submitSignIn, test } from "./auth-fixtures";
import { feedbackOf, isAnsweredCorrectly, progressOf, startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 6: nothing that decides a learner's state lives in one process's memory. Two app
 * instances (the Playwright server, A, and a second `next start` of the same build, B) serve
 * one PostgreSQL database; a learner starts a quiz on A, continues it on B with the same
 * cookie, and every answer counts once. Sign-in failures are counted across both instances.
 *
 * Runs in the PostgreSQL pass of `npm test` only: two processes on one SQLite file is not a
 * supported deployment (SQLite is the single-instance, embedded default).
 */

const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = Number(process.env.E2E_SECOND_PORT ?? portA + 10);
const instanceA = `http://127.0.0.1:${portA}`;
const instanceB = `http://127.0.0.1:${portB}`;

test.describe("two app instances on one PostgreSQL database", () => {
  test.skip(!isPostgres, "needs PostgreSQL (E2E_DATABASE_URL=postgresql://…): runs in the PostgreSQL pass of npm test");
  // Two servers, sign-ups and many page loads per test: longer than the usual spec.
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  let second: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    mkdirSync("test-results", { recursive: true });
    const log = createWriteStream(path.join("test-results", `instance-b-${portB}.log`));
    second = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(portB), "-H", "127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        FAKTUM_INSECURE_COOKIES: "1",
        FAKTUM_TRUST_PROXY: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    second.stdout?.pipe(log);
    second.stderr?.pipe(log);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (second.exitCode !== null) throw new Error(`instance B exited with ${second.exitCode}; see test-results/instance-b-${portB}.log`);
      const isUp = await fetch(`${instanceB}/api/health`).then((r) => r.ok, () => false);
      if (isUp) break;
      if (Date.now() > deadline) throw new Error("instance B did not start within 90 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Load the pages' code once, so the tests' first visits to B are not its cold start.
    for (const page of ["/", "/sign-in", "/quiz/warm-up", "/quiz/warm-up/summary"]) await fetch(`${instanceB}${page}`).catch(() => undefined);
  });

  test.afterAll(async () => {
    if (!second || second.exitCode !== null) return;
    const exited = new Promise((resolve) => second!.once("exit", resolve));
    second.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (second.exitCode === null) second.kill("SIGKILL");
  });

  /** Answers the single-choice question on screen with its first option; returns whether that was right. */
  async function answerOnScreen(page: Page): Promise<boolean> {
    await page.locator("main label").filter({ has: page.locator("[data-quiz-option]") }).first().click();
    await page.getByRole("button", { name: "Antworten" }).click();
    await expect(feedbackOf(page)).toBeVisible();
    return isAnsweredCorrectly(page);
  }

  async function postAnswerTo(request: APIRequestContext, base: string, quizId: string, body: unknown) {
    const response = await request.post(`${base}/api/quizzes/${encodeURIComponent(quizId)}/answers`, {
      headers: { "content-type": "application/json" },
      data: JSON.stringify(body),
    });
    return { status: response.status(), json: (await response.json()) as { correct?: boolean; alreadyAnswered?: boolean; error?: string } };
  }

  test("a learner starts a quiz on one instance and finishes it on the other; every answer counts once", async ({ page }) => {
    await signUp(page);
    const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
    let rightAnswers = 0;

    // Instance A: questions 1 and 2.
    for (let number = 1; number <= 2; number++) {
      await expect(progressOf(page)).toHaveText(`Frage ${number} von 5`);
      if (await answerOnScreen(page)) rightAnswers++;
      await page.getByTestId("next").click();
    }
    await expect(progressOf(page)).toHaveText("Frage 3 von 5");

    // Instance B, same browser and cookie: the session and the quiz's position are there.
    await page.goto(`${instanceB}/quiz/${encodeURIComponent(quizId)}`);
    await expect(progressOf(page)).toHaveText("Frage 3 von 5");
    // Question 2 sent again, to B: the stored result, not a second answer.
    const repeat = await postAnswerTo(page.request, instanceB, quizId, { position: 1, response: { kind: "single", value: "1949" } });
    expect(repeat).toMatchObject({ status: 200, json: { alreadyAnswered: true } });

    // Question 3 on B.
    if (await answerOnScreen(page)) rightAnswers++;
    await page.getByTestId("next").click();
    await expect(progressOf(page)).toHaveText("Frage 4 von 5");

    // Question 4 submitted to both instances at the same moment: one answer is stored, and
    // both replies carry its grade.
    const value = await page.locator("main [data-quiz-option]").first().getAttribute("value");
    const [fromA, fromB] = await Promise.all(
      [instanceA, instanceB].map((base) => postAnswerTo(page.request, base, quizId, { position: 3, response: { kind: "single", value } })),
    );
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect([fromA.json.alreadyAnswered, fromB.json.alreadyAnswered].filter((isRepeat) => !isRepeat)).toHaveLength(1);
    expect(fromA.json.correct).toBe(fromB.json.correct);
    if (fromA.json.correct) rightAnswers++;

    // Back on the page (B): question 5, then the summary.
    await page.reload();
    await expect(progressOf(page)).toHaveText("Frage 5 von 5");
    if (await answerOnScreen(page)) rightAnswers++;
    await page.getByTestId("next").click();
    await page.waitForURL(/\/summary$/);
    expect(new URL(page.url()).port).toBe(String(portB));
    await expect(page.getByTestId("summary-score")).toHaveText(`${rightAnswers} von 5 richtig`);

    // Instance A reports the same result.
    await page.goto(`${instanceA}/quiz/${encodeURIComponent(quizId)}/summary`);
    await expect(page.getByTestId("summary-score")).toHaveText(`${rightAnswers} von 5 richtig`);
  });

  test("sign-in failures are counted across both instances", async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);
    // Five wrong passwords, alternating between the instances (3 on A, 2 on B).
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.goto(`${attempt % 2 === 1 ? instanceA : instanceB}/sign-in`);
      await submitSignIn(page, { ...account, password: `falsches Passwort ${attempt}` });
      await expect(page.getByRole("status")).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
    }
    // The account is locked on both, even for the right password.
    for (const base of [instanceB, instanceA]) {
      await page.goto(`${base}/sign-in`);
      await submitSignIn(page, { ...account, password: defaultPassword });
      await expect(page.getByRole("status")).toContainText("Zu viele fehlgeschlagene Anmeldeversuche");
    }
  });
});
