import type { AssignmentStatus, AttemptStatus } from "../assignments/policies";
import { averageScore, findWeakestFacts, summariseQuestions, type FactStat, type QuestionObservation, type QuestionStat } from "../assignments/question-stats";
import { getTimeTakenMs, scoreAttempts } from "../assignments/scoring";
import { getAssignmentStatus, isLateSubmission } from "../assignments/status";
import { settleAttempt } from "../assignments/time-limit";
import { countryById, eventById } from "../facts/fact-queries";
import type { FactSet, Locale } from "../facts/schema";
import { describeResponse } from "../progress/describe-response";
import { renderQuestion } from "../questions/render-question";
import type { QuestionSpec, QuestionType, Response } from "../questions/types";
import { assignmentSettingsSelect, getTeacherAssignment, parseAssignmentRow, type AssignmentSettings } from "./assignments";
import { listAttemptRows, listAttemptRowsByAssignment, type AttemptRow } from "./attempts/attempt-rows";
import { listAnsweredQuestionsOf, listClassAnswers } from "./attempts/class-reports";
import { settleExpiredAttempts } from "./attempts/assignment-rules";
import { personName } from "./classes";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { getVisibleFactSet } from "./fact-sets";

/**
 * The teacher's view of results: the gradebook of one assignment, the report of a class
 * across its assignments, and the rows of the CSV exports. Only for the class's teacher
 * (NotFoundError for anyone else), and computed from what the server stored and graded:
 * nothing a browser sent is trusted beyond the answers recordAnswer graded.
 *
 * Every read first finishes attempts whose deadline has passed, so an abandoned timed
 * attempt shows as submitted (unanswered = wrong) without anyone having to open it.
 */

interface Learner {
  userId: string;
  name: string;
  email: string | null;
  isRemoved: boolean;
}

/**
 * The learners a report lists: current members, and removed ones who left attempts behind
 * (their work stays on record), current ones first, by name.
 */
async function listReportLearners(classId: string, attemptUserIds: ReadonlySet<string>): Promise<Learner[]> {
  const members = await db.classMember.findMany({
    where: { classId },
    select: { userId: true, removedAt: true, user: { select: { displayName: true, email: true } } },
  });
  return members
    .filter((m) => m.removedAt === null || attemptUserIds.has(m.userId))
    .map((m) => ({ userId: m.userId, name: personName(m.user), email: m.user.email, isRemoved: m.removedAt !== null }))
    .sort((a, b) => Number(a.isRemoved) - Number(b.isRemoved) || a.name.localeCompare(b.name));
}

// ── One assignment ───────────────────────────────────────────────────────────────────────

export interface GradebookAttempt {
  quizId: string;
  attemptNumber: number;
  status: AttemptStatus;
  score: number;
  startedAt: Date;
  finishedAt: Date | null;
  isLate: boolean;
}

export interface GradebookRow extends Learner {
  status: AssignmentStatus;
  /** Under the assignment's scoring policy, 0..1; null before anything is submitted. */
  score: number | null;
  timeTakenMs: number | null;
  attemptsUsed: number;
  attempts: GradebookAttempt[];
}

export interface QuestionReportRow extends QuestionStat {
  type: QuestionType;
}

export interface FactReportRow extends FactStat {
  label: string;
}

export interface Gradebook {
  assignment: AssignmentSettings & { className: string };
  rows: GradebookRow[];
  /** "position" for the same questions for everyone; "question" (type and facts) for individual variants. */
  groupedBy: "position" | "question";
  questions: QuestionReportRow[];
  weakestFacts: FactReportRow[];
  summary: { learnerCount: number; submittedCount: number; inProgressCount: number; averageScore: number | null };
}

/**
 * The gradebook of one assignment: each learner's status, counted score, time taken and
 * attempts; per question the share answered correctly and the most common wrong answer;
 * the facts the class knows least. Question statistics use one observation per learner and
 * question: from the learner's latest submitted attempt (what the class knows now), with an
 * unanswered question counted wrong.
 */
