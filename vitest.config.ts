import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "messages/**/*.test.ts"],
    environment: "node",
    // Generous limits: CI shares 2 cores with the PostgreSQL server, and a data-layer file's
    // beforeAll (importing the fact sets into a fresh database) would hit Vitest's 10 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
