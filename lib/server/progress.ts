import { z } from "zod";
import { allFactIds, countryById, eventById } from "../facts/fact-queries";
import type { FactSet, Locale } from "../facts/schema";
import { type Evidence, type FactMastery, leastMasteredFacts, masteryByFact, reviewToEvidence, weakestFacts } from "../mastery/mastery";
import { type TopicMastery, topicMastery } from "../mastery/topic-mastery";
import { type DayKey, addDays, dayKey, daysEndingWith, startOfDayKey } from "../calendar/days";
import { practiceStreak } from "../progress/streak";
import { questionTypes } from "../questions/types";
import {
  countFinishedQuizzes,
  getAnswerTotals,
  groupFinishedQuizzes,
  listAnswerFactsSince,
  listAnswerOutcomesSince,
  listAnswerTimesBetween,
  listFinishedQuizzes,
  listQuizzesReaching,
} from "./attempts/learner-stats";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { getVisibleFactSet, listVisibleFactSets, splitStoredFactIds } from "./fact-sets";
import { type CreatedQuiz, createQuiz } from "./attempts/quizzes";

/**
 * A learner's progress: the dashboard, the history of finished quizzes, personal bests, the
 * review of one attempt, and "practise my weak spots". Read-only except for the last, which
 * goes through the quiz module. Every function takes the acting user's id and scopes every
 * query by it; another learner's quiz is "not found".
 *
 * Scale (issue 6: dashboard p95 < 100 ms with 1,000,000 answers over 10,000 learners): every
 * query is by userId on an index that starts with it — Answer(userId, answeredAt),
 * ReviewLog(userId, reviewedAt), AnswerFact(userId, factSetId, factId, answeredAt),
 * Quiz(userId, status, startedAt) and Quiz(userId, finishedAt) — so its cost grows with one
 * learner's rows (a few hundred), never with the table. Totals are SQL aggregates. The per-day
 * series loads one learner's last 30 days of (answeredAt, correct) pairs, because a
 * Europe/Berlin calendar day cannot be computed portably in SQL (SQLite has no time zones;
 * the app also runs on PostgreSQL).
 */

/** Days shown in the activity chart, ending today. */
export const activityDays = 30;
/** Evidence older than this is ignored for mastery: 26 half-lives, a weight below 10⁻⁷. */
const masteryHorizonDays = 365;
/** Facts listed as weakest on the dashboard. */
export const weakestFactCount = 8;
/** Facts a weak-spots quiz practises at most, and questions it asks at most. */
const weakSpotsFactLimit = 10;
const weakSpotsQuestionLimit = 10;
/** Questions a one-fact practice quiz (from the map) asks at most. */
const factPracticeQuestionLimit = 5;
const dayMs = 24 * 60 * 60 * 1000;

// ── Dashboard ───────────────────────────────────────────────────────────────────────────

export interface DayActivity {
  /** Europe/Berlin calendar day, YYYY-MM-DD. */
  day: DayKey;
  answers: number;
  correct: number;
  /** correct / answers, or null on a day without answers (a gap, not 0 %). */
  accuracy: number | null;
  reviews: number;
}

/** A fact in words, from the fact set: "Poland (1999)" or "Madrid summit (1997)". */
export interface FactLabel {
  factSetId: string;
  factId: string;
  kind: "accession" | "event";
  /** The country's current name, or the event's name, in the requested locale. */
  name: string;
  year: number;
}

export interface WeakFact extends FactLabel {
  mastery: number;
  attempts: number;
  correct: number;
  lastSeenAt: Date;
}

export interface WaveProgress {
  year: number;
  mastery: number;
  seen: number;
  total: number;
  /** The wave's countries, by name in the locale. */
  countries: string[];
}

export interface TopicProgress {
  factSetId: string;
  title: string;
  mastery: number;
  seen: number;
  total: number;
  waves: WaveProgress[];
  events: { mastery: number; seen: number; total: number };
}

export interface Dashboard {
  /** Whether the learner has answered or reviewed anything at all. */
  hasActivity: boolean;
  today: DayKey;
  /** The last `activityDays` days, oldest first, including days without practice. */
  days: DayActivity[];
  topics: TopicProgress[];
  /** Lowest mastery among facts with evidence, weakest first. */
  weakest: WeakFact[];
  /** Consecutive practice days (≥ 1 answer or review) ending today or yesterday. */
  streakDays: number;
  practisedToday: boolean;
  /**
   * Time spent answering: Σ Answer.durationMs, the server-measured time from showing a
   * question to its answer (capped per question by the quiz module). Chosen over finished
   * quizzes' startedAt→finishedAt, which would count breaks in the middle of a quiz and
   * nothing of quizzes left unfinished. Flashcard reviews record no duration and add nothing.
   */
  timeSpentMs: number;
  counts: {
    answers: number;
    correctAnswers: number;
    finishedQuizzes: number;
    reviews: number;
    /** Facts with any evidence in the mastery horizon. */
    factsSeen: number;
  };
}

