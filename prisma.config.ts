import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath } from "./lib/server/database-url";
import { createPgPool } from "./lib/server/pg-pool";

// The schema reads env("DATABASE_URL"); if it were unset the CLI would try to download an engine.
process.env.DATABASE_URL = getDatabaseUrl();
const databaseUrl = process.env.DATABASE_URL;
const provider = getDatabaseProvider(databaseUrl);

// One schema and migration history per provider: prisma/ for SQLite (the source of truth),
// prisma/postgresql/ derived from it by `npm run db:migration` (see README).
const folder = provider === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    if (provider === "postgresql") {
      return new PrismaPg(createPgPool(databaseUrl));
    }
    const sqliteFile = getSqliteFilePath(databaseUrl);
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${sqliteFile}` });
  },
});
