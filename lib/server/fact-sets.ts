import { createHash, randomBytes } from "node:crypto";
import type { FactSet, LocalizedText } from "../facts/schema";
import { parseFactSet } from "../facts/validate-fact-set";
import { db, type Db } from "./db";
import { NotFoundError } from "./errors";

/** SHA-256 of a fact set's canonical JSON: cached parses are keyed by it. */
export function checksumFactSet(factSet: FactSet): string {
  return createHash("sha256").update(JSON.stringify(factSet)).digest("hex");
}

/**
 * Fact sets: the only code that reads or writes the FactSet, FactSetVersion and FactSetShare
 * tables, and the one place that decides who may see which set.
 *
 * Visibility (applied by every function that takes a user):
 * - a shipped set (ownerId null, from data/) is public, to guests too;
 * - an imported set is visible to its author, to the learners of the classes the author shared
 *   it with (while they are in the class), and to the teacher and learners of any class with an
 *   assignment on it;
 * - to everyone else it does not exist: NotFoundError, a 404, never a 403 that confirms it.
 *
 * Versions: every import or re-import is a FactSetVersion; a quiz names the version it was
 * generated from (Quiz.factSetVersion) and is graded against that version's facts.
 */

/**
 * Imports validated fact sets into the database (the seed step). Unchanged sets are left alone,
 * so seeding is idempotent and safe to run on every start.
 */
export async function importFactSets(factSets: FactSet[], client: Db = db): Promise<{ id: string; changed: boolean }[]> {
  const results: { id: string; changed: boolean }[] = [];
  for (const factSet of factSets) {
    const checksum = checksumFactSet(factSet);
    const existing = await client.factSet.findUnique({ where: { id: factSet.id }, select: { checksum: true, ownerId: true } });
    // An imported set can never be taken over by a shipped file with the same id.
    if (existing && existing.ownerId !== null) throw new Error(`fact set id "${factSet.id}" is taken by an imported set`);
    if (existing?.checksum === checksum) {
      results.push({ id: factSet.id, changed: false });
      continue;
    }
    const content = JSON.stringify(factSet);
    const data = { version: factSet.version, title: JSON.stringify(factSet.title), content, checksum };
    await client.factSet.upsert({ where: { id: factSet.id }, create: { id: factSet.id, ...data }, update: data });
    const version = { content, checksum };
    await client.factSetVersion.upsert({
      where: { factSetId_version: { factSetId: factSet.id, version: factSet.version } },
      create: { factSetId: factSet.id, version: factSet.version, ...version },
      update: version,
    });
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

/** Who is asking: a user's id, or null for someone without a session. */
export type Viewer = string | null;

/** The rows a viewer may see through ownership or a share (assignments are checked apart: no relation). */
function visibleWhere(viewer: Viewer): FactSetWhere {
  if (viewer === null) return { ownerId: null };
  return {
    OR: [
      { ownerId: null },
      { ownerId: viewer },
      { shares: { some: { class: { members: { some: { userId: viewer, removedAt: null } } } } } },
    ],
  };
}
type FactSetWhere = NonNullable<NonNullable<Parameters<typeof db.factSet.findFirst>[0]>["where"]>;

/** Ids of fact sets with an assignment in a class the viewer teaches or is (still) a learner in. */
async function assignedFactSetIds(viewer: string, factSetId?: string): Promise<string[]> {
  const rows = await db.assignment.findMany({
    where: {
      ...(factSetId ? { factSetId } : {}),
      class: { OR: [{ teacherId: viewer }, { members: { some: { userId: viewer, removedAt: null } } }] },
    },
    select: { factSetId: true },
    distinct: ["factSetId"],
  });
  return rows.map((row) => row.factSetId);
}

async function loadByChecksum(id: string, checksum: string): Promise<FactSet> {
  return parsedByChecksum.get(checksum) ?? loadStored(id);
}

async function loadStored(id: string): Promise<FactSet> {
  const row = await db.factSet.findUnique({ where: { id }, select: { id: true, content: true, checksum: true } });
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return parseStored(row);
}

/**
 * The current version of the fact set with this id, if `viewer` may see it; NotFoundError
 * otherwise (unknown, or imported by someone who did not share it with the viewer).
 *
 * Reads only the checksum, and the content (about 100 kB) only when no parse of that checksum
 * is cached: every answer needs the fact set, and moving its text per request was a measurable
 * share of answer submission (issue 6). Keyed by checksum, the cache cannot go stale when a
 * fact set is re-imported, on this instance or another.
 */
export async function getVisibleFactSet(viewer: Viewer, id: string): Promise<FactSet> {
  let row: { checksum: string } | null = await db.factSet.findFirst({ where: { AND: [{ id }, visibleWhere(viewer)] }, select: { checksum: true } });
  if (!row && viewer !== null && (await assignedFactSetIds(viewer, id)).length > 0) {
    row = await db.factSet.findUnique({ where: { id }, select: { checksum: true } });
  }
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return loadByChecksum(id, row.checksum);
}

/** Every fact set `viewer` may see: the shipped ones first (by id), then imported ones by title. */
export async function listVisibleFactSets(viewer: Viewer): Promise<FactSet[]> {
  const assigned = viewer === null ? [] : await assignedFactSetIds(viewer);
  const where: FactSetWhere = assigned.length > 0 ? { OR: [visibleWhere(viewer), { id: { in: assigned } }] } : visibleWhere(viewer);
  const rows = await db.factSet.findMany({ where, select: { id: true, checksum: true, ownerId: true }, orderBy: { id: "asc" } });
  return sortForListing(rows, await Promise.all(rows.map((row) => loadByChecksum(row.id, row.checksum))));
}

/** The fact sets a teacher may set assignments on: the shipped ones and their own imports. */
export async function listAssignableFactSets(teacherId: string): Promise<FactSet[]> {
  const rows = await db.factSet.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: teacherId }] },
    select: { id: true, checksum: true, ownerId: true },
    orderBy: { id: "asc" },
  });
  return sortForListing(rows, await Promise.all(rows.map((row) => loadByChecksum(row.id, row.checksum))));
}