/**
 * Everything the dashboard shows for one learner at `now`, with fact and topic names in
 * `locale`. All queries are by `userId`; see the module comment for their cost.
 */
export async function getDashboard(userId: string, now: Date = new Date(), locale: Locale = "de"): Promise<Dashboard> {
  const today = dayKey(now);
  const windowStart = startOfDayKey(addDays(today, -(activityDays - 1)));
  const horizon = new Date(now.getTime() - masteryHorizonDays * dayMs);

  const [recentAnswers, recentReviews, answerTotals, finishedQuizzes, reviewCount, factSets, evidence] = await Promise.all([
    listAnswerOutcomesSince(userId, windowStart, now),
    db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: windowStart } }, select: { reviewedAt: true } }),
    getAnswerTotals(userId, now),
    countFinishedQuizzes(userId),
    db.reviewLog.count({ where: { userId } }),
    listVisibleFactSets(userId),
    loadEvidence(userId, horizon, now),
  ]);

  // Activity per Europe/Berlin day.
  const dayKeys = daysEndingWith(today, activityDays);
  const byDay = new Map(dayKeys.map((day) => [day, { day, answers: 0, correct: 0, accuracy: null as number | null, reviews: 0 }]));
  for (const answer of recentAnswers) {
    const entry = byDay.get(dayKey(answer.answeredAt));
    if (!entry) continue;
    entry.answers++;
    if (answer.correct) entry.correct++;
  }
  for (const review of recentReviews) {
    const entry = byDay.get(dayKey(review.reviewedAt));
    if (entry) entry.reviews++;
  }
  const days = [...byDay.values()].map((d) => ({ ...d, accuracy: d.answers > 0 ? d.correct / d.answers : null }));

  // Streak: the 30-day window usually decides it; a longer streak looks further back.
  const practiceDays = new Set<DayKey>([
    ...recentAnswers.map((a) => dayKey(a.answeredAt)),
    ...recentReviews.map((r) => dayKey(r.reviewedAt)),
  ]);
  const streakDays = await extendStreak(userId, practiceDays, today, dayKeys[0] ?? today);

  // Mastery per fact set.
  const masteryBySet = groupMasteryByFactSet(evidence, now);
  const topics: TopicProgress[] = factSets.map((factSet) =>
    toTopicProgress(factSet, topicMastery(factSet, masteryBySet.get(factSet.id) ?? new Map()), locale),
  );
  const factSetById = new Map(factSets.map((f) => [f.id, f]));
  const weakest: WeakFact[] = [];
  const candidates = [...masteryBySet.entries()].flatMap(([factSetId, mastery]) =>
    weakestFacts(mastery, Number.POSITIVE_INFINITY).map((fact) => ({ factSetId, fact })),
  );
  candidates.sort((a, b) => a.fact.mastery - b.fact.mastery || b.fact.wrongWeight - a.fact.wrongWeight);
  for (const { factSetId, fact } of candidates) {
    if (weakest.length >= weakestFactCount) break;
    const factSet = factSetById.get(factSetId);
    const label = factSet && labelFact(factSet, fact.factId, locale);
    // A fact that is no longer in its fact set cannot be practised; leave it out.
    if (!label) continue;
    weakest.push({ ...label, mastery: fact.mastery, attempts: fact.attempts, correct: fact.correct, lastSeenAt: fact.lastSeenAt });
  }

  const answers = answerTotals.reduce((sum, row) => sum + row._count._all, 0);
  const correctAnswers = answerTotals.find((row) => row.correct)?._count._all ?? 0;
  const timeSpentMs = answerTotals.reduce((sum, row) => sum + (row._sum.durationMs ?? 0), 0);
  const factsSeen = [...masteryBySet.values()].reduce((sum, mastery) => sum + mastery.size, 0);

  return {
    hasActivity: answers > 0 || reviewCount > 0,
    today,
    days,
    topics,
    weakest,
    streakDays,
    practisedToday: practiceDays.has(today),
    timeSpentMs,
    counts: { answers, correctAnswers, finishedQuizzes, reviews: reviewCount, factsSeen },
  };
}

