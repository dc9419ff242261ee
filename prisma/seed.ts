import { loadFactSets } from "../lib/facts/load-fact-sets";
import { db } from "../lib/server/db";
import { importFactSets } from "../lib/server/fact-sets";

/** Imports every fact set in data/ (validated on load) into the database. Idempotent. */
async function main() {
  const factSets = [...loadFactSets().values()];
  const results = await importFactSets(factSets);
  for (const { id, changed } of results) console.log(`fact set ${id}: ${changed ? "imported" : "unchanged"}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
