import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect, signUp, test } from "./auth-fixtures";
import { createClassWithAssignments } from "./e2e-database";
import { startQuizFromHome } from "./quiz-fixtures";

/**
 * Issue 9: bad input never reaches a 500. Table-driven: every route handler (found in app/,
 * so a new one cannot be forgotten) and every server action (from the build's action manifest)
 * gets malformed paths, bodies of the wrong shape, wrong types, broken multipart, 1 MB strings
 * and cross-origin posts, anonymously and as a signed-in learner with real ids. No reply may be
 * ≥ 500, and a refusal's message names no catalog key and no stack.
 */

test.describe.configure({ mode: "serial", timeout: 300_000 });

const root = process.cwd();
const megabyte = "a".repeat(1024 * 1024);

/** The route handlers in app/: `/api/quizzes/[quizId]/answers` with the methods it exports. */
function routeHandlers(): { template: string; methods: string[] }[] {
  const found: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name === "route.ts") {
        const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        found.push({ template: "/" + path.relative(path.join(root, "app"), dir).split(path.sep).filter((s) => !s.startsWith("(")).join("/"), methods });
      }
    }
  };
  walk(path.join(root, "app"));
  return found;
}

type ManifestEntry = { exportedName?: string; filename?: string; workers: Record<string, unknown> };

/** Every server action of the build: its id, name and a page that serves it. */
function serverActions(): { id: string; name: string; page: string }[] {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!; // "app/classes/[classId]/page"
    const page = "/" + worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => !s.startsWith("(")).join("/");
    return { id, name: `${entry.exportedName ?? id} (${entry.filename ?? "?"})`, page };
  });
}

/** Fills a template's `[param]` segments from `ids`. */
function fill(template: string, ids: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(ids[name] ?? "x"));
}

/** Malformed segments for a dynamic id: broken percent-encodings, NUL, traversal, a 4 kB id. */
const badSegments = ["%ZZ", "%E0%A4%A", "%", "%00", "..%2F..%2Fetc", "x".repeat(4000), "'; DROP TABLE \"Quiz\";--"];

function multipart(boundary: string, parts: Record<string, string>): string {
  return Object.entries(parts).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
}

type Body = { label: string; contentType?: string; data?: string };

/** Route bodies: JSON of the wrong shape and types, broken JSON, other content types, 1 MB. */
const routeBodies: Body[] = [
  { label: "no body" },
  { label: "broken JSON", contentType: "application/json", data: "{{{" },
  { label: "JSON null", contentType: "application/json", data: "null" },
  { label: "JSON array", contentType: "application/json", data: "[]" },
  { label: "wrong types", contentType: "application/json", data: '{"position":"x","response":{"kind":"single","value":{"a":[1]}}}' },
  { label: "negative position", contentType: "application/json", data: '{"position":-1,"response":{"kind":"order","value":[null,5]}}' },
  { label: "unknown kind", contentType: "application/json", data: '{"position":0,"response":{"kind":"nope","value":"x"}}' },
  { label: "huge position", contentType: "application/json", data: '{"position":1e308,"response":{"kind":"text","value":"x"}}' },
  { label: "deep nesting", contentType: "application/json", data: "[".repeat(5000) + "]".repeat(5000) },
  { label: "1 MB string", contentType: "application/json", data: JSON.stringify({ position: 0, response: { kind: "text", value: megabyte } }) },
  { label: "form", contentType: "application/x-www-form-urlencoded", data: "position=0&response=x" },
  { label: "multipart", contentType: "multipart/form-data; boundary=B", data: multipart("B", { position: "0" }) },
  { label: "broken multipart", contentType: "multipart/form-data; boundary=XYZ", data: "--ABC\r\nfoo\r\n" },
  { label: "invalid UTF-8", contentType: "application/json", data: '{"position":0,"response":{"kind":"text","value":"\udc00"}}' },
];

const wrongTypes = routeBodies.find((body) => body.label === "wrong types")!;

/** Action bodies: what React's decoder throws on, wrong argument types, broken forms, 1 MB. */
/** Which over-large body a page's actions must refuse with 413: 1 MB anywhere, but 3 MB at the import page, which takes 1 MB tables. */
function tooLargeAt(page: string, label: string): number | undefined {
  if (label === "3 MB argument") return 413;
  return label === "1 MB argument" && page !== "/topics/import" ? 413 : undefined;
}