/** The current version of a set the teacher may assign (shipped or their own); NotFoundError otherwise. */
export async function getAssignableFactSet(teacherId: string, id: string): Promise<FactSet> {
  const row = await db.factSet.findFirst({ where: { id, OR: [{ ownerId: null }, { ownerId: teacherId }] }, select: { checksum: true } });
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return loadByChecksum(id, row.checksum);
}

function sortForListing(rows: { ownerId: string | null }[], factSets: FactSet[]): FactSet[] {
  const shipped = factSets.filter((_, i) => rows[i]!.ownerId === null);
  const imported = factSets.filter((_, i) => rows[i]!.ownerId !== null).sort((a, b) => a.title.en.localeCompare(b.title.en));
  return [...shipped, ...imported];
}

/**
 * The facts a quiz was generated from: version `version` of the set. For the attempts owner,
 * which has already scoped the quiz to its user, so no visibility check here: a learner keeps
 * their own attempts after leaving a class. Falls back to the current version for quizzes made
 * before versions were kept. NotFoundError if the set is gone.
 */
export async function getFactSetVersion(id: string, version: number): Promise<FactSet> {
  const row = await db.factSetVersion.findUnique({ where: { factSetId_version: { factSetId: id, version } }, select: { checksum: true } });
  if (!row) {
    const current = await db.factSet.findUnique({ where: { id }, select: { checksum: true } });
    if (!current) throw new NotFoundError(`fact set ${id}`);
    return loadByChecksum(id, current.checksum);
  }
  const cached = parsedByChecksum.get(row.checksum);
  if (cached) return cached;
  const stored = await db.factSetVersion.findUnique({
    where: { factSetId_version: { factSetId: id, version } },
    select: { content: true, checksum: true },
  });
  if (!stored) throw new NotFoundError(`fact set ${id} version ${version}`);
  return parseStored({ id, ...stored });
}

/** An imported set as its author's list shows it. */
export interface OwnFactSet {
  id: string;
  title: LocalizedText;
  version: number;
  memberCount: number;
  updatedAt: Date;
  /** Classes (of the author, a teacher) it is shared with. */
  sharedClassIds: string[];
  factSet: FactSet;
}