/**
 * The learner's evidence since `since`: every per-fact quiz answer and every flashcard review
 * (one piece of evidence per fact of the card), keyed by fact set.
 */
async function loadEvidence(userId: string, since: Date, now: Date, factSetId?: string): Promise<{ factSetId: string; evidence: Evidence }[]> {
  const [answerFacts, reviews] = await Promise.all([
    listAnswerFactsSince(userId, since, factSetId, now),
    db.reviewLog.findMany({
      where: { userId, reviewedAt: { gte: since }, ...(factSetId ? { factSetId } : {}) },
      select: { factSetId: true, factIds: true, grade: true, reviewedAt: true },
    }),
  ]);
  return [
    ...answerFacts.map((row) => ({ factSetId: row.factSetId, evidence: { factId: row.factId, correct: row.correct, score: row.answer.score, at: row.answeredAt } })),
    ...reviews.flatMap((row) =>
      reviewToEvidence({ factIds: splitStoredFactIds(row.factIds), grade: row.grade, at: row.reviewedAt }).map((evidence) => ({
        factSetId: row.factSetId,
        evidence,
      })),
    ),
  ];
}

function groupMasteryByFactSet(items: { factSetId: string; evidence: Evidence }[], now: Date): Map<string, Map<string, FactMastery>> {
  const bySet = new Map<string, Evidence[]>();
  for (const { factSetId, evidence } of items) {
    const list = bySet.get(factSetId);
    if (list) list.push(evidence);
    else bySet.set(factSetId, [evidence]);
  }
  return new Map([...bySet.entries()].map(([factSetId, evidence]) => [factSetId, masteryByFact(evidence, now)]));
}

/**
 * Completes the streak when it reaches back to the start of what has been loaded: looks at
 * ever longer windows before it (60, 120, … days) until a day without practice shows up.
 */
async function extendStreak(userId: string, practiceDays: Set<DayKey>, today: DayKey, loadedFrom: DayKey): Promise<number> {
  let streak = practiceStreak(practiceDays, today);
  let from = loadedFrom;
  let span = 60;
  const lastDay = practiceDays.has(today) ? today : addDays(today, -1);
  while (streak > 0 && addDays(lastDay, -(streak - 1)) <= from) {
    const to = startOfDayKey(from);
    const earlier = addDays(from, -span);
    const [answers, reviews] = await Promise.all([
      listAnswerTimesBetween(userId, startOfDayKey(earlier), to),
      db.reviewLog.findMany({ where: { userId, reviewedAt: { gte: startOfDayKey(earlier), lt: to } }, select: { reviewedAt: true } }),
    ]);
    if (answers.length === 0 && reviews.length === 0) break;
    for (const a of answers) practiceDays.add(dayKey(a.answeredAt));
    for (const r of reviews) practiceDays.add(dayKey(r.reviewedAt));
    streak = practiceStreak(practiceDays, today);
    from = earlier;
    span *= 2;
  }
  return streak;
}

function toTopicProgress(factSet: FactSet, mastery: TopicMastery, locale: Locale): TopicProgress {
  return {
    factSetId: factSet.id,
    title: factSet.title[locale],
    mastery: mastery.mastery,
    seen: mastery.seen,
    total: mastery.total,
    waves: mastery.waves.map((wave) => ({
      year: wave.year,
      mastery: wave.mastery,
      seen: wave.seen,
      total: wave.total,
      countries: wave.factIds.map((id) => {
        const accession = factSet.accessions.find((a) => a.id === id);
        return (accession && countryById(factSet, accession.country)?.name[locale]) ?? id;
      }),
    })),
    events: mastery.events,
  };
}

/** A fact in words, or undefined for an id the fact set does not (or no longer) hold. */
export function labelFact(factSet: FactSet, factId: string, locale: Locale): FactLabel | undefined {
  const accession = factSet.accessions.find((a) => a.id === factId);
  if (accession) {
    const name = countryById(factSet, accession.country)?.name[locale] ?? accession.country;
    return { factSetId: factSet.id, factId, kind: "accession", name, year: Number(accession.date.slice(0, 4)) };
  }
  const event = eventById(factSet, factId);
  if (event) return { factSetId: factSet.id, factId, kind: "event", name: event.name[locale], year: Number(event.date.slice(0, 4)) };
  return undefined;
}

