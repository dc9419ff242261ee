import Papa from "papaparse";
import { normalizeSpelling } from "./fact-queries";
import type { Member, MembershipGroup, Membership, PartialDate } from "./membership";
import type { DatePrecision, Locale } from "./schema";

/**
 * Reads a membership table (CSV, semicolon- or tab-separated; UTF-8 with or without BOM; a
 * header row) into the membership model, or into every problem found, each by row and column.
 *
 * Columns: `name_de`, `name_en`, `joined` (required); `left`, `rejoined`, `founding`,
 * `aliases_de`, `aliases_en` (aliases separated by `|`) and any number of
 * `group:<German label>|<English label>` columns with yes/no values. Dates are YYYY-MM-DD,
 * YYYY-MM or YYYY. Cells are data, never formulas: "=1+1" stays the text "=1+1".
 */

export const maxTableRows = 1000;
export const maxTableBytes = 1024 * 1024;

export type TableProblem =
  | { code: "too-large"; bytes: number }
  | { code: "too-many-rows"; rows: number }
  | { code: "empty" }
  | { code: "missing-column"; column: string }
  | { code: "unknown-column"; column: string }
  | { code: "duplicate-column"; column: string }
  | { code: "bad-group-column"; column: string }
  | { code: "required"; row: number; column: string }
  | { code: "not-a-date"; row: number; column: string; value: string }
  | { code: "in-future"; row: number; column: string; value: string; asOf: string }
  | { code: "not-yes-no"; row: number; column: string; value: string }
  | { code: "left-before-joined"; row: number; column: string; value: string }
  | { code: "rejoined-without-left"; row: number; column: string }
  | { code: "rejoined-before-left"; row: number; column: string; value: string }
  | { code: "duplicate-name"; row: number; column: string; value: string; otherRow: number }
  | { code: "founding-date"; row: number; column: string; value: string }
  | { code: "earliest-not-founding"; row: number; column: string; value: string }
  | { code: "wrong-cell-count"; row: number; found: number; expected: number };

export type TableResult = { ok: true; membership: Membership } | { ok: false; problems: TableProblem[] };

export interface TableOptions {
  /** No date may lie after this day (YYYY-MM-DD): the table is complete up to it. */
  asOf: string;
}

const fixedColumns = ["name_de", "name_en", "joined", "left", "rejoined", "founding", "aliases_de", "aliases_en"] as const;
const requiredColumns = ["name_de", "name_en", "joined"] as const;
const yes = new Set(["yes", "ja", "y", "j", "true", "1", "x", "wahr"]);
const no = new Set(["no", "nein", "n", "false", "0", "", "falsch"]);

/**
 * Parses the table. Row numbers count as a spreadsheet shows them: the header is row 1, so the
 * first member is row 2. Problems are all collected (up to a limit), not only the first.
 */