/** The sets `userId` imported, newest first. */
export async function listOwnFactSets(userId: string): Promise<OwnFactSet[]> {
  const rows = await db.factSet.findMany({
    where: { ownerId: userId },
    select: { id: true, checksum: true, version: true, updatedAt: true, shares: { select: { classId: true } } },
    orderBy: { updatedAt: "desc" },
  });
  return Promise.all(
    rows.map(async (row) => {
      const factSet = await loadByChecksum(row.id, row.checksum);
      return {
        id: row.id,
        title: factSet.title,
        version: row.version,
        memberCount: factSet.countries.length,
        updatedAt: row.updatedAt,
        sharedClassIds: row.shares.map((share) => share.classId),
        factSet,
      };
    }),
  );
}

/** One of the user's own imported sets (for re-import); NotFoundError for any other set. */
export async function getOwnFactSet(userId: string, id: string): Promise<FactSet> {
  const row = await db.factSet.findFirst({ where: { id, ownerId: userId }, select: { checksum: true } });
  if (!row) throw new NotFoundError(`fact set ${id}`);
  return loadByChecksum(id, row.checksum);
}

/** A fresh id for an imported set: never one a shipped file (a readable slug) would use. */
export function newImportedFactSetId(): string {
  return `import-${randomBytes(6).toString("hex")}`;
}

/**
 * Saves an imported fact set as the user's: a new set (version 1) when `existingId` is absent,
 * else the next version of their own set `existingId` (NotFoundError if it is not theirs).
 * `build` makes the fact set for the id and version chosen here; it is validated by its
 * builder, and the row and its version are written in one transaction.
 */
export async function saveImportedFactSet(
  userId: string,
  existingId: string | undefined,
  build: (target: { id: string; version: number }) => FactSet,
): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    let id: string;
    let version: number;
    if (existingId) {
      const current = await tx.factSet.findFirst({ where: { id: existingId, ownerId: userId }, select: { version: true } });
      if (!current) throw new NotFoundError(`fact set ${existingId}`);
      id = existingId;
      version = current.version + 1;
    } else {
      id = newImportedFactSetId();
      version = 1;
    }
    const factSet = build({ id, version });
    if (factSet.id !== id || factSet.version !== version) throw new Error("the built fact set has another id or version");
    const content = JSON.stringify(factSet);
    const checksum = checksumFactSet(factSet);
    const data = { version, title: JSON.stringify(factSet.title), content, checksum };
    if (existingId) await tx.factSet.update({ where: { id }, data });
    else await tx.factSet.create({ data: { id, ownerId: userId, ...data } });
    await tx.factSetVersion.create({ data: { factSetId: id, version, content, checksum } });
    return { id, version };
  });
}

/**
 * Shares the teacher's own set with exactly `classIds` (their own classes; others are
 * NotFoundError), replacing the previous choice.
 */
export async function setFactSetShares(teacherId: string, factSetId: string, classIds: string[]): Promise<void> {
  const unique = [...new Set(classIds)];
  await db.$transaction(async (tx) => {
    const owned = await tx.factSet.findFirst({ where: { id: factSetId, ownerId: teacherId }, select: { id: true } });
    if (!owned) throw new NotFoundError(`fact set ${factSetId}`);
    const classes = await tx.class.count({ where: { id: { in: unique }, teacherId } });
    if (classes !== unique.length) throw new NotFoundError("class");
    await tx.factSetShare.deleteMany({ where: { factSetId, classId: { notIn: unique } } });
    const existing = await tx.factSetShare.findMany({ where: { factSetId }, select: { classId: true } });
    const have = new Set(existing.map((share) => share.classId));
    const missing = unique.filter((classId) => !have.has(classId));
    if (missing.length > 0) await tx.factSetShare.createMany({ data: missing.map((classId) => ({ factSetId, classId })) });
  });
}

/** Deletes the user's own imported set with its versions and shares (NotFoundError for any other). */
export async function deleteOwnFactSet(userId: string, id: string): Promise<void> {
  const { count } = await db.factSet.deleteMany({ where: { id, ownerId: userId } });
  if (count === 0) throw new NotFoundError(`fact set ${id}`);
}

/** The fact ids a question or review stores, comma-joined in one column, as a list. */
export function splitStoredFactIds(ids: string): string[] {
  return ids ? ids.split(",").filter(Boolean) : [];
}
