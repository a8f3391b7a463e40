/**
 * A study: one paper's (or one question's) exact computation, printed as a report — the grid
 * tables of Green–Laffont and Myerson–Satterthwaite, Chung–Ely (2007), Brooks–Du. Studies sit in
 * the reports layer: they compute with the subject modules and print text; `mechcheck study
 * <name>` (src/cli/commands/study.ts) parses the command line and calls `run`.
 */

/** Where a study prints: results on `out`, progress on `err`. */
export interface StudyIO {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

/** Options as parsed (and range-checked) by the command line, by flag name. */
export type StudyFlags = Readonly<Record<string, string | number | boolean>>;

export interface Study {
  readonly name: string;
  readonly summary: string;
  /** Exit code: 0 when every certificate checked, 1 when one failed (a bug); throws MechcheckError on bad input. */
  readonly run: (flags: StudyFlags, io: StudyIO) => Promise<number>;
}
