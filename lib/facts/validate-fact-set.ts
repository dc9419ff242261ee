import { normalizeSpelling } from "./fact-queries";
import { factSet as factSetSchema, type FactSet } from "./schema";

/** One thing wrong with a fact set file, at a field path like `accessions[3].date`. */
export interface FactSetIssue {
  path: string;
  message: string;
}

/** A fact set file that does not match the schema or breaks a cross-field rule. */
export class InvalidFactSetError extends Error {
  readonly fileName: string;
  readonly issues: FactSetIssue[];

  constructor(fileName: string, issues: FactSetIssue[]) {
    super(issues.map((issue) => `${fileName}: ${issue.path}: ${issue.message}`).join("\n"));
    this.name = "InvalidFactSetError";
    this.fileName = fileName;
    this.issues = issues;
  }
}

/**
 * Parses a fact set and enforces the rules the zod schema cannot express (a rejoin is a
 * second accession after the first one's `left` date; groups referenced by members exist, and none is both a member's and unclear for it):
 * - ids of sources, countries, accessions and events are unique (accession and event ids
 *   together, since both are fact ids);
 * - every `accession.country`, `event.invited`, `event.launched` and source `ref` (on countries,
 *   accessions and events) resolves;
 * - every date is a real calendar day, no fact is dated after `asOf`, and `endDate >= date`;
 * - a country has at most one accession;
 * - exactly the `founding` accessions share the earliest accession date;
 * - no two countries (and no two events) share an accepted spelling after normalisation.
 *
 * Throws InvalidFactSetError naming `fileName` and the field path of each problem.
 */
export function parseFactSet(json: unknown, fileName: string): FactSet {
  const parsed = factSetSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidFactSetError(
      fileName,
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  const issues = crossFieldIssues(parsed.data);
  if (issues.length > 0) throw new InvalidFactSetError(fileName, issues);
  return parsed.data;
}

function crossFieldIssues(set: FactSet): FactSetIssue[] {
  const issues: FactSetIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });

  const sourceIds = checkUniqueIds(set.sources, "sources", "source", report);
  const countryIds = checkUniqueIds(set.countries, "countries", "country", report);
  const eventIds = checkUniqueIds(set.events, "events", "event", report);
  checkUniqueIds(set.accessions, "accessions", "accession", report);
  const accessionIds = new Set(set.accessions.map((a) => a.id));
  set.events.forEach((event, i) => {
    if (accessionIds.has(event.id)) report(`events[${i}].id`, `fact id "${event.id}" is also an accession id`);
  });

  checkDate(set.asOf, "asOf", set.asOf, report);
  set.countries.forEach((country, i) => checkSources(country.sources ?? [], `countries[${i}]`, sourceIds, report));

  const accessionIndexByCountry = new Map<string, number>();
  set.accessions.forEach((accession, i) => {
    const at = `accessions[${i}]`;
    if (!countryIds.has(accession.country)) report(`${at}.country`, `unknown country "${accession.country}"`);
    const previous = accessionIndexByCountry.get(accession.country);
    const previousLeft = previous === undefined ? undefined : set.accessions[previous]?.left;
    // A second accession is a rejoin: only after the previous membership ended.
    if (previous !== undefined && !(previousLeft !== undefined && previousLeft <= lastDayOf(accession.date, accession.precision))) {
      report(`${at}.country`, `country "${accession.country}" already has an accession (accessions[${previous}])`);
    }
    accessionIndexByCountry.set(accession.country, i);
    checkDate(accession.date, `${at}.date`, set.asOf, report);
    if (accession.left !== undefined && checkDate(accession.left, `${at}.left`, set.asOf, report) && lastDayOf(accession.left, accession.leftPrecision) < accession.date) {
      report(`${at}.left`, `left (${accession.left}) before joining (${accession.date})`);
    }
    checkSources(accession.sources, at, sourceIds, report);
  });

  set.events.forEach((event, i) => {
    const at = `events[${i}]`;
    const dateOk = checkDate(event.date, `${at}.date`, set.asOf, report);
    if (event.endDate !== undefined) {
      const endOk = checkDate(event.endDate, `${at}.endDate`, set.asOf, report);
      if (dateOk && endOk && event.endDate < event.date) {
        report(`${at}.endDate`, `ends (${event.endDate}) before it starts (${event.date})`);
      }
    }
    event.launched.forEach((id, j) => {
      if (!eventIds.has(id)) report(`${at}.launched[${j}]`, `unknown event "${id}"`);
      else if (id === event.id) report(`${at}.launched[${j}]`, "an event cannot launch itself");
    });
    event.invited.forEach((id, j) => {
      if (!countryIds.has(id)) report(`${at}.invited[${j}]`, `unknown country "${id}"`);
    });
    checkSources(event.sources, at, sourceIds, report);
  });

  const groupIds = checkUniqueIds(set.groups ?? [], "groups", "group", report);
  set.countries.forEach((country, i) =>
    (country.groups ?? []).forEach((id, j) => {
      if (!groupIds.has(id)) report(`countries[${i}].groups[${j}]`, `unknown group "${id}"`);
    }),
  );
  set.countries.forEach((country, i) =>
    (country.unclearGroups ?? []).forEach((id, j) => {
      if (!groupIds.has(id)) report(`countries[${i}].unclearGroups[${j}]`, `unknown group "${id}"`);
      // Either a member, or unclear: never both.
      else if ((country.groups ?? []).includes(id)) report(`countries[${i}].unclearGroups[${j}]`, `"${id}" is also among the member's groups`);
    }),
  );
  // A table need not say who founded the organisation; then no founding question is asked.
  if (set.foundingDate !== "joined" || set.accessions.some((a) => a.founding)) checkFounding(set, report);
  checkSpellingCollisions(set.countries, "countries", "country", report);
  checkSpellingCollisions(set.events, "events", "event", report);
  return issues;
}

