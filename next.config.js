import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // proxy.ts caps every action body (64 KB, the fact-set import page a little over 2 MB);
  // Next's own cap must not be the lower one, or a valid 1 MB table would fail in Next.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // Separate build folders let several builds (a dev server, an e2e run) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Playwright opens http://127.0.0.1:<port>: without this, `next dev` (E2E_DEV=1) blocks the
  // page's HMR connection as cross-origin and the page never hydrates.
  allowedDevOrigins: ["127.0.0.1"],
  // The benchmark builds the app it measures without the type check (`npm test` and
  // `npm run typecheck` keep it), so unfinished test files elsewhere in the tree don't stop it.
  typescript: { ignoreBuildErrors: process.env.FAKTUM_SKIP_BUILD_TYPECHECK === "1" },
};

export default withNextIntl(nextConfig);