export async function getGradebook(teacherId: string, assignmentId: string, locale: Locale, now: Date = new Date()): Promise<Gradebook> {
  const assignment = await getTeacherAssignment(teacherId, assignmentId);

  await settleExpiredAttempts({ assignmentId }, now);
  const attempts = await listAttemptRows({ assignmentId });
  const learners = await listReportLearners(assignment.classId, new Set(attempts.map((a) => a.userId)));

  const rows = learners.map((learner): GradebookRow => {
    const own = attempts.filter((a) => a.userId === learner.userId).map((a) => settleAttempt(a, assignment, now));
    return {
      ...learner,
      status: getAssignmentStatus(own, assignment, now),
      score: scoreAttempts(assignment.scoringPolicy, own).score,
      timeTakenMs: getTimeTakenMs(assignment.scoringPolicy, own),
      attemptsUsed: own.length,
      attempts: own.map((a) => ({
        quizId: a.id,
        attemptNumber: a.attemptNumber,
        status: a.status,
        score: a.score,
        startedAt: a.startedAt,
        finishedAt: a.finishedAt,
        isLate: a.finishedAt !== null && isLateSubmission(a.finishedAt, assignment),
      })),
    };
  });

  // One observation per learner and question: their latest submitted attempt.
  const latestFinished = new Map<string, AttemptRow>();
  for (const a of attempts) if (a.status !== "in_progress") latestFinished.set(a.userId, a);
  const groupedBy = assignment.variant === "same" ? "position" : "question";
  const factSet = await getVisibleFactSet(teacherId, assignment.factSetId);
  const questionRows = latestFinished.size
    ? await listAnsweredQuestionsOf([...latestFinished.values()].map((a) => a.id))
    : [];
  const types = new Map<string, QuestionType>();
  const observations = questionRows.map((q, index): QuestionObservation => {
    const spec = JSON.parse(q.spec) as QuestionSpec;
    const key = groupedBy === "position" ? `p${q.position}` : `${spec.type}|${spec.factIds.join(",")}`;
    types.set(key, spec.type);
    const isCorrect = q.answer?.correct ?? false;
    return {
      key,
      label: renderQuestion(spec, factSet, locale).prompt,
      order: groupedBy === "position" ? q.position : index,
      factIds: spec.factIds,
      correct: isCorrect,
      wrongAnswer: isCorrect ? null : q.answer ? describeResponse(spec, JSON.parse(q.answer.response) as Response, factSet, locale) : "",
    };
  });

  const scored = rows.filter((r) => r.score !== null);
  return {
    assignment,
    rows,
    groupedBy,
    questions: summariseQuestions(observations).map((stat) => ({ ...stat, type: types.get(stat.key)! })),
    weakestFacts: findWeakestFacts(observations, 5).map((fact) => ({ ...fact, label: labelFact(factSet, fact.factId, locale) })),
    summary: {
      learnerCount: rows.filter((r) => !r.isRemoved).length,
      submittedCount: rows.filter((r) => r.status === "submitted" || r.status === "late").length,
      inProgressCount: rows.filter((r) => r.status === "in_progress").length,
      averageScore: averageScore(scored.map((r) => r.score)),
    },
  };
}

/** A fact in words for the report: "Polen (1999)", an event's name; the id for one the fact set no longer has. */
function labelFact(factSet: FactSet, factId: string, locale: Locale): string {
  const accession = factSet.accessions.find((a) => a.id === factId);
  if (accession) return `${countryById(factSet, accession.country)?.name[locale] ?? accession.country} (${accession.date.slice(0, 4)})`;
  const event = eventById(factSet, factId);
  return event ? `${event.name[locale]} (${event.date.slice(0, 4)})` : factId;
}

// ── One class ────────────────────────────────────────────────────────────────────────────

export interface ReportAssignment {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  /** Mean of the counted scores of learners who submitted, 0..1; null when nobody has. */
  averageScore: number | null;
  submittedCount: number;
}

export interface ReportCell {
  status: AssignmentStatus;
  score: number | null;
}

export interface ReportLearner extends Learner {
  /** By assignment id. */
  cells: Record<string, ReportCell>;
  averageScore: number | null;
}

export interface ClassReport {
  classId: string;
  className: string;
  learnerCount: number;
  /** Oldest due date first: the order of the chart's time axis. */
  assignments: ReportAssignment[];
  learners: ReportLearner[];
}

/**
 * Scores across a class's assignments over time: per assignment the class average (of those
 * who submitted) and per learner and assignment the status and counted score. The basis of
 * the class page's chart and table and of the scores export.
 */
