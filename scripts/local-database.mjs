// Throwaway local databases for tests and benchmarks: the guard that keeps resets away from
// real deployments, and creating/dropping PostgreSQL databases.
//
// Also a command, for callers that must stay synchronous (lib/server/test-database.ts):
//   node scripts/local-database.mjs reset <postgresql-url>   drop (if present) and create
//   node scripts/local-database.mjs drop <postgresql-url>    drop (if present)
import { pathToFileURL } from "node:url";
import pg from "pg";

const localHosts = ["localhost", "127.0.0.1", "::1", "[::1]"];

/**
 * End-to-end runs reset their database: refuse anything but a local one, so a misconfigured
 * environment can never wipe a real deployment.
 */
export function assertLocalDatabase(url) {
  if (!url) throw new Error("DATABASE_URL is not set for the end-to-end server");
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!localHosts.includes(host)) {
    throw new Error(`refusing to run end-to-end tests against a non-local database (${host})`);
  }
}

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

/** The same server's `postgres` maintenance database: where CREATE/DROP DATABASE are sent from. */
export function postgresAdminUrl(url) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  admin.search = "";
  return admin.toString();
}

/** The database a PostgreSQL URL names; only plain identifiers, since it is spliced into DDL. */
export function postgresDatabaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name must be a lower-case identifier, got "${name}"`);
  return name;
}

async function withAdminClient(url, action) {
  const client = new pg.Client({ connectionString: postgresAdminUrl(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Whether the server of a PostgreSQL URL answers (within a few seconds). */
export async function isPostgresReachable(url) {
  try {
    await withAdminClient(url, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/** Drops the database a local PostgreSQL URL names, if it exists, closing its connections. */
export async function dropPostgresDatabase(url) {
  assertLocalDatabase(url);
  const name = postgresDatabaseName(url);
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops and creates the database a local PostgreSQL URL names: an empty database, ready to migrate. */
export async function resetPostgresDatabase(url) {
  assertLocalDatabase(url);
  const name = postgresDatabaseName(url);
  await withAdminClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [command, url] = process.argv.slice(2);
  const actions = { reset: resetPostgresDatabase, drop: dropPostgresDatabase };
  if (!actions[command] || !isPostgresUrl(url)) {
    console.error("usage: node scripts/local-database.mjs reset|drop postgresql://…");
    process.exit(2);
  }
  try {
    await actions[command](url);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