export function parseMembershipTable(input: string, options: TableOptions): TableResult {
  const bytes = new TextEncoder().encode(input).length;
  if (bytes > maxTableBytes) return { ok: false, problems: [{ code: "too-large", bytes }] };
  const text = input.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: "greedy",
    // Types stay text: papaparse's dynamicTyping would turn "1949" into a number and "=…" is never evaluated.
    dynamicTyping: false,
  });
  const rows = parsed.data;
  const header = rows[0];
  if (!header || header.every((cell) => cell.trim() === "")) return { ok: false, problems: [{ code: "empty" }] };
  const body = rows.slice(1);
  if (body.length > maxTableRows) return { ok: false, problems: [{ code: "too-many-rows", rows: body.length }] };
  if (body.length === 0) return { ok: false, problems: [{ code: "empty" }] };

  const problems: TableProblem[] = [];
  const columnIndex = new Map<string, number>();
  const groups: (MembershipGroup & { column: number; header: string })[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (key.startsWith("group:")) {
      const [de, en, ...rest] = name.slice("group:".length).split("|").map((part) => part.trim());
      if (!de || !en || rest.length > 0) {
        problems.push({ code: "bad-group-column", column: name });
        return;
      }
      if (groups.some((g) => g.header.toLowerCase() === key)) {
        problems.push({ code: "duplicate-column", column: name });
        return;
      }
      groups.push({ id: uniqueSlug(en, "group", new Set(groups.map((g) => g.id))), label: { de, en }, column: i, header: name });
      return;
    }
    if (!(fixedColumns as readonly string[]).includes(key)) {
      if (name !== "") problems.push({ code: "unknown-column", column: name });
      return;
    }
    if (columnIndex.has(key)) problems.push({ code: "duplicate-column", column: key });
    else columnIndex.set(key, i);
  });
  for (const column of requiredColumns) if (!columnIndex.has(column)) problems.push({ code: "missing-column", column });
  if (problems.length > 0) return { ok: false, problems };

  const cell = (row: string[], column: string): string => {
    const i = columnIndex.get(column);
    return i === undefined ? "" : (row[i] ?? "").trim();
  };
  const spellingOwner = new Map<string, number>();
  const ids = new Set<string>();
  const members: (Member & { row: number })[] = [];

  body.forEach((cells, i) => {
    const row = i + 2;
    // Spreadsheets drop trailing empty cells when pasting; only extra filled cells are wrong.
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      problems.push({ code: "wrong-cell-count", row, found: cells.length, expected: header.length });
      return;
    }
    const name = { de: cell(cells, "name_de"), en: cell(cells, "name_en") };
    if (!name.de) problems.push({ code: "required", row, column: "name_de" });
    if (!name.en) problems.push({ code: "required", row, column: "name_en" });
    const aliases = { de: splitAliases(cell(cells, "aliases_de")), en: splitAliases(cell(cells, "aliases_en")) };

    const date = (column: string, required: boolean): PartialDate | undefined | null => {
      const value = cell(cells, column);
      if (value === "") {
        if (required) problems.push({ code: "required", row, column });
        return required ? null : undefined;
      }
      const parsedDate = parsePartialDate(value);
      if (!parsedDate) {
        problems.push({ code: "not-a-date", row, column, value });
        return null;
      }
      if (parsedDate.date > options.asOf) {
        problems.push({ code: "in-future", row, column, value, asOf: options.asOf });
        return null;
      }
      return parsedDate;
    };
    const joined = date("joined", true);
    const left = date("left", false);
    const rejoined = date("rejoined", false);
    if (joined && left && lastDay(left) < joined.date) {
      problems.push({ code: "left-before-joined", row, column: "left", value: cell(cells, "left") });
    }
    if (rejoined && left === undefined) problems.push({ code: "rejoined-without-left", row, column: "rejoined" });
    if (rejoined && left && lastDay(rejoined) < left.date) {
      problems.push({ code: "rejoined-before-left", row, column: "rejoined", value: cell(cells, "rejoined") });
    }

    const flag = (column: string, index: number, header: string): boolean | null => {
      const value = (cells[index] ?? "").trim();
      if (yes.has(value.toLowerCase())) return true;
      if (no.has(value.toLowerCase())) return false;
      problems.push({ code: "not-yes-no", row, column: header, value });
      return null;
    };
    const foundingIndex = columnIndex.get("founding");
    const founding = foundingIndex === undefined ? false : flag("founding", foundingIndex, "founding");
    const memberGroups = groups.filter((g) => flag(g.header, g.column, g.header) === true).map((g) => g.id);

    // No two members may share a spelling a learner could type (names and aliases, every locale).
    const spellings: [string, string][] = [
      ["name_de", name.de],
      ["name_en", name.en],
      ...aliases.de.map((a): [string, string] => ["aliases_de", a]),
      ...aliases.en.map((a): [string, string] => ["aliases_en", a]),
    ];
    for (const [column, spelling] of spellings) {
      const key = normalizeSpelling(spelling);
      if (key === "") continue;
      const otherRow = spellingOwner.get(key);
      if (otherRow !== undefined && otherRow !== row) problems.push({ code: "duplicate-name", row, column, value: spelling, otherRow });
      else spellingOwner.set(key, row);
    }

    if (!joined || left === null || rejoined === null || founding === null || !name.de || !name.en) return;
    const id = uniqueSlug(name.en, `m${row}`, ids);
    ids.add(id);
    const periods = [{ joined, ...(left ? { left } : {}) }, ...(rejoined ? [{ joined: rejoined }] : [])];
    members.push({ row, id, name, aliases: withoutNames(aliases, name), founding, groups: memberGroups, periods });
  });

  // Founders: one shared join date, the earliest; anyone else joining then must be a founder too.
  const founders = members.filter((m) => m.founding);
  if (founders.length > 0) {
    const first = (m: Member) => m.periods[0]?.joined.date ?? "";
    const earliest = members.reduce((min, m) => (first(m) < min ? first(m) : min), first(members[0] as Member));
    for (const member of members) {
      const joined = member.periods[0]?.joined;
      if (!joined) continue;
      const value = formatPartialDate(joined);
      if (member.founding && joined.date !== earliest) problems.push({ code: "founding-date", row: member.row, column: "joined", value });
      if (!member.founding && joined.date === earliest) {
        problems.push({ code: "earliest-not-founding", row: member.row, column: "founding", value });
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 200) };
  return {
    ok: true,
    membership: {
      members: members.map(({ row: _row, ...member }) => member),
      groups: groups.map(({ id, label }) => ({ id, label })),
    },
  };
}

