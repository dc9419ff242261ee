/**
 * What the fact-set import action answers and its form shows (shared by server and client).
 * The table itself is sent back each time, so the text box keeps what was read from a file.
 */

/** One problem of the table, as a sentence in the person's language; `row` when it has one (1 = header). */
export interface ImportProblem {
  message: string;
  row: number | null;
}

/** A sample question of one supported type, as the learner would see it, with its answer (the author may see it). */
export interface ImportSample {
  type: string;
  typeLabel: string;
  prompt: string;
  options: string[];
  correctAnswer: string;
}

/**
 * Every answer carries the table as read and the names as submitted: React resets a form's
 * fields after an action, so the form refills them from here.
 */
export type ImportOutcome =
  | { kind: "problems"; table: string; values: Record<string, string>; problems: ImportProblem[] }
  | {
      kind: "preview";
      table: string;
      values: Record<string, string>;
      memberCount: number;
      groupCount: number;
      samples: ImportSample[];
      unsupported: { type: string; typeLabel: string; reason: string }[];
    };
