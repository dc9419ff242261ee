#!/usr/bin/env node
// First-load JS of app pages, as a browser gets it: every <script src> of the page's HTML
// (served by a running app), read from the build's static directory and gzipped here (level
// 6, like the server's compression). Usage:
//   node scripts/first-load-js.mjs <baseUrl> <path> [<path> …]   (NEXT_DIST_DIR picks the build, default .next)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const [baseUrl, ...paths] = process.argv.slice(2);
if (!baseUrl || paths.length === 0) {
  console.error("usage: node scripts/first-load-js.mjs <baseUrl> <path> [<path> …]");
  process.exit(2);
}
const distDir = process.env.NEXT_DIST_DIR || ".next";
for (const path of paths) {
  const html = await (await fetch(new URL(path, baseUrl))).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))].filter((src) => src.startsWith("/_next/static/"));
  let raw = 0;
  let gzipped = 0;
  for (const src of sources) {
    const file = readFileSync(join(distDir, "static", decodeURIComponent(src.slice("/_next/static/".length).split("?")[0])));
    raw += file.length;
    gzipped += gzipSync(file, { level: 6 }).length;
  }
  console.log(JSON.stringify({ path, scripts: sources.length, rawBytes: raw, gzippedBytes: gzipped }));
}
