// `npm run bench [-- --scale small] [-- --db sqlite|postgresql|both]`: the load benchmark.
//
// For each database: seeds the synthetic data set (scripts/bench/seed.ts; cached between runs
// and migrated forward), starts the production build with `next start` on loopback, and
// measures
// - answer submission (POST /api/quizzes/<id>/answers, every request a real first answer)
//   beside GET /api/health (no database) in the same run, with autocannon at 50 and 200
//   connections: requests/s, p50/p90/p99 latency and their ratios to the trivial route;
// - the progress dashboard of a heavy learner (the /dashboard page and GET /api/progress)
//   and the gradebook page of a 50-learner class's assignment: p50/p95 of sequential requests;
// - the server's memory (VmRSS of the process tree, sampled every 250 ms: idle and peak).
// Progress goes to stderr; stdout gets one JSON object at the end. See docs/benchmarks.md.
//
// Options: --scale full|small (default full: 10,000 learners, ≥ 1,000,000 answers),
// --db sqlite|postgresql|both (default both), --duration <s> per load run (default 10),
// --sequential <n> requests per page (default 200), --reseed, --rebuild, --port <n> (3206),
// --no-scale-out (skips PostgreSQL's two-instance run behind scripts/bench/proxy.mjs, ports n+1, n+2),
// --pool-size <n> (DATABASE_POOL_SIZE of each PostgreSQL app instance, default 10; its connections
// to PostgreSQL, whatever the number of HTTP connections: the JSON records both).
// Also reports first-load JS per page (`pageWeight`), the same for a bare Next.js page built from
// the installed `next` in .data/bare-next (port n+3), and server CPU per request.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadFactSets } from "../../lib/facts/load-fact-sets";
import { isPostgresReachable, resetPostgresDatabase } from "../local-database.mjs";
import { prisma } from "../prisma-cli.mjs";
import { AnswerLoad, type LoadResult, loadGet, measureSequential, type SequentialResult } from "./load";
import {
  assignmentId,
  type BenchWriter,
  classId,
  learnerId,
  openPostgresWriter,
  openSqliteWriter,
  type Scale,
  scales,
  type SeedSummary,
  seedDataSet,
  seedRunData,
  seedVersion,
  teacherId,
} from "./seed";

type Database = "sqlite" | "postgresql";

const args = parseArgs(process.argv.slice(2));
process.env.DATABASE_POOL_SIZE = String(args.poolSize);
const scale = scales[args.scale];
const distDir = ".next-bench";
const log = (message: string) => console.error(message);

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const scaleName = value("scale") ?? "full";
  if (scaleName !== "full" && scaleName !== "small") throw new Error("--scale must be full or small");
  const db = value("db") ?? "both";
  if (!["sqlite", "postgresql", "both"].includes(db)) throw new Error("--db must be sqlite, postgresql or both");
  return {
    scale: scaleName as "full" | "small",
    databases: (db === "both" ? ["sqlite", "postgresql"] : [db]) as Database[],
    durationSeconds: Number(value("duration") ?? 10),
    sequential: Number(value("sequential") ?? 200),
    port: Number(value("port") ?? 3206),
    reseed: argv.includes("--reseed"),
    rebuild: argv.includes("--rebuild"),
    /** Writes a V8 CPU profile of the server to .data/bench-profiles/ (for finding hot spots). */
    profile: argv.includes("--profile"),
    /** Skips the two-instance run on PostgreSQL (it uses ports --port + 1 and + 2). */
    noScaleOut: argv.includes("--no-scale-out"),
    /** DATABASE_POOL_SIZE of each PostgreSQL app instance (the servers inherit it). */
    poolSize: Number(value("pool-size") ?? process.env.DATABASE_POOL_SIZE ?? 10),
  };
}

function databaseUrl(database: Database): string {
  const suffix = scale.name === "full" ? "" : `_${scale.name}`;
  return database === "sqlite"
    ? `file:./.data/bench${suffix.replace("_", "-")}.db`
    : `${process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432"}/${process.env.BENCH_POSTGRES_DATABASE ?? `faktum_bench${suffix}`}`;
}

// ── Build ───────────────────────────────────────────────────────────────────────────────

