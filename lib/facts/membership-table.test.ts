import { describe, expect, it } from "vitest";
import { generateQuestions } from "../questions/generate-questions";
import { createRandom, type Random } from "../questions/random";
import { renderAnswer, renderQuestion, revealQuestion } from "../questions/render-question";
import type { OptionRef, QuestionSpec } from "../questions/types";
import { toFactSet } from "./membership";
import { describeTableProblem, parseMembershipTable, parsePartialDate } from "./parse-membership-table";
import type { FactSet } from "./schema";

/**
 * Property tests over random membership tables: every generated question's key is true and
 * the only true answer, recomputed here from the table rows themselves (not from the fact
 * set the generator read). Tables have ties (many members on one day), withdrawals and
 * rejoins, years with one member, members in no group, dates known only to the month or
 * year, and up to 1,000 rows.
 */

const asOf = "2026-12-03";

interface Row {
  de: string;
  en: string;
  joined: string;
  left: string;
  rejoined: string;
  founding: boolean;
  groups: boolean[];
}

interface Table {
  rows: Row[];
  groupLabels: { de: string; en: string }[];
  csv: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A random table; `size` rows, dates drawn from few years so that ties are common. */
function randomTable(rng: Random, size: number, delimiter = ","): Table {
  const groupCount = rng.int(3);
  const groupLabels = Array.from({ length: groupCount }, (_, i) => ({ de: `Gruppe ${i + 1}`, en: `Group ${i + 1}` }));
  const foundingYear = 1900 + rng.int(50);
  const hasFounders = rng.next() < 0.7;
  const years = Array.from({ length: 2 + rng.int(Math.min(40, size)) }, () => foundingYear + 1 + rng.int(2020 - foundingYear));
  const days = years.map((y) => `${y}-${pad(1 + rng.int(12))}-${pad(1 + rng.int(28))}`);
  const rows: Row[] = [];
  for (let i = 0; i < size; i++) {
    const founding = hasFounders && (i < 3 || rng.next() < 0.05);
    let joined: string;
    if (founding) joined = `${foundingYear}-04-04`;
    else {
      const day = rng.pick(days);
      const r = rng.next();
      joined = r < 0.75 ? day : r < 0.88 ? day.slice(0, 7) : day.slice(0, 4);
    }
    let left = "";
    let rejoined = "";
    if (rng.next() < 0.15) {
      const from = Number(joined.slice(0, 4));
      const leftYear = Math.min(2025, from + 1 + rng.int(30));
      left = rng.next() < 0.8 ? `${leftYear}-${pad(1 + rng.int(12))}-${pad(1 + rng.int(28))}` : String(leftYear);
      if (rng.next() < 0.3 && leftYear < 2024) rejoined = `${leftYear + 1 + rng.int(2024 - leftYear)}-0${1 + rng.int(9)}-15`;
    }
    rows.push({
      de: `Mitglied ${i + 1}`,
      en: `Member ${i + 1}`,
      joined,
      left,
      rejoined,
      founding,
      groups: groupLabels.map(() => rng.next() < 0.4),
    });
  }
  // Founders join first: nobody else may join on or before the founding day.
  const header = ["name_de", "name_en", "joined", "left", "rejoined", "founding", ...groupLabels.map((g) => `group:${g.de}|${g.en}`)];
  const yesNo = (v: boolean) => rng.pick(v ? ["ja", "yes", "Ja"] : ["nein", "no", ""]);
  const lines = [header, ...rows.map((r) => [r.de, r.en, r.joined, r.left, r.rejoined, yesNo(r.founding), ...r.groups.map(yesNo)])];
  const csv = (rng.next() < 0.5 ? "\uFEFF" : "") + lines.map((l) => l.join(delimiter)).join(rng.next() < 0.5 ? "\n" : "\r\n");
  return { rows, groupLabels, csv };
}

const span = (value: string): [string, string] => {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`bad date ${value}`);
  if (parsed.precision === "day") return [value, value];
  if (parsed.precision === "year") return [`${value}-01-01`, `${value}-12-31`];
  const [y, m] = value.split("-").map(Number) as [number, number];
  return [`${value}-01`, `${value}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`];
};