/** "2004-05-01", "2004-05" or "2004", if it names a real day, month or year. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (year < 1) return undefined;
  if (month === undefined) return { date: `${match[1]}-01-01`, precision: "year" };
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { date: `${match[1]}-${match[2]}-01`, precision: "month" };
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return undefined;
  return { date: value, precision: "day" };
}

function formatPartialDate(date: PartialDate): string {
  return date.precision === "day" ? date.date : date.precision === "month" ? date.date.slice(0, 7) : date.date.slice(0, 4);
}

/** The last day a partial date may stand for. */
function lastDay(date: PartialDate): string {
  const precision: DatePrecision = date.precision;
  if (precision === "day") return date.date;
  if (precision === "year") return `${date.date.slice(0, 4)}-12-31`;
  const [y, m] = [Number(date.date.slice(0, 4)), Number(date.date.slice(5, 7))];
  return `${date.date.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function splitAliases(value: string): string[] {
  return [...new Set(value.split("|").map((a) => a.trim()).filter(Boolean))];
}

/** Aliases that merely repeat a name (or each other, after normalisation) are dropped. */
function withoutNames(aliases: { de: string[]; en: string[] }, name: { de: string; en: string }) {
  const names = new Set([normalizeSpelling(name.de), normalizeSpelling(name.en)]);
  const keep = (list: string[]) => list.filter((a) => !names.has(normalizeSpelling(a)));
  return { de: keep(aliases.de), en: keep(aliases.en) };
}

function uniqueSlug(text: string, fallback: string, taken: Set<string>): string {
  const base =
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || fallback;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * One problem as a sentence in the person's language, naming row and column where it has
 * them: "Zeile 7, Spalte joined: „2004-13-01“ ist kein Datum".
 */
export function describeTableProblem(problem: TableProblem, locale: Locale): string {
  const de = locale === "de";
  const q = (v: string) => (de ? `„${v}“` : `“${v}”`);
  const at = "row" in problem ? ("column" in problem ? (de ? `Zeile ${problem.row}, Spalte ${problem.column}: ` : `Row ${problem.row}, column ${problem.column}: `) : de ? `Zeile ${problem.row}: ` : `Row ${problem.row}: `) : "";
  const mb = (maxTableBytes / 1024 / 1024).toLocaleString(locale);
  switch (problem.code) {
    case "too-large":
      return de ? `Die Tabelle ist zu groß (höchstens ${mb} MB).` : `The table is too large (at most ${mb} MB).`;
    case "too-many-rows":
      return de
        ? `Die Tabelle hat ${problem.rows.toLocaleString("de")} Zeilen; erlaubt sind höchstens ${maxTableRows.toLocaleString("de")}.`
        : `The table has ${problem.rows.toLocaleString("en")} rows; at most ${maxTableRows.toLocaleString("en")} are allowed.`;
    case "empty":
      return de ? "Die Tabelle braucht eine Kopfzeile und mindestens eine Zeile mit einem Mitglied." : "The table needs a header row and at least one member row.";
    case "missing-column":
      return de ? `Spalte ${problem.column} fehlt in der Kopfzeile.` : `Column ${problem.column} is missing from the header row.`;
    case "unknown-column":
      return de ? `Spalte ${q(problem.column)} ist unbekannt.` : `Column ${q(problem.column)} is not known.`;
    case "duplicate-column":
      return de ? `Spalte ${problem.column} kommt doppelt vor.` : `Column ${problem.column} appears twice.`;
    case "bad-group-column":
      return de
        ? `Spalte ${q(problem.column)}: Gruppenspalten heißen group:<deutscher Name>|<englischer Name>.`
        : `Column ${q(problem.column)}: group columns are headed group:<German label>|<English label>.`;
    case "required":
      return at + (de ? "Hier fehlt ein Wert." : "A value is missing here.");
    case "not-a-date":
      return at + (de ? `${q(problem.value)} ist kein Datum (JJJJ-MM-TT, JJJJ-MM oder JJJJ).` : `${q(problem.value)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY).`);
    case "in-future":
      return at + (de ? `${q(problem.value)} liegt nach dem Stand ${problem.asOf}.` : `${q(problem.value)} is after the as-of date ${problem.asOf}.`);
    case "not-yes-no":
      return at + (de ? `${q(problem.value)} ist weder ja noch nein.` : `${q(problem.value)} is neither yes nor no.`);
    case "left-before-joined":
      return at + (de ? `Austritt ${q(problem.value)} liegt vor dem Beitritt.` : `Leaving ${q(problem.value)} is before joining.`);
    case "rejoined-without-left":
      return at + (de ? "Ein Wiedereintritt braucht ein Austrittsdatum in Spalte left." : "A rejoin needs a leaving date in column left.");
    case "rejoined-before-left":
      return at + (de ? `Wiedereintritt ${q(problem.value)} liegt vor dem Austritt.` : `Rejoining ${q(problem.value)} is before leaving.`);
    case "duplicate-name":
      return at + (de ? `${q(problem.value)} steht schon in Zeile ${problem.otherRow}; jeder Name muss eindeutig sein.` : `${q(problem.value)} is already used in row ${problem.otherRow}; every name must be unique.`);
    case "founding-date":
      return at + (de ? `Gründungsmitglieder müssen alle am frühesten Datum beitreten, nicht ${q(problem.value)}.` : `Founding members must all join on the earliest date, not ${q(problem.value)}.`);
    case "earliest-not-founding":
      return at + (de ? `Wer am Gründungsdatum ${q(problem.value)} beitrat, ist Gründungsmitglied: hier ja eintragen.` : `Joining on the founding date ${q(problem.value)} makes a founding member: enter yes here.`);
    case "wrong-cell-count":
      return at + (de ? `${problem.found} Zellen statt ${problem.expected} wie in der Kopfzeile.` : `${problem.found} cells instead of ${problem.expected} as in the header row.`);
  }
}
