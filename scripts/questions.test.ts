import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The audit command with a table: same JSON as for NATO; a malformed table → row/column messages, exit 2. */
const base = ["--title-de", "EU-Erweiterung", "--title-en", "EU enlargement", "--organization-de", "die EU", "--organization-dative-de", "der EU", "--organization-en", "the EU", "--as-of", "2026-12-03"];

function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/questions.ts", ...args], { encoding: "utf8" });
}

describe("questions --fact-set", () => {
  it("prints audit JSON for the EU example table", () => {
    const result = run(["--fact-set", "data/examples/eu-membership.csv", ...base, "--count", "30", "--seed", "7", "--locale", "en"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const audit = JSON.parse(result.stdout) as { type: string; prompt: string; answer: unknown; explanation: string; source: string; factIds: string[] }[];
    expect(audit).toHaveLength(30);
    for (const q of audit) expect(Object.keys(q)).toEqual(expect.arrayContaining(["id", "type", "kind", "prompt", "answer", "explanation", "source", "factIds"]));
  }, 60_000);

  it("answers 'member today' by the leave date: the United Kingdom is out, the other 27 in", () => {
    const result = run(["--fact-set", "data/examples/eu-membership.csv", ...base, "--count", "28", "--seed", "7", "--locale", "en", "--types", "member-today-true-false"]);
    expect(result.status).toBe(0);
    const audit = JSON.parse(result.stdout) as { prompt: string; answer: string }[];
    expect(audit).toHaveLength(28);
    const outs = audit.filter((q) => q.answer === "False").map((q) => q.prompt);
    expect(outs).toEqual(["True or false: the United Kingdom is a member of the EU today (as of 3 December 2026)."]);
  }, 60_000);

  it("reports a malformed table by row and column on stderr with exit status 2", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faktum-table-"));
    const file = path.join(dir, "bad.csv");
    writeFileSync(file, "name_de;name_en;joined\nA;A;2000\nB;B;2001\nC;C;2002\nD;D;2003\nE;E;2003\nF;F;2004-13-01\n");
    const result = run(["--fact-set", file, ...base, "--count", "5", "--seed", "1", "--locale", "de"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Zeile 7, Spalte joined: „2004-13-01“ ist kein Datum");
  }, 60_000);

  it("requires the organisation's names with a table", () => {
    const result = run(["--fact-set", "data/examples/eu-membership.csv", "--count", "5", "--seed", "1", "--locale", "de"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--title-de is required with --fact-set");
  }, 60_000);
});
