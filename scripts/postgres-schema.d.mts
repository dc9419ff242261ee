// Types for scripts/postgres-schema.mjs, for the TypeScript callers (prisma/migrations.test.ts).
export const sqliteSchemaPath: string;
export const postgresSchemaPath: string;
export function derivePostgresSchema(sqliteSchema: string): string;
export function readDerivedPostgresSchema(): string;
