import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signUp, test } from "./auth-fixtures";
import { createClassWithAssignments, queryE2eDatabase } from "./e2e-database";
import { type QuestionTypeName, postAnswer, startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 9: the answer key stays secret on every path a learner can read. A learner starts a
 * self-study quiz of every question type and one assignment per reveal policy, answers a
 * little, then fetches every page (HTML and RSC payload), every API route a learner may call,
 * and the account export. No response may contain the stored answer (`"answer": …`, as the
 * spec holds it, also escaped inside an RSC payload) of a question that is unanswered or whose
 * assignment still withholds it. The same scanner must find the key once it is revealed.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

/** Every type the start form offers for NATO (all it can build), so a new type is covered the day it is added. */
async function offeredTypes(page: Page): Promise<QuestionTypeName[]> {
  await page.goto("/");
  const form = page.locator("form").filter({ has: page.locator('input[name="factSetId"][value="nato"]') });
  return (await form.locator('input[name="types"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))) as QuestionTypeName[];
}

type Spec = { kind: string; answer: unknown; options?: { value: string }[] };

async function specsOf(quizId: string): Promise<Spec[]> {
  const rows = await queryE2eDatabase('SELECT "spec" FROM "QuizQuestion" WHERE "quizId" = $1 ORDER BY "position"', [quizId]);
  return rows.map((row) => JSON.parse(String(row.spec)) as Spec);
}

/** A body in one canonical form: JSON re-serialised compactly, RSC escapes undone. */
function canonical(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body));
  } catch {
    return body.replaceAll('\\"', '"');
  }
}

/** The key as the stored spec holds it: `"answer":<value>`. */
function keyOf(spec: Spec): string {
  return `"answer":${JSON.stringify(spec.answer)}`;
}

async function collect(request: APIRequestContext, quizIds: string[], assignmentIds: string[]): Promise<Map<string, string>> {
  const pages = ["/", "/history", "/assignments", "/account", "/flashcards", "/topics/nato/map", "/topics/import", "/forgot-password", "/reset-password", "/reset-password?token=x", "/account/confirm-email?token=x", ...quizIds.flatMap((id) => [`/quiz/${id}`, `/quiz/${id}/summary`, `/history/${id}`])];
  const apis = ["/api/progress", "/api/account/export", ...quizIds.map((id) => `/api/progress/attempts/${id}`)];
  const bodies = new Map<string, string>();
  for (const url of pages) {
    const html = await request.get(url, { maxRedirects: 0 });
    bodies.set(`${url} (HTML ${html.status()})`, canonical(await html.text()));
    const rsc = await request.get(url, { headers: { RSC: "1" }, maxRedirects: 0 });
    bodies.set(`${url} (RSC ${rsc.status()})`, canonical(await rsc.text()));
  }
  for (const url of apis) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    bodies.set(`${url} (${response.status()})`, canonical(await response.text()));
  }
  // The assignment route is a POST that starts or resumes an attempt; its reply is read too.
  for (const id of assignmentIds) {
    const response = await request.post(`/api/assignments/${id}/attempts`);
    bodies.set(`POST /api/assignments/${id}/attempts (${response.status()})`, canonical(await response.text()));
  }
  return bodies;
}

function leaksOf(bodies: Map<string, string>, key: string): string[] {
  return [...bodies].filter(([, body]) => body.includes(key)).map(([url]) => url);
}

