// Types for scripts/prisma-cli.mjs, for the TypeScript callers (tests, benchmarks).
export const postgresScratchUrl: string;
export function prisma(args: string[], databaseUrl: string): Promise<string>;
export function prismaSync(args: string[], databaseUrl: string): string;
export function extractPrintedSchema(output: string): string;
export function isEmptyMigration(sql: string): boolean;
