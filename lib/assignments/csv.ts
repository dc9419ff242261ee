import Papa from "papaparse";

/**
 * CSV that spreadsheet programs open correctly and safely:
 * - UTF-8 with a byte-order mark, so Excel does not read "Müller" as "MÃ¼ller";
 * - every field quoted, lines ended with CRLF (RFC 4180);
 * - no formula injection: a cell starting with =, +, -, @, tab or carriage return is prefixed
 *   with an apostrophe, so a learner named "=HYPERLINK(…)" is shown as text, never run.
 * The delimiter is a choice: German spreadsheet programs expect ";" (the comma is their
 * decimal separator), English ones ",".
 */

export const byteOrderMark = "\uFEFF";
const formulaTriggers = new Set(["=", "+", "-", "@", "\t", "\r"]);

export type CsvValue = string | number | boolean | null | undefined;

/** One cell as text, defused: `'` before a leading =, +, -, @, tab or CR. */
export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  return text.length > 0 && formulaTriggers.has(text[0]!) ? `'${text}` : text;
}

/** A whole CSV document: BOM, quoted and escaped cells, CRLF between rows and after the last. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { delimiter?: "," | ";" } = {}): string {
  const body = Papa.unparse(
    rows.map((row) => row.map(escapeCsvCell)),
    { quotes: true, newline: "\r\n", delimiter: options.delimiter ?? ",", escapeFormulae: false, header: false },
  );
  return `${byteOrderMark}${body}\r\n`;
}

/** A file name safe in a Content-Disposition header: ASCII letters, digits and dashes, then ".csv". */
export function toCsvFileName(...parts: string[]): string {
  const slug = parts
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `${slug || "export"}.csv`;
}

/** German spreadsheet programs split on ";" (the comma is their decimal separator); English ones on ",". */
export function csvDelimiterFor(locale: string): "," | ";" {
  return locale === "de" ? ";" : ",";
}

/** A score 0..1 as a whole percentage, which spreadsheets read as a number in every locale; "" for none. */
export function toPercent(score: number | null): number | string {
  return score === null ? "" : Math.round(score * 100);
}

/**
 * "2026-03-02 09:00" (or "2026-03-02" with `dateOnly`) in `timeZone`: the form spreadsheet
 * programs parse as a date in every locale.
 */
export function formatCsvDate(date: Date, options: { dateOnly?: boolean; timeZone?: string } = {}): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: options.timeZone ?? "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return options.dateOnly ? day : `${day} ${parts.hour}:${parts.minute}`;
}
