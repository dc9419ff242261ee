// Types for scripts/local-database.mjs, for the TypeScript callers (tests, benchmarks).
export function assertLocalDatabase(url: string | undefined): void;
export function isPostgresUrl(url: string | undefined): boolean;
export function postgresAdminUrl(url: string): string;
export function postgresDatabaseName(url: string): string;
export function isPostgresReachable(url: string): Promise<boolean>;
export function dropPostgresDatabase(url: string): Promise<void>;
export function resetPostgresDatabase(url: string): Promise<void>;
