import path from "node:path";

/**
 * The embedded default: a SQLite file inside the project, so the app runs with no server.
 * Kept in one place because the Prisma CLI silently falls back to downloading a binary
 * engine whenever `DATABASE_URL` is unset (see README, Configuration).
 */
export const defaultDatabaseUrl = "file:./.data/faktum.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/** The configured database URL, with the embedded default filled in. */
export function getDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : defaultDatabaseUrl;
}

export function getDatabaseProvider(url: string = getDatabaseUrl()): DatabaseProvider {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`);
}

/**
 * Absolute path of a SQLite `file:` URL. Relative paths are taken from the project root
 * (the working directory of every script and of the server), never from the schema's folder.
 */
export function getSqliteFilePath(url: string = getDatabaseUrl(), cwd: string = process.cwd()): string {
  const filePath = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(cwd, filePath);
}
