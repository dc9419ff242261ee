import http from "node:http";
import autocannon from "autocannon";
import type { BenchQuiz } from "./seed";

/** Throughput and latency of one autocannon run, in requests/s and milliseconds. */
export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU time of the server process per request (set by the runner). */
  serverCpuMsPerRequest?: number;
}

function summarise(result: autocannon.Result, connections: number): LoadResult {
  return {
    connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    // Total over elapsed time, rather than autocannon's mean of per-second samples (which
    // counts a partial last second as a whole one).
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    latencyMs: { mean: result.latency.mean, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** GET `path` from `connections` connections for `durationSeconds`. */
export async function loadGet(baseUrl: string, path: string, connections: number, durationSeconds: number): Promise<LoadResult> {
  const result = await autocannon({ url: `${baseUrl}${path}`, connections, duration: durationSeconds });
  return summarise(result, connections);
}

/**
 * Answers questions from `connections` connections for `durationSeconds`. Every request is a
 * learner's first answer to the current question of one of their quizzes: a quiz is handed to
 * one connection at a time and comes back to the queue (at its next position) only when its
 * answer has been stored, so no request is ever a repeat or out of turn. The run stops early
 * rather than run out of unanswered questions.
 */
export class AnswerLoad {
  private readonly queue: { quiz: BenchQuiz; position: number }[] = [];
  private head = 0;
  readonly statusCounts = new Map<number, number>();
  readonly sampleErrors: string[] = [];

  constructor(quizzes: BenchQuiz[]) {
    for (const quiz of quizzes) this.queue.push({ quiz, position: 0 });
  }

  /** Unanswered questions left. */
  get remaining(): number {
    let total = 0;
    for (let i = this.head; i < this.queue.length; i++) total += this.queue[i]!.quiz.bodies.length - this.queue[i]!.position;
    return total;
  }

  private take(): { quiz: BenchQuiz; position: number } | undefined {
    if (this.head >= this.queue.length) return undefined;
    const item = this.queue[this.head++];
    // Compact now and then, so the array does not grow without bound.
    if (this.head > 50_000) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }

  async run(baseUrl: string, connections: number, durationSeconds: number): Promise<LoadResult> {
    const maxOverallRequests = this.remaining - 2 * connections;
    if (maxOverallRequests < connections * 100) throw new Error(`only ${this.remaining} unanswered bench questions left; seed more (benchLearners)`);
    const result = await autocannon({
      url: baseUrl,
      connections,
      duration: durationSeconds,
      maxOverallRequests,
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            const item = this.take();
            if (!item) throw new Error("the answer benchmark ran out of unanswered questions");
            (context as { item?: unknown }).item = item;
            return {
              ...request,
              method: "POST",
              path: `/api/quizzes/${item.quiz.quizId}/answers`,
              headers: { "content-type": "application/json", cookie: item.quiz.cookie },
              body: item.quiz.bodies[item.position],
            };
          },
          onResponse: (status, body, context) => {
            const item = (context as { item?: { quiz: BenchQuiz; position: number } }).item;
            this.statusCounts.set(status, (this.statusCounts.get(status) ?? 0) + 1);
            if (!item) return;
            if (status === 200) {
              if (body.includes('"alreadyAnswered":true')) this.statusCounts.set(-1, (this.statusCounts.get(-1) ?? 0) + 1);
              if (item.position + 1 < item.quiz.bodies.length) this.queue.push({ quiz: item.quiz, position: item.position + 1 });
            } else if (this.sampleErrors.length < 5) {
              // The quiz is dropped: its state is unknown after a failure.
              this.sampleErrors.push(`${status} ${item.quiz.quizId}@${item.position}: ${body.slice(0, 200)}`);
            }
          },
        },
      ],
    });
    return summarise(result, connections);
  }
}

/** Latency percentiles of `count` sequential requests (after `warmup` unmeasured ones). */
export interface SequentialResult {
  requests: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  bytes: number;
  /** CPU time of the server process per request (set by the runner). */
  serverCpuMsPerRequest?: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function getOnce(url: string, cookie: string): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.get(url, { agent, headers: { cookie, "accept-language": "de" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: Number(process.hrtime.bigint() - start) / 1e6 }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** A kept-alive socket the server has just closed fails with ECONNRESET: that request is sent again. */
async function getWithRetry(url: string, cookie: string): Promise<{ status: number; body: string; ms: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getOnce(url, cookie);
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
    }
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * GETs `url` one request after another and returns latency percentiles. Each response must
 * be 200 and contain `expect` (so a redirect to sign-in or an error page cannot pass as fast).
 */
export async function measureSequential(url: string, cookie: string, count: number, expect: string, warmup = 20): Promise<SequentialResult> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmup + count; i++) {
    const { status, body, ms } = await getWithRetry(url, cookie);
    if (status !== 200 || !body.includes(expect)) {
      throw new Error(`GET ${url} answered ${status} without "${expect}": ${body.slice(0, 300)}`);
    }
    if (i >= warmup) {
      times.push(ms);
      bytes = body.length;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: count,
    latencyMs: {
      mean: round(times.reduce((a, b) => a + b, 0) / times.length),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1)!),
    },
    bytes,
  };
}
