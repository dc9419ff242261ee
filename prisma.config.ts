import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { getDatabaseUrl, getSqliteFilePath } from "./lib/server/database-url";

// The schema reads env("DATABASE_URL"); if it were unset the CLI would try to download an engine.
process.env.DATABASE_URL = getDatabaseUrl();
const sqliteFile = getSqliteFilePath(process.env.DATABASE_URL);
fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${sqliteFile}` });
  },
});
