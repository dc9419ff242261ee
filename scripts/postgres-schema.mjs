// The PostgreSQL schema is derived from the SQLite one (the source of truth), so the two can
// never describe different models. Only the provider and the client's output folder differ.
import { readFileSync } from "node:fs";

export const sqliteSchemaPath = "prisma/schema.prisma";
export const postgresSchemaPath = "prisma/postgresql/schema.prisma";

export function derivePostgresSchema(sqliteSchema) {
  const derived = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/generated\/prisma"/, 'output     = "../../generated/prisma-postgresql"');
  if (derived === sqliteSchema || !derived.includes("prisma-postgresql")) {
    throw new Error(`${sqliteSchemaPath}: expected provider = "sqlite" and output = "../generated/prisma"`);
  }
  return `// GENERATED from prisma/schema.prisma by \`npm run db:migration\`. Do not edit.\n${derived}`;
}

export function readDerivedPostgresSchema() {
  return derivePostgresSchema(readFileSync(sqliteSchemaPath, "utf8"));
}