/** Membership periods of a row, from the raw cells. */
function periods(row: Row): { joined: string; left?: string }[] {
  return [{ joined: row.joined, left: row.left || undefined }, ...(row.rejoined ? [{ joined: row.rejoined }] : [])];
}
const joinYears = (row: Row) => periods(row).map((p) => Number(p.joined.slice(0, 4)));

/** true / false / undefined (a date known only to the month or year leaves it open). */
function memberAt(row: Row, day: string): boolean | undefined {
  let open = false;
  for (const p of periods(row)) {
    const [jf, jl] = span(p.joined);
    const joined = jl <= day ? true : jf > day ? false : undefined;
    const stays = !p.left ? true : span(p.left)[0] > day ? true : span(p.left)[1] <= day ? false : undefined;
    if (joined === true && stays === true) return true;
    if (joined !== false && stays !== false) open = true;
  }
  return open ? undefined : false;
}

function check(table: Table, factSet: FactSet, spec: QuestionSpec): void {
  const rowOf = new Map(factSet.countries.map((c) => [c.id, table.rows.find((r) => r.en === c.name.en) as Row]));
  const row = (id: string): Row => {
    const r = rowOf.get(id);
    if (!r) throw new Error(`no row for ${id}`);
    return r;
  };
  const ctx = JSON.stringify(spec);
  const options: OptionRef[] = "options" in spec ? spec.options : [];
  const trueOf = (predicate: (o: OptionRef) => boolean) => options.filter(predicate).map((o) => o.value);
  const year = Number(spec.params.year);
  switch (spec.type) {
    case "accession-year": {
      const r = row(spec.params.country ?? "");
      expect(trueOf((o) => joinYears(r).includes(Number(o.value))), ctx).toEqual([spec.answer]);
      return;
    }
    case "country-by-year":
      expect(trueOf((o) => joinYears(row(o.value)).includes(year)), ctx).toEqual([spec.answer]);
      return;
    case "wave-members":
      expect(trueOf((o) => joinYears(row(o.value)).includes(year)), ctx).toEqual(spec.answer);
      expect(spec.answer, ctx).toEqual(expect.arrayContaining(table.rows.filter((r) => joinYears(r).includes(year)).map((r) => factSet.countries.find((c) => c.name.en === r.en)?.id)));
      return;
    case "founding-member-true-false":
      expect(spec.answer, ctx).toBe(String(row(spec.params.country ?? "").founding));
      return;
    case "founding-members-select":
      expect(trueOf((o) => row(o.value).founding), ctx).toEqual(spec.answer);
      return;
    case "group-members-select": {
      const group = factSet.groups?.find((g) => g.id === spec.params.group);
      const i = table.groupLabels.findIndex((l) => l.en === group?.label.en);
      expect(i, ctx).toBeGreaterThanOrEqual(0);
      const answer = trueOf((o) => row(o.value).groups[i] === true);
      expect(answer, ctx).toEqual(spec.answer);
      expect(answer.length, ctx).toBeGreaterThan(0);
      expect(answer.length, ctx).toBeLessThan(options.length);
      return;
    }
    case "member-today-true-false": {
      const status = memberAt(row(spec.params.country ?? ""), asOf);
      expect(status, ctx).not.toBeUndefined();
      expect(spec.answer, ctx).toBe(String(status));
      return;
    }
    case "accession-date": {
      const r = row(spec.params.country ?? "");
      const possible = (d: string) => periods(r).some((p) => d >= span(p.joined)[0] && d <= span(p.joined)[1]);
      expect(trueOf((o) => possible(o.value)), ctx).toEqual([spec.answer]);
      expect(periods(r).some((p) => p.joined === spec.answer), ctx).toBe(true);
      return;
    }
    case "accession-order": {
      if (spec.kind !== "order") throw new Error(ctx);
      for (let i = 1; i < spec.answer.length; i++) {
        const [a, b] = [row(spec.answer[i - 1] ?? ""), row(spec.answer[i] ?? "")];
        expect(periods(a), ctx).toHaveLength(1);
        expect(span(a.joined)[1] < span(b.joined)[0], ctx).toBe(true);
      }
      return;
    }
    case "match-country-year": {
      if (spec.kind !== "match") throw new Error(ctx);
      const right = spec.right.map((o) => o.value);
      expect(new Set(right).size, ctx).toBe(right.length);
      for (const left of spec.left) {
        const years = joinYears(row(left.value));
        expect(years, ctx).toEqual([Number(spec.answer[left.value])]);
      }
      return;
    }
    case "typed-country": {
      if (spec.kind !== "text") throw new Error(ctx);
      let fitting: Row[];
      if (spec.params.mode === "alone") fitting = table.rows.filter((r) => joinYears(r).includes(year));
      else {
        const date = spec.params.date ?? "";
        const named = new Set((spec.params.with ?? "").split(",").map((id) => row(id).en));
        const sameYear = table.rows.filter((r) => periods(r).some((p) => p.joined.slice(0, 4) === date.slice(0, 4)));
        // Nobody of that year may be known only to the month or year: they could have joined that day.
        expect(sameYear.every((r) => periods(r).every((p) => p.joined.slice(0, 4) !== date.slice(0, 4) || p.joined.length === 10)), ctx).toBe(true);
        fitting = table.rows.filter((r) => periods(r).some((p) => p.joined === date) && !named.has(r.en));
        for (const name of named) expect(periods(table.rows.find((r) => r.en === name) as Row).some((p) => p.joined === date), ctx).toBe(true);
      }
      expect(fitting.map((r) => r.en), ctx).toEqual([row(spec.answer.value).en]);
      return;
    }
    case "typed-accession-year": {
      if (spec.kind !== "text") throw new Error(ctx);
      const r = row(spec.params.country ?? "");
      expect(joinYears(r), ctx).toEqual([Number(spec.answer.value)]);
      return;
    }
    case "members-after-round": {
      const day = spec.params.date ?? "";
      const statuses = table.rows.map((r) => memberAt(r, day));
      expect(statuses.includes(undefined), ctx).toBe(false);
      const count = statuses.filter(Boolean).length;
      expect(trueOf((o) => Number(o.value) === count), ctx).toEqual([spec.answer]);
      return;
    }
    default:
      throw new Error(`question type ${spec.type} is not expected from a table: ${ctx}`);
  }
}

