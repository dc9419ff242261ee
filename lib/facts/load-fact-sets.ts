import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FactSet } from "./schema";
import { InvalidFactSetError, parseFactSet } from "./validate-fact-set";

/**
 * Server-side loading of the fact set files in `data/`. Adding a topic is adding a file:
 * every `*.json` in the directory is read, validated and served by its `id`.
 */

/** No fact set with the requested id exists in the data directory. */
export class FactSetNotFoundError extends Error {
  readonly factSetId: string;

  constructor(factSetId: string, directory: string) {
    super(`no fact set with id "${factSetId}" in ${directory}`);
    this.name = "FactSetNotFoundError";
    this.factSetId = factSetId;
  }
}

/** `<repo>/data`, resolved from the working directory (where `next` and `vitest` run). */
export function defaultDataDirectory(): string {
  return path.join(process.cwd(), "data");
}

/**
 * Reads and validates every `*.json` file in `directory`, in file-name order.
 * Throws InvalidFactSetError (naming the file) for unreadable JSON, a file that breaks a rule,
 * or two files that declare the same fact set id.
 */
export function loadFactSets(directory: string = defaultDataDirectory()): ReadonlyMap<string, FactSet> {
  const files = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name)
    .sort();

  const sets = new Map<string, FactSet>();
  const fileById = new Map<string, string>();
  for (const file of files) {
    const fileName = displayName(directory, file);
    const factSet = parseFactSet(readJson(path.join(directory, file), fileName), fileName);
    const previous = fileById.get(factSet.id);
    if (previous !== undefined) {
      throw new InvalidFactSetError(fileName, [{ path: "id", message: `fact set id "${factSet.id}" is already used by ${previous}` }]);
    }
    fileById.set(factSet.id, fileName);
    sets.set(factSet.id, factSet);
  }
  return sets;
}

const cache = new Map<string, ReadonlyMap<string, FactSet>>();

/**
 * The fact set with this id. Files are read once per directory and kept for the life of
 * the process (they ship with the code); throws FactSetNotFoundError for an unknown id.
 */
export function getFactSet(id: string, directory: string = defaultDataDirectory()): FactSet {
  const factSet = cachedFactSets(directory).get(id);
  if (!factSet) throw new FactSetNotFoundError(id, directory);
  return factSet;
}

/** Every fact set in the directory, by id, cached like `getFactSet`. */
export function listFactSets(directory: string = defaultDataDirectory()): FactSet[] {
  return [...cachedFactSets(directory).values()];
}

/** Forgets cached fact sets, so the next call reads the files again (tests, dev reload). */
export function clearFactSetCache(): void {
  cache.clear();
}

function cachedFactSets(directory: string): ReadonlyMap<string, FactSet> {
  const key = path.resolve(directory);
  let sets = cache.get(key);
  if (!sets) {
    sets = loadFactSets(key);
    cache.set(key, sets);
  }
  return sets;
}

function readJson(filePath: string, fileName: string): unknown {
  const text = readFileSync(filePath, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidFactSetError(fileName, [{ path: "(root)", message: `not valid JSON: ${reason}` }]);
  }
}

/** `data/nato.json` for files under the working directory, the absolute path otherwise. */
function displayName(directory: string, file: string): string {
  const absolute = path.resolve(directory, file);
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join("/");
}
