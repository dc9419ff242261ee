import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";
import { PrismaClient } from "../../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../../generated/prisma-postgresql/client";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath } from "./database-url";
import { createPgPool } from "./pg-pool";

/**
 * Under load a transaction may wait for a pooled connection (PostgreSQL) or for the one
 * writer (SQLite). Prisma's default gives up after 2 s (P2028, a 500 to the learner); the
 * benchmark hit that at 50 concurrent answers on a busy machine. Queue longer instead.
 */
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

/**
 * The one Prisma client of the process, for the database DATABASE_URL names. Pages and
 * components never import it: entity modules in lib/server do.
 *
 * Both providers' clients are generated from one model (prisma/postgresql/schema.prisma is
 * derived from prisma/schema.prisma), so they share one API; the SQLite client's type stands
 * for both.
 */
function createClient(): PrismaClient {
  const url = getDatabaseUrl();
  if (getDatabaseProvider(url) === "postgresql") {
    const pool = createPgPool(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
    globalForPrisma.faktumPgPool = pool;
    // $disconnect() ends the pool too: otherwise its idle connections outlive the client (and
    // the adapter's error listener), and a server closing them crashes the process.
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    return new PostgresPrismaClient({ adapter, transactionOptions }) as unknown as PrismaClient;
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${getSqliteFilePath(url)}` }), transactionOptions });
  // WAL lets readers proceed during a write and, with synchronous=NORMAL, doubles the
  // write throughput of the default rollback journal (measured: 592 → 1,210 inserts/s).
  // secure_delete: a deleted row's bytes are overwritten with zeros instead of lingering in a
  // free page (an erased account must not stay readable in the file; see `scrubDeletedRows`).
  void client
    .$queryRawUnsafe("PRAGMA journal_mode=WAL")
    .then(() => client.$executeRawUnsafe("PRAGMA synchronous=NORMAL"))
    .then(() => client.$queryRawUnsafe("PRAGMA secure_delete=ON"));
  return client;
}

/**
 * After deleting personal data: makes the deletion reach the files. On SQLite the deleted
 * rows are zeroed (secure_delete), but the WAL still holds the frames written before, with
 * the old bytes; a TRUNCATE checkpoint copies the current pages into the database file and
 * empties the WAL. A checkpoint that a concurrent reader holds up is tried again a few times.
 * PostgreSQL needs nothing here: its ordinary DELETE is what the issue asks for (dead tuples
 * are reclaimed by autovacuum, and the files are the operator's to protect).
 */
export async function scrubDeletedRows(client: PrismaClient = db): Promise<void> {
  if (getDatabaseProvider(getDatabaseUrl()) === "postgresql") return;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [result] = await client.$queryRawUnsafe<{ busy: bigint | number }[]>("PRAGMA wal_checkpoint(TRUNCATE)");
    if (!result || Number(result.busy) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const globalForPrisma = globalThis as unknown as { faktumPrisma?: PrismaClient; faktumPgPool?: Pool };

/**
 * The pg pool behind the Prisma client (PostgreSQL only, else null), for the one hot path that
 * bypasses the ORM (lib/server/attempts/answer-hot-path.ts): sharing it keeps the process at
 * DATABASE_POOL_SIZE connections.
 */
export function getPgPool(): Pool | null {
  void db;
  return globalForPrisma.faktumPgPool ?? null;
}

export const db: PrismaClient = globalForPrisma.faktumPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.faktumPrisma = db;

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