function importTable(table: Table): FactSet {
  const result = parseMembershipTable(table.csv, { asOf });
  if (!result.ok) throw new Error(result.problems.map((p) => describeTableProblem(p, "en")).join("\n"));
  return toFactSet(result.membership, {
    id: "random",
    title: { de: "Zufall", en: "Random" },
    organization: { name: { de: "die Union", en: "the Union" }, dative: { de: "der Union", en: "the Union" } },
    asOf,
  });
}

describe("questions from random tables", () => {
  it("have true, unique keys recomputed from the table, over many tables and seeds", () => {
    const seen = new Set<string>();
    for (let t = 0; t < 60; t++) {
      const rng = createRandom(`table-${t}`);
      const table = randomTable(rng, 4 + rng.int(40), rng.pick([",", ";", "\t"]));
      const factSet = importTable(table);
      for (const seed of [1, 2, 3]) {
        for (const spec of generateQuestions(factSet, { seed: `${t}-${seed}`, count: 40 })) {
          check(table, factSet, spec);
          seen.add(spec.type);
          // Every question renders in both locales, with its answer among the options.
          for (const locale of ["de", "en"] as const) {
            expect(renderQuestion(spec, factSet, locale).prompt.length).toBeGreaterThan(0);
            expect(revealQuestion(spec, factSet, locale).explanation.length).toBeGreaterThan(0);
            renderAnswer(spec, factSet, locale);
          }
        }
      }
    }
    // The tables exercise every type a membership table supports.
    for (const type of ["accession-year", "country-by-year", "wave-members", "founding-member-true-false", "founding-members-select", "group-members-select", "member-today-true-false", "accession-date", "accession-order", "match-country-year", "typed-country", "typed-accession-year", "members-after-round"]) {
      expect(seen, type).toContain(type);
    }
  }, 240_000);

  it("handles a table of 1,000 rows", () => {
    const rng = createRandom("big");
    const table = randomTable(rng, 1000);
    const factSet = importTable(table);
    const specs = generateQuestions(factSet, { seed: "big", count: 150 });
    expect(specs.length).toBe(150);
    for (const spec of specs) check(table, factSet, spec);
  }, 240_000);

  it("asks 'member today' only where someone left, and answers it by the leave date", () => {
    const csv = "name_de;name_en;joined;left;founding\nA-Land;Aland;1950;;ja\nB-Land;Bland;1950;;ja\nC-Land;Cland;1960-05-01;2020-01-31;nein\nD-Land;Dland;1970-02;;nein";
    const result = parseMembershipTable(csv, { asOf });
    if (!result.ok) throw new Error("expected a valid table");
    const factSet = toFactSet(result.membership, {
      id: "t",
      title: { de: "T", en: "T" },
      organization: { name: { de: "die Union", en: "the Union" }, dative: { de: "der Union", en: "the Union" } },
      asOf,
    });
    const specs = generateQuestions(factSet, { seed: 1, count: 20, types: ["member-today-true-false"] });
    const answers = Object.fromEntries(specs.map((s) => [s.params.country, s.kind === "single" ? s.answer : ""]));
    expect(answers).toEqual({ aland: "true", bland: "true", cland: "false", dland: "true" });
    const c = specs.find((s) => s.params.country === "cland") as QuestionSpec;
    expect(revealQuestion(c, factSet, "de").explanation).toBe("C-Land trat der Union am 1. Mai 1960 bei und trat am 31. Januar 2020 aus.");
  });
});