export async function getClassReport(teacherId: string, classId: string, now: Date = new Date()): Promise<ClassReport> {
  const owned = await db.class.findFirst({ where: { id: classId, teacherId }, select: { id: true, name: true } });
  if (!owned) throw new NotFoundError(`class ${classId}`);
  await settleExpiredAttempts({ assignment: { classId } }, now);
  const rows = await db.assignment.findMany({
    where: { classId },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: assignmentSettingsSelect,
  });
  const attemptsByAssignment = await listAttemptRowsByAssignment({ assignmentIds: rows.map((r) => r.id) });
  const assignments = rows.map((r) => ({ settings: parseAssignmentRow(r), attempts: attemptsByAssignment.get(r.id)! }));
  const learners = await listReportLearners(classId, new Set(assignments.flatMap((a) => a.attempts.map((t) => t.userId))));

  const reportLearners = learners.map((learner): ReportLearner => {
    const cells: Record<string, ReportCell> = {};
    for (const { settings, attempts } of assignments) {
      const own = attempts.filter((a) => a.userId === learner.userId);
      cells[settings.id] = { status: getAssignmentStatus(own, settings, now), score: scoreAttempts(settings.scoringPolicy, own.map((a) => settleAttempt(a, settings, now))).score };
    }
    return { ...learner, cells, averageScore: averageScore(Object.values(cells).map((c) => c.score)) };
  });

  return {
    classId: owned.id,
    className: owned.name,
    learnerCount: learners.filter((l) => !l.isRemoved).length,
    assignments: assignments.map(({ settings }) => {
      const scores = reportLearners.map((l) => l.cells[settings.id]?.score ?? null);
      return {
        id: settings.id,
        title: settings.title,
        opensAt: settings.opensAt,
        dueAt: settings.dueAt,
        averageScore: averageScore(scores),
        submittedCount: scores.filter((s) => s !== null).length,
      };
    }),
    learners: reportLearners,
  };
}

// ── Detailed export ──────────────────────────────────────────────────────────────────────

export interface AnswerExportRow {
  learnerName: string;
  email: string | null;
  assignmentTitle: string;
  attemptNumber: number;
  attemptStatus: AttemptStatus;
  /** Whether the attempt was submitted after the due date. */
  isLateAttempt: boolean;
  /** 1-based, as a person counts. */
  questionNumber: number;
  questionType: QuestionType;
  prompt: string;
  answer: string;
  isCorrect: boolean;
  score: number;
  answeredAt: Date;
  durationMs: number;
}

/**
 * One row per stored answer in the class's assignments (or one of them), rendered in
 * `locale`: for the detailed CSV export. Ordered by assignment (due date), learner, attempt
 * and question.
 */
export async function listAnswersForExport(
  teacherId: string,
  classId: string,
  locale: Locale,
  options: { assignmentId?: string } = {},
  now: Date = new Date(),
): Promise<AnswerExportRow[]> {
  const owned = await db.class.findFirst({ where: { id: classId, teacherId }, select: { id: true } });
  if (!owned) throw new NotFoundError(`class ${classId}`);
  if (options.assignmentId) {
    const exists = await db.assignment.findFirst({ where: { id: options.assignmentId, classId }, select: { id: true } });
    if (!exists) throw new NotFoundError(`assignment ${options.assignmentId}`);
  }
  await settleExpiredAttempts({ assignment: { classId }, ...(options.assignmentId ? { assignmentId: options.assignmentId } : {}) }, now);
  const answers = await listClassAnswers(classId, options.assignmentId);
  const factSets = new Map<string, FactSet>();
  for (const id of new Set(answers.map((a) => a.quiz.factSetId))) factSets.set(id, await getVisibleFactSet(teacherId, id));

  return answers
    .map((a): AnswerExportRow & { sortKey: string } => {
      const spec = JSON.parse(a.quizQuestion.spec) as QuestionSpec;
      const factSet = factSets.get(a.quiz.factSetId)!;
      const assignment = a.quiz.assignment!;
      const learnerName = personName(a.user);
      return {
        learnerName,
        email: a.user.email,
        assignmentTitle: assignment.title,
        attemptNumber: a.quiz.attemptNumber,
        attemptStatus: a.quiz.status as AttemptStatus,
        isLateAttempt: a.quiz.finishedAt !== null && isLateSubmission(a.quiz.finishedAt, assignment),
        questionNumber: a.quizQuestion.position + 1,
        questionType: spec.type,
        prompt: renderQuestion(spec, factSet, locale).prompt,
        answer: describeResponse(spec, JSON.parse(a.response) as Response, factSet, locale),
        isCorrect: a.correct,
        score: a.score,
        answeredAt: a.answeredAt,
        durationMs: a.durationMs,
        sortKey: [
          assignment.dueAt.toISOString(),
          assignment.createdAt.toISOString(),
          learnerName.toLocaleLowerCase(),
          a.user.email ?? "",
          String(a.quiz.attemptNumber).padStart(3, "0"),
          String(a.quizQuestion.position).padStart(4, "0"),
        ].join("\u0000"),
      };
    })
    .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0))
    .map(({ sortKey: _sortKey, ...row }) => row);
}
