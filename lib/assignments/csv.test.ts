import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { byteOrderMark, csvDelimiterFor, escapeCsvCell, formatCsvDate, toCsv, toCsvFileName, toPercent } from "./csv";

describe("escapeCsvCell", () => {
  it("prefixes an apostrophe to every cell starting with =, +, -, @, tab or CR", () => {
    expect(escapeCsvCell("=HYPERLINK(\"http://evil.example\",\"x\")")).toBe("'=HYPERLINK(\"http://evil.example\",\"x\")");
    expect(escapeCsvCell("+41 79 123")).toBe("'+41 79 123");
    expect(escapeCsvCell("-2+3")).toBe("'-2+3");
    expect(escapeCsvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(escapeCsvCell("\t=1+1")).toBe("'\t=1+1");
    expect(escapeCsvCell("\r=1+1")).toBe("'\r=1+1");
    expect(escapeCsvCell(-5)).toBe("'-5");
  });

  it("leaves everything else as it is", () => {
    for (const safe of ["Anna Müller", "a=b", "1+1", "x@y.z", "", " =not first", "'quoted", "85", "Bündnis \"90\""]) {
      expect(escapeCsvCell(safe)).toBe(safe);
    }
    expect(escapeCsvCell(85)).toBe("85");
    expect(escapeCsvCell(0.5)).toBe("0.5");
    expect(escapeCsvCell(true)).toBe("true");
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell(Number.NaN)).toBe("");
  });

  it("defuses every trigger at the start of any text", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r"]) {
      for (const rest of ["", "1", "cmd|' /C calc'!A0", "=2"]) {
        const cell = escapeCsvCell(trigger + rest);
        expect(cell.startsWith("'")).toBe(true);
        expect(cell.slice(1)).toBe(trigger + rest);
      }
    }
  });
});

describe("toCsv", () => {
  const rows = [
    ["Name", "Score"],
    ["Anna Müller", 85],
    ["=cmd()", "say \"hi\", then\nleave"],
    ["", null],
  ];

  it("starts with a BOM, quotes every field, ends lines with CRLF", () => {
    const csv = toCsv(rows);
    expect(csv.startsWith(byteOrderMark)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe('"Name","Score"');
    expect(lines[1]).toBe('"Anna Müller","85"');
    expect(lines[2]).toBe('"\'=cmd()","say ""hi"", then\nleave"');
    expect(lines[3]).toBe('"",""');
    expect(lines[4]).toBe("");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("round-trips through a CSV parser, with the injection defused", () => {
    const parsed = Papa.parse<string[]>(toCsv(rows, { delimiter: ";" }).slice(1), { delimiter: ";", newline: "\r\n", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ["Name", "Score"],
      ["Anna Müller", "85"],
      ["'=cmd()", 'say "hi", then\nleave'],
      ["", ""],
    ]);
  });

  it("uses the chosen delimiter", () => {
    expect(toCsv([["a", "b"]], { delimiter: ";" })).toBe(`${byteOrderMark}"a";"b"\r\n`);
  });
});

describe("toCsvFileName", () => {
  it("keeps only safe characters", () => {
    expect(toCsvFileName("Klasse 7b", "Noten")).toBe("Klasse-7b-Noten.csv");
    expect(toCsvFileName("Über/../\"x\"")).toBe("Uber-x.csv");
    expect(toCsvFileName("")).toBe("export.csv");
  });
});

describe("spreadsheet formats", () => {
  it("picks the delimiter German and English spreadsheets expect", () => {
    expect(csvDelimiterFor("de")).toBe(";");
    expect(csvDelimiterFor("en")).toBe(",");
  });

  it("writes scores as whole percentages and dates in Berlin time", () => {
    expect(toPercent(0.666)).toBe(67);
    expect(toPercent(null)).toBe("");
    expect(formatCsvDate(new Date("2026-07-12T12:05:00Z"))).toBe("2026-07-12 14:05");
    expect(formatCsvDate(new Date("2026-01-12T23:30:00Z"))).toBe("2026-01-13 00:30");
    expect(formatCsvDate(new Date("2026-01-12T23:30:00Z"), { dateOnly: true })).toBe("2026-01-13");
    expect(formatCsvDate(new Date("2026-01-12T23:30:00Z"), { timeZone: "UTC" })).toBe("2026-01-12 23:30");
  });
});