function actionBodies(actionId: string): Body[] {
  return [
    { label: "broken JSON", contentType: "text/plain;charset=UTF-8", data: "{{{" },
    { label: "no arguments", contentType: "text/plain;charset=UTF-8", data: "[]" },
    { label: "wrong types", contentType: "text/plain;charset=UTF-8", data: '["x",5,{"a":[true]}]' },
    { label: "nulls", contentType: "text/plain;charset=UTF-8", data: "[null,null,null]" },
    { label: "FormData reference without parts", contentType: "text/plain;charset=UTF-8", data: '[null,"$K1"]' },
    { label: "dangling reference", contentType: "text/plain;charset=UTF-8", data: '["$@1"]' },
    { label: "unknown reference kind", contentType: "text/plain;charset=UTF-8", data: '["$Zzz"]' },
    { label: "deep nesting", contentType: "text/plain;charset=UTF-8", data: "[".repeat(5000) + "]".repeat(5000) },
    { label: "1 MB argument", contentType: "text/plain;charset=UTF-8", data: JSON.stringify([megabyte]) },
    // The import page takes tables up to 1 MB (proxy.ts allows a little over 2 MB there).
    { label: "3 MB argument", contentType: "text/plain;charset=UTF-8", data: JSON.stringify([megabyte.repeat(3)]) },
    { label: "multipart without root", contentType: "multipart/form-data; boundary=B", data: multipart("B", { "1_email": "x", "1_password": "y" }) },
    { label: "multipart broken root", contentType: "multipart/form-data; boundary=B", data: multipart("B", { "0": "{{{" }) },
    {
      label: "multipart wrong field types",
      contentType: "multipart/form-data; boundary=B",
      data: multipart("B", { "0": '[null,"$K1"]', "1_count": "abc", "1_types": "nope", "1_email": "x".repeat(60_000), "1_rating": "9", "1_dueAt": "gestern" }),
    },
    { label: "broken multipart", contentType: "multipart/form-data; boundary=XYZ", data: "--ABC\r\nfoo\r\n" },
    { label: "multipart without boundary", contentType: "multipart/form-data", data: "abc" },
    { label: "form posted without script", contentType: "multipart/form-data; boundary=B", data: multipart("B", { [`$ACTION_ID_${actionId}`]: "", count: "abc" }) },
    { label: "form posted without script, broken bound arguments", contentType: "multipart/form-data; boundary=B", data: multipart("B", { $ACTION_REF_1: "", "$ACTION_1:0": "{{{" }) },
    { label: "form posted without script, broken multipart", contentType: "multipart/form-data; boundary=XYZ", data: "--ABC\r\nfoo\r\n" },
    { label: "urlencoded", contentType: "application/x-www-form-urlencoded", data: "a=b" },
  ];
}

type Failure = string;

