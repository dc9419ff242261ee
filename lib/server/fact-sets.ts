import { createHash } from "node:crypto";
import type { FactSet } from "../facts/schema";
import { parseFactSet } from "../facts/validate-fact-set";
import { db, type Db } from "./db";
import { NotFoundError } from "./errors";

/** SHA-256 of a fact set's canonical JSON: cached parses are keyed by it. */
export function checksumFactSet(factSet: FactSet): string {
  return createHash("sha256").update(JSON.stringify(factSet)).digest("hex");
}

/**
 * Imports validated fact sets into the database (the seed step). Unchanged sets are left alone,
 * so seeding is idempotent and safe to run on every start.
 */
export async function importFactSets(factSets: FactSet[], client: Db = db): Promise<{ id: string; changed: boolean }[]> {
  const results: { id: string; changed: boolean }[] = [];
  for (const factSet of factSets) {
    const checksum = checksumFactSet(factSet);
    const existing = await client.factSet.findUnique({ where: { id: factSet.id }, select: { checksum: true } });
    if (existing?.checksum === checksum) {
      results.push({ id: factSet.id, changed: false });
      continue;
    }
    const data = { version: factSet.version, title: JSON.stringify(factSet.title), content: JSON.stringify(factSet), checksum };
    await client.factSet.upsert({ where: { id: factSet.id }, create: { id: factSet.id, ...data }, update: data });
    results.push({ id: factSet.id, changed: true });
  }
  return results;
}

const parsedByChecksum = new Map<string, FactSet>();

function parseStored(row: { id: string; content: string; checksum: string }): FactSet {
  let factSet = parsedByChecksum.get(row.checksum);
  if (!factSet) {
    // Validated again on load: the database is not trusted more than the file was.
    factSet = parseFactSet(JSON.parse(row.content), `database fact set "${row.id}"`);
    parsedByChecksum.set(row.checksum, factSet);
  }
  return factSet;
}

/** The parsed fact set with this checksum, if this process has parsed it already (no database read). */
export function getCachedFactSet(checksum: string): FactSet | undefined {
  return parsedByChecksum.get(checksum);
}

/**
 * The fact set with this id, as last imported; NotFoundError if there is none.
 *
 * Reads only the checksum, and the content (about 100 kB) only when no parse of that checksum
 * is cached: every answer needs the fact set, and moving its text per request was a measurable
 * share of answer submission (issue 6). Keyed by checksum, the cache cannot go stale when a
 * fact set is re-imported, on this instance or another.
 */
export async function getStoredFactSet(id: string): Promise<FactSet> {
  const row = await db.factSet.findUnique({ where: { id }, select: { checksum: true } });
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return parsedByChecksum.get(row.checksum) ?? loadStored(id);
}

async function loadStored(id: string): Promise<FactSet> {
  const row = await db.factSet.findUnique({ where: { id }, select: { id: true, content: true, checksum: true } });
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return parseStored(row);
}

/** Every imported fact set, by title (contents read only for checksums not parsed yet). */
export async function listStoredFactSets(): Promise<FactSet[]> {
  const rows = await db.factSet.findMany({ select: { id: true, checksum: true }, orderBy: { id: "asc" } });
  return Promise.all(rows.map((row) => parsedByChecksum.get(row.checksum) ?? loadStored(row.id)));
}

/** The fact ids a question or review stores, comma-joined in one column, as a list. */
export function splitStoredFactIds(ids: string): string[] {
  return ids ? ids.split(",").filter(Boolean) : [];
}