type Report = (path: string, message: string) => void;

function checkUniqueIds(items: { id: string }[], field: string, noun: string, report: Report): Set<string> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first !== undefined) report(`${field}[${i}].id`, `duplicate ${noun} id "${item.id}" (first at ${field}[${first}])`);
    else firstIndex.set(item.id, i);
  });
  return new Set(firstIndex.keys());
}

function checkSources(sources: { ref: string }[], at: string, sourceIds: Set<string>, report: Report) {
  sources.forEach((source, j) => {
    if (!sourceIds.has(source.ref)) report(`${at}.sources[${j}].ref`, `unknown source "${source.ref}"`);
  });
}

/** The day must exist (no 2023-02-30) and, for facts, not lie after the set's `asOf`. */
function checkDate(date: string, path: string, asOf: string, report: Report): boolean {
  if (!isCalendarDate(date)) {
    report(path, `"${date}" is not a calendar date`);
    return false;
  }
  if (path !== "asOf" && isCalendarDate(asOf) && date > asOf) {
    report(path, `${date} is after the fact set's asOf date ${asOf}`);
    return false;
  }
  return true;
}

/** The last day a date of this precision may stand for (a year known only as 1999 may mean 1999-12-31). */
function lastDayOf(date: string, precision: "year" | "month" | "day" | undefined): string {
  if (!precision || precision === "day") return date;
  if (precision === "year") return `${date.slice(0, 4)}-12-31`;
  const last = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/** The founders are exactly the accessions on the earliest date: none earlier, none later, none missing. */
function checkFounding(set: FactSet, report: Report) {
  const founding = set.accessions.filter((a) => a.founding);
  if (founding.length === 0) {
    report("accessions", "no accession is marked founding");
    return;
  }
  const earliest = set.accessions.reduce((min, a) => (a.date < min ? a.date : min), set.accessions[0]!.date);
  set.accessions.forEach((accession, i) => {
    if (accession.founding && accession.date !== earliest) {
      report(`accessions[${i}].date`, `founding accession dated ${accession.date}, not the earliest date ${earliest}`);
    }
    if (!accession.founding && accession.date === earliest) {
      report(`accessions[${i}].founding`, `accession on the founding date ${earliest} must be marked founding`);
    }
  });
}

/**
 * Two different entities must never accept the same spelling, or a typed answer would be
 * ambiguous. The clash is reported at the later spelling and names the earlier one.
 */
function checkSpellingCollisions(
  entities: { id: string; name: { de: string; en: string }; aliases: { de: string[]; en: string[] } }[],
  field: string,
  noun: string,
  report: Report,
) {
  const owner = new Map<string, { index: number; path: string }>();
  entities.forEach((entity, i) => {
    const spellings: [string, string][] = [
      [`${field}[${i}].name.de`, entity.name.de],
      [`${field}[${i}].name.en`, entity.name.en],
      ...entity.aliases.de.map((alias, j): [string, string] => [`${field}[${i}].aliases.de[${j}]`, alias]),
      ...entity.aliases.en.map((alias, j): [string, string] => [`${field}[${i}].aliases.en[${j}]`, alias]),
    ];
    for (const [path, spelling] of spellings) {
      const key = normalizeSpelling(spelling);
      if (key === "") {
        report(path, "spelling is empty after normalisation");
        continue;
      }
      const first = owner.get(key);
      if (first === undefined) owner.set(key, { index: i, path });
      else if (first.index !== i) {
        report(path, `"${spelling}" is also accepted for ${noun} "${entities[first.index]!.id}" (${first.path})`);
      }
    }
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}
