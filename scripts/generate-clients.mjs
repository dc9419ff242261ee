// Generates the Prisma client for both providers (the app picks one at run time by DATABASE_URL).
import { run } from "./process-utils.mjs";

await run("npx", ["prisma", "generate"], { env: { DATABASE_URL: "file:./.data/faktum.db" } });
await run("npx", ["prisma", "generate"], { env: { DATABASE_URL: "postgresql://localhost/faktum" } });
