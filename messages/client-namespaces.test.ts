import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import de from "./de";
import { pickMessages, rootClientNamespaces } from "./client-namespaces";

/**
 * Holds the rule of client-namespaces.ts: every page's client components (followed through its
 * imports, server components included, since they render client ones) find the namespaces they
 * use in the messages their nearest ClientMessages layout (plus the root's) sends.
 */
const root = process.cwd();

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of [".tsx", ".ts", "/index.tsx", "/index.ts"]) if (existsSync(base + ext)) return base + ext;
  return null;
}

const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(["']([^"']+)["']\)/g)]
    .map((m) => resolveImport(file, (m[1] ?? m[2])!))
    .filter((f): f is string => f !== null);

/** The namespaces a file's translator needs: what useTranslations names, narrowed to the keys' first parts when all of them are literals. */
function namespacesOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const declared = [...source.matchAll(/useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)].map((m) => m[1] ?? "");
  if (declared.length !== 1) return declared;
  const calls = [...source.matchAll(/\bt(?:\.rich|\.has|\.markup)?\(\s*([^,)]*)/g)].map((m) => m[1]!.trim());
  if (calls.length === 0 || calls.some((c) => !/^"[^"]+"$/.test(c))) return declared;
  return [...new Set(calls.map((c) => `${declared[0] ? `${declared[0]}.` : ""}${c.slice(1, -1).split(".")[0]}`))];
}

/** Namespaces used by client code reachable from `entry` (a file below "use client" is client code). */
function clientNamespacesOf(entry: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (file: string, isClient: boolean) => {
    if (seen.has(`${file}:${isClient}`)) return;
    seen.add(`${file}:${isClient}`);
    const client = isClient || /^\s*["']use client["']/.test(readFileSync(file, "utf8"));
    if (client) for (const ns of namespacesOf(file)) found.add(ns);
    for (const dependency of importsOf(file)) if (!dependency.includes(`${path.sep}lib${path.sep}server${path.sep}`)) walk(dependency, client);
  };
  walk(entry, false);
  return [...found].sort();
}

const declaredIn = (file: string): string[] | null => {
  const match = /<ClientMessages namespaces=\{\[([^\]]*)\]\}/.exec(readFileSync(file, "utf8"));
  return match ? [...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : null;
};

/** What reaches a page's client components: the nearest layout's ClientMessages (or the page's own), plus the root's. */
function providedFor(page: string): string[] {
  const own = path.basename(page) === "page.tsx" ? declaredIn(page) : null;
  if (own) return [...rootClientNamespaces, ...own];
  for (let dir = path.dirname(page); dir.startsWith(path.join(root, "app")); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    const declared = existsSync(layout) ? declaredIn(layout) : null;
    if (declared) return [...rootClientNamespaces, ...declared];
  }
  return [...rootClientNamespaces];
}

const routeFiles: string[] = [];
const collect = (dir: string) => {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) collect(file);
    else if (/^(page|layout|error|not-found|loading)\.tsx$/.test(entry)) routeFiles.push(file);
  }
};
collect(path.join(root, "app"));

describe("client components get the message namespaces they use", () => {
  it.each(routeFiles.map((file) => [path.relative(root, file), file]))("%s", (_name, file) => {
    const provided = providedFor(file);
    const covered = (ns: string) => provided.some((p) => ns === p || ns.startsWith(`${p}.`));
    expect(clientNamespacesOf(file).filter((ns) => !covered(ns))).toEqual([]);
    // Every declared namespace exists in the catalog.
    expect(() => pickMessages(de as never, provided)).not.toThrow();
  });

  it("finds the quiz player's namespaces on the quiz page, so it can fail", () => {
    const quizPage = routeFiles.find((f) => f.endsWith(path.join("quiz", "[quizId]", "page.tsx")))!;
    expect(clientNamespacesOf(quizPage)).toContain("quiz.play.submit");
  });

  it("picks nested paths in place", () => {
    expect(pickMessages({ a: { b: "x", c: { d: "y" } }, e: "z" }, ["a.c.d", "e"])).toEqual({ a: { c: { d: "y" } }, e: "z" });
    expect(() => pickMessages({ a: "x" }, ["b"])).toThrow();
  });
});