async function send(
  request: APIRequestContext,
  method: string,
  url: string,
  body: Body,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const response = await request.fetch(url, {
    method,
    headers: { ...headers, ...(body.contentType ? { "content-type": body.contentType } : {}) },
    data: body.data,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: response.status(), text: await response.text() };
}

/** A refusal tells a person what went wrong: no stack, no catalog key, no 5xx. */
function problemsOf(label: string, reply: { status: number; text: string }): Failure[] {
  const problems: Failure[] = [];
  if (reply.status >= 500) problems.push(`${label}: ${reply.status} ${reply.text.slice(0, 120)}`);
  if (reply.status >= 400 && /\n\s+at [\w.<>]+ \(|^\w*Error: /m.test(reply.text)) problems.push(`${label}: stack in the reply`);
  if (reply.status >= 400 && reply.text.startsWith("{")) {
    const message = (JSON.parse(reply.text) as { message?: unknown }).message;
    if (typeof message !== "string" || /^[a-z]+(\.[a-zA-Z]+)+$/.test(message)) problems.push(`${label}: message ${JSON.stringify(message)}`);
  }
  return problems;
}

test("no route handler or server action answers malformed input with a 5xx", async ({ browser, baseURL }) => {
  const learnerContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.71" } });
  const teacherContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.72" } });
  const anonymous = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.73" } });
  const page = await learnerContext.newPage();
  const learner = await signUp(page, { role: "learner" });
  const teacher = await signUp(await teacherContext.newPage(), { role: "teacher" });
  const { classId, code, learnerId, assignmentIds } = await createClassWithAssignments("Kaputt", teacher.email, learner.email, ["immediate"]);
  const assignmentId = assignmentIds.immediate!;
  const quizId = await startQuizFromHome(page, { types: ["accession-year"], length: 5 });
  const ids = { quizId, assignmentId, classId, learnerId, code };

  const routes = routeHandlers();
  // Every route handler of app/ is here: a new one is probed the day it is added.
  expect(routes.map((r) => r.template).sort()).toEqual(
    [
      "/api/account/export",
      "/api/assignments/[assignmentId]/attempts",
      "/api/classes/[classId]/export/answers",
      "/api/classes/[classId]/export/scores",
      "/api/classes/[classId]/learners/[learnerId]/reset-code",
      "/api/health",
      "/api/progress",
      "/api/progress/attempts/[quizId]",
      "/api/quizzes/[quizId]/answers",
    ].sort(),
  );
  const actions = serverActions();
  expect(actions.length).toBeGreaterThanOrEqual(20);
  // Account-ending actions last, so the learner stays signed in for the others.
  const ending = /^(signOut|deleteAccount|signOutOtherSessions)\b/;
  actions.sort((a, b) => Number(ending.test(a.name)) - Number(ending.test(b.name)));

  const failures: Failure[] = [];
  // Each probe is a closure; they run four at a time (the server has cores to spare).
  const probes: (() => Promise<void>)[] = [];
  const probe = (label: string, request: APIRequestContext, method: string, url: string, body: Body, headers: Record<string, string>, expected?: number) =>
    probes.push(async () => {
      const reply = await send(request, method, url, body, headers);
      failures.push(...problemsOf(label, reply));
      if (expected !== undefined && reply.status !== expected) failures.push(`${label}: ${reply.status}, not ${expected}`);
    });
  const sameOrigin = { origin: baseURL! };
  const evil = { origin: "http://evil.example" };
  // The teacher's session reaches further into the teacher's routes and actions; the learner's
  // and no session into all of them.
  // Without a session every action refuses early: a few bodies of each kind suffice there.
  const identities: [string, APIRequestContext, (name: string) => boolean, (body: Body) => boolean][] = [
    ["anonymous", anonymous.request, () => true, (body) => /^(broken JSON|wrong types|1 MB argument|3 MB argument|multipart wrong field types|broken multipart|form posted without script)$/.test(body.label)],
    ["learner", learnerContext.request, () => true, () => true],
    ["teacher", teacherContext.request, (name) => /classes/.test(name), () => true],
  ];

  for (const [who, request, reaches, takes] of identities) {
    for (const { template, methods } of routes.filter((r) => reaches(r.template))) {
      // Every body at the real path; one body of the wrong shape at each malformed path.
      const badUrls = [...(template.includes("[") ? badSegments.map((s) => template.replace(/\[\w+\]/g, s)) : []), `${fill(template, ids)}?format=%ZZ&page=-1&x=${"y".repeat(2000)}`];
      for (const method of methods) {
        const bodies = method === "GET" ? [{ label: "no body" }] : routeBodies;
        for (const body of bodies) probe(`${who} ${method} ${template} [${body.label}]`, request, method, fill(template, ids), body, sameOrigin);
        for (const url of badUrls) probe(`${who} ${method} ${url.slice(0, 80)}`, request, method, url, method === "GET" ? bodies[0]! : wrongTypes, sameOrigin);
        if (method !== "GET") probe(`${who} cross-origin ${method} ${template}`, request, method, fill(template, ids), wrongTypes, evil, 403);
      }
    }
    for (const action of actions.filter((a) => reaches(a.name))) {
      const url = fill(action.page, ids);
      const bodies = actionBodies(action.id);
      for (const body of bodies.filter(takes).filter((b) => b.label !== "3 MB argument" || action.page === "/topics/import")) {
        const headers = body.label.startsWith("form posted without script") ? sameOrigin : { ...sameOrigin, "next-action": action.id };
        probe(`${who} action ${action.name} at ${url} [${body.label}]`, request, "POST", url, body, headers, tooLargeAt(action.page, body.label));
      }
      probe(`${who} cross-origin action ${action.name}`, request, "POST", url, bodies[1]!, { ...evil, "next-action": action.id }, 403);
      probe(`${who} cross-origin form for ${action.name}`, request, "POST", url, bodies.find((b) => b.label === "form posted without script")!, evil, 403);
      for (const segment of badSegments.slice(0, 1)) {
        const malformedPath = action.page.includes("[") ? action.page.replace(/\[\w+\]/g, segment) : `${action.page.replace(/\/$/, "")}/${segment}`;
        probe(`${who} action ${action.name} at ${malformedPath}`, request, "POST", malformedPath, bodies[2]!, { ...sameOrigin, "next-action": action.id });
      }
    }
  }

  // In order, four at a time: the account-ending actions (sorted last) come after the rest.
  const parallel = 4;
  for (let i = 0; i < probes.length; i += parallel) await Promise.all(probes.slice(i, i + parallel).map((run) => run()));

  expect(probes.length).toBeGreaterThan(700);
  expect(failures).toEqual([]);
  await Promise.all([learnerContext.close(), teacherContext.close(), anonymous.close()]);
});