// ── History ─────────────────────────────────────────────────────────────────────────────

export const attemptPageSize = 20;
const dayKeyInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day);

/**
 * History filters as they arrive in a query string. Invalid or empty values are dropped
 * (a hand-edited URL shows an unfiltered list, not an error).
 */
export const attemptFiltersInput = z.object({
  topic: z.string().min(1).max(100).optional().catch(undefined),
  mode: z.string().regex(/^[a-z-]{1,20}$/).optional().catch(undefined),
  from: dayKeyInput.optional().catch(undefined),
  to: dayKeyInput.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AttemptFilters = z.infer<typeof attemptFiltersInput>;

/** Reads filters from search params (`?topic=nato&mode=self&from=2026-01-01&to=…&page=2`). */
export function parseAttemptFilters(params: Record<string, string | string[] | undefined>): AttemptFilters {
  const first = (value: string | string[] | undefined) => {
    const text = Array.isArray(value) ? value[0] : value;
    return text?.trim() ? text.trim() : undefined;
  };
  return attemptFiltersInput.parse({
    topic: first(params.topic),
    mode: first(params.mode),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page),
  });
}

export interface AttemptSummary {
  id: string;
  factSetId: string;
  topicTitle: string;
  mode: string;
  questionCount: number;
  correctCount: number;
  /** Share of the quiz answered right, 0..1, with partial credit. */
  score: number;
  startedAt: Date;
  finishedAt: Date;
  /** Time spent answering (Σ of the answers' durations). */
  durationMs: number;
}

export interface AttemptPage {
  attempts: AttemptSummary[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * The learner's finished quizzes, newest first, filtered by topic (fact set id), mode and
 * Europe/Berlin finishing day (`from` and `to` inclusive), one page at a time.
 */
export async function listAttempts(userId: string, filters: Partial<AttemptFilters> = {}, locale: Locale = "de", now: Date = new Date()): Promise<AttemptPage> {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const finishedAt: { gte?: Date; lt?: Date } = {};
  if (filters.from) finishedAt.gte = startOfDayKey(filters.from);
  if (filters.to) finishedAt.lt = startOfDayKey(addDays(filters.to, 1));
  const { total, rows } = await listFinishedQuizzes(
    userId,
    { factSetId: filters.topic, mode: filters.mode, ...(filters.from || filters.to ? { finishedAt } : {}) },
    (page - 1) * attemptPageSize,
    attemptPageSize,
    now,
  );
  const titles = await factSetTitles(locale);
  return {
    attempts: rows.map((row) => ({
      ...row,
      finishedAt: row.finishedAt ?? row.startedAt,
      topicTitle: titles.get(row.factSetId) ?? row.factSetId,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / attemptPageSize)),
    pageSize: attemptPageSize,
  };
}

/** Topics and modes the learner has finished quizzes in, for the filter form's choices. */
export async function listAttemptFilterOptions(userId: string, locale: Locale = "de"): Promise<{ topics: { id: string; title: string }[]; modes: string[] }> {
  const groups = await groupFinishedQuizzes(userId);
  const titles = await factSetTitles(locale);
  const topicIds = [...new Set(groups.map((g) => g.factSetId))].sort();
  return {
    topics: topicIds.map((id) => ({ id, title: titles.get(id) ?? id })),
    modes: [...new Set(groups.map((g) => g.mode))].sort(),
  };
}

export interface PersonalBest {
  factSetId: string;
  topicTitle: string;
  mode: string;
  /** The best score, 0..1. */
  score: number;
  /** The first finished quiz that reached it. */
  quizId: string;
  achievedAt: Date;
  /** Finished quizzes in this topic and mode. */
  attempts: number;
}

/** The best score per topic and mode over the learner's finished quizzes. */
export async function getPersonalBests(userId: string, locale: Locale = "de", now: Date = new Date()): Promise<PersonalBest[]> {
  const groups = await groupFinishedQuizzes(userId, now);
  if (groups.length === 0) return [];
  const best = await listQuizzesReaching(userId, groups.map((g) => ({ factSetId: g.factSetId, mode: g.mode, score: g._max.score ?? 0 })), now);
  const titles = await factSetTitles(locale);
  return groups
    .map((g) => {
      const first = best.find((q) => q.factSetId === g.factSetId && q.mode === g.mode);
      return {
        factSetId: g.factSetId,
        topicTitle: titles.get(g.factSetId) ?? g.factSetId,
        mode: g.mode,
        score: g._max.score ?? 0,
        quizId: first?.id ?? "",
        achievedAt: first?.finishedAt ?? first?.startedAt ?? new Date(0),
        attempts: g._count._all,
      };
    })
    .sort((a, b) => a.topicTitle.localeCompare(b.topicTitle) || a.mode.localeCompare(b.mode));
}

// ── Weak spots ──────────────────────────────────────────────────────────────────────────

/**
 * The facts a weak-spots quiz practises: the learner's weak facts in one fact set, weakest
 * first; a learner with none (everything answered right) practises the least mastered instead.
 */
export async function listWeakFacts(userId: string, factSetId: string, now: Date = new Date(), limit = weakSpotsFactLimit): Promise<FactMastery[]> {
  const factSet = await getVisibleFactSet(userId, factSetId);
  const evidence = await loadEvidence(userId, new Date(now.getTime() - masteryHorizonDays * dayMs), now, factSetId);
  const mastery = masteryByFact(
    evidence.map((e) => e.evidence),
    now,
  );
  const known = new Set([...factSet.accessions.map((a) => a.id), ...factSet.events.map((e) => e.id)]);
  const weak = weakestFacts(mastery, limit, known);
  return weak.length > 0 ? weak : leastMasteredFacts(mastery, limit, known);
}

/**
 * The learner's mastery (0..1) of every fact of one fact set they have evidence for, by fact
 * id: what the enlargement map's "what I know" colouring shows. Facts without evidence are
 * absent (unseen), not 0.
 */
export async function getFactMasteries(userId: string, factSetId: string, now: Date = new Date()): Promise<Record<string, number>> {
  const factSet = await getVisibleFactSet(userId, factSetId);
  const evidence = await loadEvidence(userId, new Date(now.getTime() - masteryHorizonDays * dayMs), now, factSetId);
  const mastery = masteryByFact(
    evidence.map((e) => e.evidence),
    now,
  );
  const known = new Set(allFactIds(factSet));
  return Object.fromEntries([...mastery.values()].filter((fact) => known.has(fact.factId)).map((fact) => [fact.factId, fact.mastery]));
}

/**
 * Starts a quiz that practises one fact (the map's "practise" button): every question type
 * that can test it, about five questions. ConflictError("map.errors.noQuestions") when no
 * question can be built; NotFoundError for an unknown fact set or fact.
 */
export async function createFactPracticeQuiz(userId: string, factSetId: string, factId: string, now: Date = new Date()): Promise<CreatedQuiz> {
  const factSet = await getVisibleFactSet(userId, factSetId);
  if (!allFactIds(factSet).includes(factId)) throw new NotFoundError(`fact ${factId}`);
  try {
    return await createQuiz(userId, { factSetId, types: [...questionTypes], count: factPracticeQuestionLimit, mode: "self", factIds: [factId] }, now);
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError("map.errors.noQuestions");
    throw error;
  }
}

/**
 * Starts a "weak spots" quiz: questions over the learner's lowest-mastery facts of a fact
 * set (at most 10 facts, about two questions per fact, at most 10 questions), of any question
 * type those facts allow. ConflictError("progress.errors.noWeakSpots") when the learner has
 * no evidence in the fact set yet (there is nothing to call weak), and
 * ConflictError("progress.errors.noQuestions") when no question can be built from the facts;
 * the messages are catalog keys the action wrapper translates. NotFoundError for an unknown
 * fact set.
 */
export async function createWeakSpotsQuiz(userId: string, factSetId: string, now: Date = new Date()): Promise<CreatedQuiz> {
  const weak = await listWeakFacts(userId, factSetId, now);
  if (weak.length === 0) throw new ConflictError("progress.errors.noWeakSpots");
  const count = Math.min(weakSpotsQuestionLimit, Math.max(3, weak.length * 2));
  try {
    return await createQuiz(
      userId,
      { factSetId, types: [...questionTypes], count, mode: "weak-spots", factIds: weak.map((fact) => fact.factId) },
      now,
    );
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError("progress.errors.noQuestions");
    throw error;
  }
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────

async function factSetTitles(locale: Locale): Promise<Map<string, string>> {
  const rows = await db.factSet.findMany({ select: { id: true, title: true } });
  return new Map(
    rows.map((row) => {
      try {
        const title = JSON.parse(row.title) as Partial<Record<Locale, string>>;
        return [row.id, title[locale] ?? row.id];
      } catch {
        return [row.id, row.id];
      }
    }),
  );
}

