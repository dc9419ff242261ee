import { loadFactSets } from "../lib/facts/load-fact-sets";
import { db } from "../lib/server/db";
import { importFactSets } from "../lib/server/fact-sets";
import { deleteExpiredRateLimits, signInLimits } from "../lib/server/rate-limits";
import { deleteExpiredSessions } from "../lib/server/session";

/**
 * Imports every fact set in data/ (validated on load) into the database, and drops expired
 * sessions and sign-in windows (the app refuses them anyway; this keeps the tables small).
 * Idempotent; `npm run app` runs it at every start.
 */
async function main() {
  const factSets = [...loadFactSets().values()];
  const results = await importFactSets(factSets);
  for (const { id, changed } of results) console.log(`fact set ${id}: ${changed ? "imported" : "unchanged"}`);
  const longestWindowMs = Math.max(...Object.values(signInLimits).map((rule) => rule.windowMs));
  const sessions = await deleteExpiredSessions();
  const windows = await deleteExpiredRateLimits(longestWindowMs);
  if (sessions || windows) console.log(`housekeeping: ${sessions} expired sessions, ${windows} sign-in windows removed`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