describe("parseMembershipTable", () => {
  const ok = "name_de,name_en,joined\nPolen,Poland,1999-03-12\n";

  it("reports a bad date by row and column, in German and English", () => {
    const csv = "name_de,name_en,joined\nA,A1,2000\nB,B1,2001\nC,C1,2002\nD,D1,2003\nE,E1,2003\nF,F1,2004-13-01\n";
    const result = parseMembershipTable(csv, { asOf });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeTableProblem(result.problems[0]!, "de")).toMatch(/^Zeile 7, Spalte joined: „2004-13-01“ ist kein Datum/);
    expect(describeTableProblem(result.problems[0]!, "en")).toMatch(/^Row 7, column joined: “2004-13-01” is not a date/);
  });

  it("accepts comma, semicolon and tab, with or without BOM, and CRLF", () => {
    for (const sep of [",", ";", "\t"]) {
      for (const bom of ["", "\uFEFF"]) {
        const result = parseMembershipTable(bom + ok.replaceAll(",", sep).replaceAll("\n", "\r\n"), { asOf });
        expect(result.ok, JSON.stringify({ sep, bom })).toBe(true);
      }
    }
  });

  it("keeps cells starting with = + - @ as text", () => {
    const result = parseMembershipTable('name_de,name_en,joined\n=1+1,+Plus,1999\n-Minus,@At,2000\n"<b>X</b>",X,2001', { asOf });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.membership.members.map((m) => [m.name.de, m.name.en])).toEqual([
      ["=1+1", "+Plus"],
      ["-Minus", "@At"],
      ["<b>X</b>", "X"],
    ]);
  });

  it("parses aliases, founding, groups, leave and rejoin", () => {
    const csv = "name_de,name_en,joined,left,rejoined,founding,aliases_de,aliases_en,group:Euro-Staat|euro area\nA,A,1958,,,ja,Ah|Aa,,yes\nB,B,1973-01-01,2020-01-31,2024-05,nein,,Bee,nein";
    const result = parseMembershipTable(csv, { asOf });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.membership.groups).toEqual([{ id: "euro-area", label: { de: "Euro-Staat", en: "euro area" } }]);
    const [a, b] = result.membership.members;
    expect(a).toMatchObject({ founding: true, groups: ["euro-area"], aliases: { de: ["Ah", "Aa"], en: [] }, periods: [{ joined: { date: "1958-01-01", precision: "year" } }] });
    expect(b).toMatchObject({
      founding: false,
      groups: [],
      aliases: { de: [], en: ["Bee"] },
      periods: [
        { joined: { date: "1973-01-01", precision: "day" }, left: { date: "2020-01-31", precision: "day" } },
        { joined: { date: "2024-05-01", precision: "month" } },
      ],
    });
  });

  it.each([
    ["name_de,joined\nA,1999", "missing-column"],
    ["name_de,name_en,joined,colour\nA,A,1999,red", "unknown-column"],
    ["name_de,name_en,joined,group:Nur deutsch\nA,A,1999,ja", "bad-group-column"],
    ["name_de,name_en,joined\nA,,1999", "required"],
    ["name_de,name_en,joined\nA,A,2023-02-29", "not-a-date"],
    ["name_de,name_en,joined\nA,A,2099", "in-future"],
    ["name_de,name_en,joined,founding\nA,A,1999,vielleicht", "not-yes-no"],
    ["name_de,name_en,joined,left\nA,A,1999,1990", "left-before-joined"],
    ["name_de,name_en,joined,rejoined\nA,A,1999,2005", "rejoined-without-left"],
    ["name_de,name_en,joined\nA,A,1999\nB,a,2000", "duplicate-name"],
    ["name_de,name_en,joined,founding\nA,A,1999,ja\nB,B,2000,ja", "founding-date"],
    ["name_de,name_en,joined,founding\nA,A,1999,ja\nB,B,1999,nein", "earliest-not-founding"],
    ["name_de,name_en,joined\n", "empty"],
    ["name_de,name_en,joined\nA,A,1999,extra", "wrong-cell-count"],
  ])("refuses %j with %s", (csv, code) => {
    const result = parseMembershipTable(csv, { asOf });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.code)).toContain(code);
      for (const p of result.problems) for (const locale of ["de", "en"] as const) expect(describeTableProblem(p, locale).length).toBeGreaterThan(5);
    }
  });

  it("imports imprecise leave and rejoin dates that overlap the neighbouring date's span", () => {
    const csv = "name_de,name_en,joined,left,rejoined\nA,A,1999-05-01,1999,2003\nB,B,1990,2003-05-03,2003\nC,C,1995,,";
    const result = parseMembershipTable(csv, { asOf });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const factSet = toFactSet(result.membership, {
      id: "t",
      title: { de: "T", en: "T" },
      organization: { name: { de: "die Union", en: "the Union" }, dative: { de: "der Union", en: "the Union" } },
      asOf,
    });
    expect(factSet.accessions.map((a) => [a.id, a.date, a.left ?? ""])).toEqual([
      ["a-1", "1999-05-01", "1999-01-01"],
      ["a-2", "2003-01-01", ""],
      ["b-1", "1990-01-01", "2003-05-03"],
      ["b-2", "2003-01-01", ""],
      ["c-1", "1995-01-01", ""],
    ]);
  });

  it("caps rows at 1,000 and size at 1 MB", () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `M${i},N${i},1999`).join("\n");
    const tooMany = parseMembershipTable(`name_de,name_en,joined\n${rows}`, { asOf });
    expect(!tooMany.ok && tooMany.problems[0]?.code).toBe("too-many-rows");
    const big = parseMembershipTable(`name_de,name_en,joined\nA,${"x".repeat(1024 * 1024)},1999`, { asOf });
    expect(!big.ok && big.problems[0]?.code).toBe("too-large");
    const exactly = parseMembershipTable(`name_de,name_en,joined\n${rows.split("\n").slice(0, 1000).join("\n")}`, { asOf });
    expect(exactly.ok).toBe(true);
  });
});