/**
 * A hash of everything a build compiles (and of the settings it is built with). Content, not
 * modification times: regenerating the Prisma clients rewrites identical files.
 */
function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (entry: string) => {
    if (!existsSync(entry)) return;
    if (statSync(entry).isDirectory()) {
      for (const child of readdirSync(entry).sort()) if (child !== "node_modules" && !child.startsWith(".")) walk(path.join(entry, child));
    } else if (!entry.endsWith(".test.ts")) {
      hash.update(entry).update(readFileSync(entry));
    }
  };
  for (const entry of ["app", "components", "lib", "messages", "generated", "public", "next.config.js", "package-lock.json", "postcss.config.mjs"]) walk(entry);
  return hash.digest("hex");
}

async function ensureBuild(): Promise<void> {
  const stampFile = path.join(distDir, "faktum-source-hash");
  const hash = sourceHash();
  if (!args.rebuild && existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash) {
    log(`▶ Reusing the production build in ${distDir} (sources unchanged; --rebuild to build anyway)`);
    return;
  }
  log(`▶ Building the app into ${distDir}`);
  // next build rewrites tsconfig.json to include its build folder's types; keep the file as it was.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await runCommand("npx", ["next", "build"], { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", FAKTUM_SKIP_BUILD_TYPECHECK: "1" });
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
  writeFileSync(stampFile, hash);
}