test("no response a learner can fetch contains the key of an unanswered or withheld question", async ({ browser, baseURL }) => {
  const learnerContext = await browser.newContext({ baseURL, locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.91" } });
  const teacherContext = await browser.newContext({ baseURL, locale: "de-DE", extraHTTPHeaders: { "x-forwarded-for": "198.51.100.92" } });
  const page = await learnerContext.newPage();
  const learner = await signUp(page, { role: "learner" });
  const teacher = await signUp(await teacherContext.newPage(), { role: "teacher" });
  // A class with one assignment per reveal policy, due in a week (set up in the database: the
  // teacher's forms are covered by classes.spec.ts).
  const policies = ["immediate", "after_submit", "after_due"] as const;
  const { assignmentIds } = await createClassWithAssignments("Geheim", teacher.email, learner.email, policies);

  const request = learnerContext.request;
  const allTypes = await offeredTypes(page);
  expect(allTypes.length).toBeGreaterThanOrEqual(20);
  const selfStudy = await startQuizFromHome(page, { types: allTypes, length: allTypes.length });
  const attempts: Record<string, string> = {};
  for (const policy of policies) {
    const started = await request.post(`/api/assignments/${assignmentIds[policy]}/attempts`);
    expect(started.status(), policy).toBeLessThan(300);
    attempts[policy] = String(((await started.json()) as { quizId: string }).quizId);
    // The first question answered wrong: the reply reveals it only under "immediate".
    const spec = (await specsOf(attempts[policy]!))[0]!;
    const wrong = spec.options!.find((o) => o.value !== spec.answer)!.value;
    expect((await postAnswer(request, attempts[policy]!, { position: 0, response: { kind: "single", value: wrong } })).status).toBe(200);
  }

  const quizIds = [selfStudy, ...Object.values(attempts)];
  const bodies = await collect(request, quizIds, Object.values(assignmentIds));
  expect(bodies.size).toBeGreaterThan(30);

  const secret: { label: string; key: string }[] = [];
  for (const [position, spec] of (await specsOf(selfStudy)).entries()) secret.push({ label: `self-study question ${position} (${spec.kind})`, key: keyOf(spec) });
  expect(new Set((await specsOf(selfStudy)).map((s) => s.kind))).toEqual(new Set(["single", "multi", "order", "match", "text", "map"]));
  for (const policy of policies) {
    for (const [position, spec] of (await specsOf(attempts[policy]!)).entries()) {
      if (policy === "immediate" && position === 0) continue; // answered and revealed
      secret.push({ label: `${policy} question ${position}`, key: keyOf(spec) });
    }
  }
  // The immediate assignment's answered question is revealed; a secret with the same answer
  // value (another question whose answer is also "1949") cannot be told apart from it.
  const revealed = (await specsOf(attempts.immediate!))[0]!;
  for (const { label, key } of secret) {
    if (key !== keyOf(revealed)) expect(leaksOf(bodies, key), `${label}: ${key}`).toEqual([]);
  }

  // The scanner finds a key once it is revealed: the immediate assignment's answered question,
  // and every question of the after_submit attempt once it is submitted.
  expect(leaksOf(bodies, keyOf(revealed))).toContain("/api/account/export (200)");
  const afterSubmit = await specsOf(attempts.after_submit!);
  for (const position of [1, 2]) {
    expect((await postAnswer(request, attempts.after_submit!, { position, response: { kind: "single", value: String(afterSubmit[position]!.answer) } })).status).toBe(200);
  }
  const exported = canonical(await (await request.get("/api/account/export")).text());
  for (const spec of afterSubmit) expect(exported).toContain(keyOf(spec));
  // … while the after_due attempt, submitted too, still shows nothing before the due date.
  const afterDue = await specsOf(attempts.after_due!);
  for (const position of [1, 2]) {
    expect((await postAnswer(request, attempts.after_due!, { position, response: { kind: "single", value: String(afterDue[position]!.answer) } })).status).toBe(200);
  }
  const afterDueBodies = await collect(request, [attempts.after_due!], []);
  const revealedKeys = new Set([keyOf(revealed), ...afterSubmit.map(keyOf)]);
  for (const spec of afterDue) if (!revealedKeys.has(keyOf(spec))) expect(leaksOf(afterDueBodies, keyOf(spec)), keyOf(spec)).toEqual([]);

  // The rendered key too: once the due date has passed, the review shows each explanation; none
  // of them may have been readable before (in any page, payload or reply collected above).
  await queryE2eDatabase('UPDATE "Assignment" SET "dueAt" = $1 WHERE "id" = $2', [new Date(Date.now() - 1000), assignmentIds.after_due]);
  const review = (await (await request.get(`/api/progress/attempts/${attempts.after_due}`)).json()) as { questions: { explanation: string | null; correctAnswer: string | null }[] };
  const probes = review.questions.map((q) => (q.explanation ?? "").split(/[&<>"']/)[0]!.slice(0, 40));
  expect(probes.every((probe) => probe.length >= 15), JSON.stringify(review.questions)).toBe(true);
  // A probe that another, revealed attempt explains too (the same fact asked twice) proves
  // nothing, nor does one that is public text: "Die Vereinigten Staaten sind Gründungsmitglied …"
  // opens an explanation and also a true/false prompt of the (unanswered) self-study quiz.
  // The enlargement map is public reference text too: it states every accession ("Polen trat
  // der NATO am 12. März 1999 bei …") to anyone, by design; it is still scanned for stored keys above.
  const elsewhere =
    JSON.stringify(
      await Promise.all([attempts.immediate, attempts.after_submit, selfStudy].map(async (id) => (await request.get(`/api/progress/attempts/${id}`)).json())),
    ) + canonical(await (await request.get("/topics/nato/map")).text());
  const revealedHistory = canonical(await (await request.get(`/history/${attempts.after_due}`)).text());
  for (const probe of probes) {
    expect(revealedHistory, "the scanner finds the explanation once revealed").toContain(probe);
    if (elsewhere.includes(probe)) continue;
    expect(leaksOf(afterDueBodies, probe), probe).toEqual([]);
    expect(leaksOf(bodies, probe), probe).toEqual([]);
  }

  await learnerContext.close();
  await teacherContext.close();
});
