/**
 * End-to-end runs reset their database: refuse anything but a local one, so a misconfigured
 * environment can never wipe a real deployment.
 */
export function assertLocalDatabase(url) {
  if (!url) throw new Error("DATABASE_URL is not set for the end-to-end server");
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`refusing to run end-to-end tests against a non-local database (${host})`);
  }
}
