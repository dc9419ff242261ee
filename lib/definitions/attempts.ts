import type { QuestionKind, QuestionType, SourceLink, SourceQuote } from "../questions/types";

/**
 * What a learner may see of one attempt, as the server sends it to pages, API replies and
 * the client. Shared by server and client: plain types only, no server imports.
 */

/** One question of an attempt, as the reveal rule lets the learner see it. */
export interface ReviewedQuestion {
  position: number;
  type: QuestionType;
  kind: QuestionKind;
  prompt: string;
  /** The learner's answer in words; null for a question never answered. */
  givenAnswer: string | null;
  /** null while the reveal rule withholds it (see `AttemptReview.withheld`), or never answered in a quiz still open. */
  correctAnswer: string | null;
  explanation: string | null;
  /** Every source in one line of text (export); null while withheld. */
  source: string | null;
  /** The source text's sentence, quoted first, and the other references (components/quiz/source-references.tsx); null / empty while withheld. */
  quote: SourceQuote | null;
  references: SourceLink[];
  /** null for an unanswered question, or while the grade is withheld. */
  correct: boolean | null;
  /** Share of the answer that was right, 0..1; null when unanswered or withheld. */
  score: number | null;
  durationMs: number | null;
}

/** Why an attempt's grades and answers are not shown yet: until submission, or until a date (ISO in JSON). */
export interface ReviewWithheld {
  revealsAt: "submit" | Date;
}

export interface AttemptReview {
  id: string;
  factSetId: string;
  topicTitle: string;
  mode: string;
  status: string;
  questionCount: number;
  answeredCount: number;
  /** null while the reveal policy withholds grades: a total would tell which answers were right. */
  correctCount: number | null;
  /** 0..1, counting partial credit; null while withheld, as `correctCount`. */
  score: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number;
  /** Set while an assignment's reveal policy withholds grades, correct answers and explanations. */
  withheld: ReviewWithheld | null;
  questions: ReviewedQuestion[];
}