function runCommand(command: string, commandArgs: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ["ignore", 2, 2], env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(" ")} exited with ${code}`))));
  });
}

// ── Data ────────────────────────────────────────────────────────────────────────────────

interface Marker {
  seedVersion: number;
  scale: Scale;
  summary: SeedSummary;
}

/**
 * The bench database with the data set: reused when a previous run seeded the same version
 * and scale (new migrations are applied to it), else created and seeded from scratch.
 */
async function ensureDataSet(database: Database, url: string): Promise<{ writer: BenchWriter; summary: SeedSummary }> {
  const markerFile = `.data/bench-${database}-${scale.name}.json`;
  const marker = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, "utf8")) as Marker) : undefined;
  const sqliteFile = url.replace(/^file:/, "");
  const exists = database === "sqlite" ? existsSync(sqliteFile) : true;
  const isCached = !args.reseed && exists && marker?.seedVersion === seedVersion && JSON.stringify(marker.scale) === JSON.stringify(scale);

  if (!isCached) {
    log(`▶ ${database}: creating the bench database`);
    rmSync(markerFile, { force: true });
    if (database === "sqlite") {
      mkdirSync(path.dirname(sqliteFile), { recursive: true });
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(sqliteFile + suffix, { force: true });
    } else {
      await resetPostgresDatabase(url);
    }
  }
  log(`▶ ${database}: applying migrations`);
  await prisma(["migrate", "deploy"], url);
  if (isCached) {
    log(`▶ ${database}: reusing the seeded data set (${marker!.summary.answers.toLocaleString("en")} answers; --reseed to rebuild it)`);
    return { writer: await openWriter(database, url), summary: marker!.summary };
  }

  await runCommand("npx", ["tsx", "prisma/seed.ts"], { DATABASE_URL: url });
  const writer = await openWriter(database, url);
  log(`▶ ${database}: seeding the ${scale.name} data set`);
  const summary = await seedDataSet(writer, factSet(), scale, new Date(), log);
  log(`▶ ${database}: updating planner statistics`);
  await writer.exec(database === "sqlite" ? "ANALYZE" : "VACUUM ANALYZE");
  writeFileSync(markerFile, JSON.stringify({ seedVersion, scale, summary } satisfies Marker, null, 2));
  return { writer, summary };
}

function openWriter(database: Database, url: string): Promise<BenchWriter> {
  return database === "sqlite" ? Promise.resolve(openSqliteWriter(url.replace(/^file:/, ""))) : openPostgresWriter(url);
}

function factSet() {
  const nato = loadFactSets().get("nato");
  if (!nato) throw new Error("data/nato.json is missing");
  return nato;
}

// ── Server ──────────────────────────────────────────────────────────────────────────────

/** A process and its descendants (`next start` may fork workers). */
function processTree(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  return [...tree];
}

/** Resident memory (VmRSS) of a process tree, in MiB. */
function treeRssMiB(rootPid: number): number {
  let kib = 0;
  for (const pid of processTree(rootPid)) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kib / 1024;
}

/**
 * CPU time (user + system) a process tree has used, in ms. Per request, it is the cost of a
 * route independent of how busy the rest of the machine is, unlike latency and throughput.
 */
function treeCpuMs(rootPid: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

class Server {
  private child?: ChildProcess;
  private sampler?: NodeJS.Timeout;
  peakRssMiB = 0;
  lastRssMiB = 0;

  constructor(
    private readonly url: string,
    private readonly port: number,
    private readonly logFile: string,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // The previous database's server may still hold the port for a moment (`next start` forks
    // the server that listens): a health check answered by it would pass for this one.
    for (const giveUp = Date.now() + 20_000; Date.now() < giveUp; await sleep(250)) {
      try {
        await fetch(`${this.baseUrl}/api/health`);
      } catch {
        break; // nothing listens: the port is free
      }
    }
    const out = openSync(this.logFile, "w");
    const profile = args.profile ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(".data/bench-profiles")] : [];
    this.child = spawn(process.execPath, [...profile, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      stdio: ["ignore", out, out],
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, DATABASE_URL: this.url, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the server exited (${this.child.exitCode}); see ${this.logFile}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`);
        if (response.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`the server did not answer within 60 s; see ${this.logFile}`);
      await sleep(200);
    }
    this.sampler = setInterval(() => this.sample(), 250);
  }

  cpuMs(): number {
    return this.child?.pid ? treeCpuMs(this.child.pid) : 0;
  }

  sample(): number {
    if (!this.child?.pid) return 0;
    this.lastRssMiB = treeRssMiB(this.child.pid);
    this.peakRssMiB = Math.max(this.peakRssMiB, this.lastRssMiB);
    return this.lastRssMiB;
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const tree = child.pid ? processTree(child.pid) : [];
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill("SIGKILL");
    // The forked server process, if it outlived its parent.
    for (const pid of tree) {
      if (pid === child.pid) continue;
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
}

// ── One database ────────────────────────────────────────────────────────────────────────

interface DatabaseResult {
  database: Database;
  dataSet: SeedSummary & { benchQuizzes: number };
  answerSubmission: { c50: LoadResult; c200: LoadResult; statusCounts: Record<string, number>; sampleErrors: string[] };
  trivialRoute: { c50: LoadResult; c200: LoadResult };
  ratios: {
    c50: { throughput: number; p50: number; p99: number; serverCpuPerRequest: number };
    c200: { throughput: number; p50: number; p99: number; serverCpuPerRequest: number };
  };
  dashboard: { page: SequentialResult; api: SequentialResult; learnerAnswers: number };
  gradebook: { page: SequentialResult; learners: number };
  memory: { idleRssMiB: number; peakRssMiB: number; afterRunRssMiB: number };
  /** First-load JS of three pages, gzipped bytes (see `measurePageWeight`). */
  pageWeight: PageWeight;
  /** PostgreSQL only: two app instances behind a loopback load balancer (scripts/bench/proxy.mjs). */
  scaleOut?: ScaleOutResult;
  targets: {
    answerThroughputAtLeastHalfOfTrivial: boolean;
    answerP99AtMostTwiceTrivial: boolean;
    dashboardP95Under100ms: boolean;
    gradebookP95Under100ms: boolean;
    quizPageWithin40kBOfBareNextPage?: boolean;
  };
  /** PostgreSQL only: the connections behind the HTTP ones (c200 is 200 HTTP connections over `poolSizePerInstance` database connections). */
  postgres?: { poolSizePerInstance: number; maxConnections: number };
}

interface PageWeight {
  /** Gzipped bytes of each page's scripts: its JS chunks plus the inline scripts (the RSC payload, messages included). */
  home: number;
  quizQuestion: number;
  dashboard: number;
  /** The chunks all three pages load (React, Next.js runtime): what any Next.js page of this build carries. */
  sharedChunks: number;
  detail: Record<string, { chunks: number; inline: number; chunkCount: number }>;
  /** The quiz question page's bytes over the bare Next.js page's (`bareNextPage` at the top of the JSON); target ≤ 40 kB. */
  quizQuestionOverBareNextPage?: number;
}

/** First-load JS of a bare Next.js page (an App Router root layout and a page with one element), built from the installed `next`. */
interface BareNextPage {
  bytes: number;
  chunks: number;
  inline: number;
  chunkCount: number;
  next: string;
  how: string;
}

interface ScaleOutResult {
  instances: number;
  postgresPoolSizePerInstance: number;
  trivialRoute: LoadResult;
  answerSubmission: LoadResult;
  /** The same instances' single-instance figures of this run are in the parent result. */
  ratios: { throughput: number; p99: number };
  /** Answers/s through the balancer over answers/s of one instance alone, this run. */
  answerThroughputOverOneInstance: number;
  serverCpuMsPerAnswer: number;
}

/**
 * First-load JS of a page as the browser gets it: the HTML's script tags, external ones fetched
 * (each once) and inline ones (Next.js's RSC payload, which carries the client components'
 * messages), each gzipped on its own as a server would send it.
 */
async function measureScripts(baseUrl: string, pages: Record<string, { path: string; cookie: string }>) {
  const { gzipSync } = await import("node:zlib");
  const gz = (text: string | Buffer) => gzipSync(text, { level: 6 }).length;
  const chunkSize = new Map<string, number>();
  const detail: PageWeight["detail"] = {};
  const chunksOf: Record<string, Set<string>> = {};
  for (const [name, page] of Object.entries(pages)) {
    let response = await fetch(`${baseUrl}${page.path}`, { headers: { cookie: page.cookie } });
    for (let attempt = 0; !response.ok && attempt < 3; attempt++) {
      // Seen once on PostgreSQL right after the server started (a 404 that a second later was a 200).
      log(`  page weight: ${page.path} answered ${response.status}, trying again`);
      await sleep(1_000);
      response = await fetch(`${baseUrl}${page.path}`, { headers: { cookie: page.cookie } });
    }
    if (!response.ok) throw new Error(`page weight: ${page.path} answered ${response.status}`);
    const html = await response.text();
    const sources = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")));
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("\n");
    for (const source of sources) {
      if (chunkSize.has(source)) continue;
      const chunk = await fetch(new URL(source, baseUrl));
      chunkSize.set(source, gz(Buffer.from(await chunk.arrayBuffer())));
    }
    chunksOf[name] = sources;
    const chunks = [...sources].reduce((sum, source) => sum + chunkSize.get(source)!, 0);
    detail[name] = { chunks, inline: gz(inline), chunkCount: sources.size };
  }
  return { detail, chunksOf, chunkSize };
}

async function measurePageWeight(baseUrl: string, pages: Record<"home" | "quizQuestion" | "dashboard", { path: string; cookie: string }>): Promise<PageWeight> {
  const { detail, chunksOf, chunkSize } = await measureScripts(baseUrl, pages);
  const names = Object.keys(pages);
  const shared = [...chunksOf[names[0]!]!].filter((source) => names.every((name) => chunksOf[name]!.has(source)));
  const total = (name: string) => detail[name]!.chunks + detail[name]!.inline;
  return {
    home: total("home"),
    quizQuestion: total("quizQuestion"),
    dashboard: total("dashboard"),
    sharedChunks: shared.reduce((sum, source) => sum + chunkSize.get(source)!, 0),
    detail,
  };
}

/**
 * Builds (once per installed Next.js and React) and serves a bare Next.js app — a root layout
 * with <html><body> and a page with one <main> — in .data/bare-next, from this project's
 * node_modules (no network), and measures its page like `measurePageWeight` does ours.
 */
async function measureBareNextPage(port: number): Promise<BareNextPage> {
  const dir = path.resolve(".data/bare-next");
  const versions = ["next", "react", "react-dom"].map((name) => `${name}@${(JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version}`).join(" ");
  const files: Record<string, string> = {
    "package.json": '{ "private": true }\n',
    // Its own (empty) config: without one, Next.js would load this project's next.config.js from the parent directory.
    "next.config.mjs": "export default {};\n",
    "app/layout.jsx": 'export default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
    "app/page.jsx": "export default function Page() {\n  return <main>Hello</main>;\n}\n",
  };
  const stamp = createHash("sha256").update(versions).update(JSON.stringify(files)).digest("hex");
  const stampFile = path.join(dir, ".next", "faktum-bare-stamp");
  if (args.rebuild || !existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    log(`▶ Building a bare Next.js app (${versions}) in ${path.relative(".", dir)}`);
    rmSync(dir, { recursive: true, force: true });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    await runCommand(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build", dir], { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" });
    writeFileSync(stampFile, stamp);
  }
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", dir, "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    for (const giveUp = Date.now() + 60_000; ; await sleep(200)) {
      if (child.exitCode !== null) throw new Error(`the bare Next.js app exited (${child.exitCode})`);
      if (await fetch(baseUrl).then((r) => r.ok, () => false)) break;
      if (Date.now() > giveUp) throw new Error("the bare Next.js app did not answer within 60 s");
    }
    const { detail } = await measureScripts(baseUrl, { bare: { path: "/", cookie: "" } });
    const page = detail.bare!;
    return { bytes: page.chunks + page.inline, ...page, next: versions, how: "next build + next start of .data/bare-next (root layout + one-element page, no config), scripts measured as pageWeight's" };
  } finally {
    child.kill("SIGTERM");
  }
}

/** The loopback load balancer in front of `ports`, started as its own process (not sharing the load generator's event loop). */
async function startProxy(listenPort: number, ports: number[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.resolve("scripts/bench/proxy.mjs"), String(listenPort), ...ports.map(String)], { stdio: ["ignore", "pipe", 2] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the load balancer exited (${code})`)));
    child.stdout!.once("data", () => resolve());
  });
  return child;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : 0);

async function benchDatabase(database: Database, bare: BareNextPage | undefined): Promise<DatabaseResult> {
  const url = databaseUrl(database);
  const { writer, summary } = await ensureDataSet(database, url);
  const runTag = Date.now().toString(36);
  log(`▶ ${database}: writing this run's quizzes and sessions`);
  const { quizzes, cookieOf } = await seedRunData(writer, factSet(), scale, new Date(), runTag);
  const heavyLearner = learnerId(0);
  const learnerAnswers = await writer.count("Answer", "userId", heavyLearner);
  await writer.close();
  let postgres: DatabaseResult["postgres"];
  if (database === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const maxConnections = Number((await client.query("SHOW max_connections")).rows[0]?.max_connections);
    await client.end();
    postgres = { poolSizePerInstance: args.poolSize, maxConnections };
    const needed = args.poolSize * (args.noScaleOut ? 1 : 2);
    if (needed > maxConnections - 10) log(`⚠ ${needed} pooled connections (--pool-size ${args.poolSize}) come close to PostgreSQL's max_connections ${maxConnections}`);
    log(`  PostgreSQL: ${args.poolSize} pooled connections per app instance (max_connections ${maxConnections}); the 200-connection runs are 200 HTTP connections over them`);
  }

  const server = new Server(url, args.port, `.data/bench-server-${database}.log`);
  log(`▶ ${database}: starting the production server on port ${args.port}`);
  await server.start();
  try {
    await sleep(1_000);
    const idleRssMiB = Math.round(server.sample());
    const firstQuiz = quizzes[quizzes.length - 1]!;
    const pageWeight = await measurePageWeight(server.baseUrl, {
      home: { path: "/", cookie: firstQuiz.cookie },
      quizQuestion: { path: `/quiz/${firstQuiz.quizId}`, cookie: firstQuiz.cookie },
      dashboard: { path: "/dashboard", cookie: cookieOf(learnerId(0)) },
    });
    if (bare) pageWeight.quizQuestionOverBareNextPage = pageWeight.quizQuestion - bare.bytes;
    log(`  first-load JS, gzipped: home ${pageWeight.home} B, quiz question ${pageWeight.quizQuestion} B, dashboard ${pageWeight.dashboard} B (shared chunks ${pageWeight.sharedChunks} B)`);
    const answers = new AnswerLoad(quizzes);
    const d = args.durationSeconds;

    // Requests still in the server when autocannon stops are finished before the next run starts.
    const settle = async () => {
      await sleep(1_000);
      await measureSequential(`${server.baseUrl}/api/health`, "", 5, '"ok"', 0);
    };
    log(`▶ ${database}: warming up`);
    await loadGet(server.baseUrl, "/api/health", 50, 3);
    await settle();
    await answers.run(server.baseUrl, 50, 3);
    answers.statusCounts.clear();

    const measure = async (label: string, run: () => Promise<LoadResult>) => {
      await settle();
      const cpuBefore = server.cpuMs();
      const result = await run();
      await settle(); // requests still running when the load stopped belong to this run's CPU time
      result.serverCpuMsPerRequest = round2((server.cpuMs() - cpuBefore) / Math.max(1, result.requests));
      log(
        `  ${label}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
          `non-2xx ${result.non2xx}, errors ${result.errors}, server CPU ${result.serverCpuMsPerRequest} ms/request`,
      );
      return result;
    };
    const measurePage = async (label: string, url: string, cookie: string, expect: string) => {
      const cpuBefore = server.cpuMs();
      const result = await measureSequential(url, cookie, args.sequential, expect);
      result.serverCpuMsPerRequest = round2((server.cpuMs() - cpuBefore) / (args.sequential + 20));
      log(`  ${label}: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, server CPU ${result.serverCpuMsPerRequest} ms/request`);
      return result;
    };
    const health50 = await measure("GET /api/health, 50 connections", () => loadGet(server.baseUrl, "/api/health", 50, d));
    const answer50 = await measure("POST answers, 50 connections", () => answers.run(server.baseUrl, 50, d));
    const health200 = await measure("GET /api/health, 200 connections", () => loadGet(server.baseUrl, "/api/health", 200, d));
    const answer200 = await measure("POST answers, 200 connections", () => answers.run(server.baseUrl, 200, d));

    log(`▶ ${database}: dashboard and gradebook, ${args.sequential} sequential requests each`);
    const heavyCookie = cookieOf(heavyLearner);
    const dashboardPage = await measurePage("/dashboard", `${server.baseUrl}/dashboard`, heavyCookie, "<main");
    const dashboardApi = await measurePage("/api/progress", `${server.baseUrl}/api/progress`, heavyCookie, '"counts"');
    // Class 1's fourth assignment: due ten days ago, submitted by all 50 learners.
    const gradebookPath = `/classes/${classId(1)}/assignments/${assignmentId(1, 3)}`;
    const gradebookPage = await measurePage("gradebook", `${server.baseUrl}${gradebookPath}`, cookieOf(teacherId(1)), 'data-testid="assignment-title"');
    const afterRunRssMiB = Math.round(server.sample());

    let scaleOut: ScaleOutResult | undefined;
    if (database === "postgresql" && !args.noScaleOut) {
      log(`▶ ${database}: two instances behind a loopback load balancer`);
      const second = new Server(url, args.port + 1, `.data/bench-server-${database}-b.log`);
      await second.start();
      const proxy = await startProxy(args.port + 2, [args.port, args.port + 1]);
      const proxyUrl = `http://127.0.0.1:${args.port + 2}`;
      try {
        await loadGet(proxyUrl, "/api/health", 50, 3);
        await answers.run(proxyUrl, 50, 3);
        const cpuBoth = () => server.cpuMs() + second.cpuMs();
        const measureBoth = async (label: string, run: () => Promise<LoadResult>) => {
          await settle();
          const before = cpuBoth();
          const result = await run();
          await settle();
          result.serverCpuMsPerRequest = round2((cpuBoth() - before) / Math.max(1, result.requests));
          log(`  ${label}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, server CPU ${result.serverCpuMsPerRequest} ms/request`);
          return result;
        };
        const health = await measureBoth("2 instances: GET /api/health, 50 connections", () => loadGet(proxyUrl, "/api/health", 50, d));
        const answer = await measureBoth("2 instances: POST answers, 50 connections", () => answers.run(proxyUrl, 50, d));
        scaleOut = {
          instances: 2,
          postgresPoolSizePerInstance: args.poolSize,
          trivialRoute: health,
          answerSubmission: answer,
          ratios: { throughput: ratio(answer.requestsPerSecond, health.requestsPerSecond), p99: ratio(answer.latencyMs.p99, health.latencyMs.p99) },
          answerThroughputOverOneInstance: ratio(answer.requestsPerSecond, answer50.requestsPerSecond),
          serverCpuMsPerAnswer: answer.serverCpuMsPerRequest ?? 0,
        };
      } finally {
        proxy.kill("SIGTERM");
        await second.stop();
      }
    }

    const statusCounts = Object.fromEntries([...answers.statusCounts].map(([status, n]) => [status === -1 ? "alreadyAnswered" : String(status), n]));
    return {
      database,
      dataSet: { ...summary, benchQuizzes: quizzes.length },
      answerSubmission: { c50: answer50, c200: answer200, statusCounts, sampleErrors: answers.sampleErrors },
      trivialRoute: { c50: health50, c200: health200 },
      ratios: {
        c50: {
          throughput: ratio(answer50.requestsPerSecond, health50.requestsPerSecond),
          p50: ratio(answer50.latencyMs.p50, health50.latencyMs.p50),
          p99: ratio(answer50.latencyMs.p99, health50.latencyMs.p99),
          serverCpuPerRequest: ratio(answer50.serverCpuMsPerRequest ?? 0, health50.serverCpuMsPerRequest ?? 0),
        },
        c200: {
          throughput: ratio(answer200.requestsPerSecond, health200.requestsPerSecond),
          p50: ratio(answer200.latencyMs.p50, health200.latencyMs.p50),
          p99: ratio(answer200.latencyMs.p99, health200.latencyMs.p99),
          serverCpuPerRequest: ratio(answer200.serverCpuMsPerRequest ?? 0, health200.serverCpuMsPerRequest ?? 0),
        },
      },
      dashboard: { page: dashboardPage, api: dashboardApi, learnerAnswers },
      gradebook: { page: gradebookPage, learners: scale.classSize },
      memory: { idleRssMiB, peakRssMiB: Math.round(server.peakRssMiB), afterRunRssMiB },
      pageWeight,
      ...(postgres ? { postgres } : {}),
      ...(scaleOut ? { scaleOut } : {}),
      targets: {
        answerThroughputAtLeastHalfOfTrivial: answer50.requestsPerSecond >= health50.requestsPerSecond / 2,
        answerP99AtMostTwiceTrivial: answer50.latencyMs.p99 <= 2 * health50.latencyMs.p99,
        dashboardP95Under100ms: Math.max(dashboardPage.latencyMs.p95, dashboardApi.latencyMs.p95) < 100,
        gradebookP95Under100ms: gradebookPage.latencyMs.p95 < 100,
        ...(bare ? { quizPageWithin40kBOfBareNextPage: pageWeight.quizQuestionOverBareNextPage! <= 40_000 } : {}),
      },
    };
  } finally {
    await server.stop();
  }
}

// ── Main ────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(".data", { recursive: true });
  await ensureBuild();
  let bareNextPage: BareNextPage | undefined;
  try {
    bareNextPage = await measureBareNextPage(args.port + 3);
    log(`  bare Next.js page: first-load JS ${bareNextPage.bytes} B gzipped`);
  } catch (error) {
    log(`⚠ the bare Next.js page could not be measured: ${error instanceof Error ? error.message : error}`);
  }
  const results: DatabaseResult[] = [];
  const skipped: Record<string, string> = {};
  for (const database of args.databases) {
    if (database === "postgresql" && !(await isPostgresReachable(databaseUrl("postgresql")))) {
      skipped.postgresql = "PostgreSQL is not reachable";
      log("⚠ PostgreSQL is not reachable: skipped");
      continue;
    }
    results.push(await benchDatabase(database, bareNextPage));
  }
  const cpus = os.cpus();
  const output = {
    benchmark: "faktum",
    date: new Date().toISOString(),
    scale: scale.name,
    settings: { durationSeconds: args.durationSeconds, sequentialRequests: args.sequential, postgresPoolSize: args.poolSize },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    bareNextPage,
    results,
    skipped,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
