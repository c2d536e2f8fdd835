// Exit codes and the two kinds of failure the command line reports without a stack trace.
// Anything else that escapes a command is a bug and exits with `internal` (see clvnb.ts).

export const EXIT = {
  /** Everything passed. */
  ok: 0,
  /**
   * The input has problems: diagnostics with errors, failed cells, unreadable files, files that
   * would be reformatted.
   */
  failed: 1,
  /** The command line itself is wrong: unknown command or option, missing or extra arguments. */
  usage: 2,
  /** A bug in clvnb. */
  internal: 3,
} as const;

/** The command line is malformed; the message says what and the help says how. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** The input (a file, a column, a revision) is bad; the message says what, `file` where. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }

  /** `file: message`, or the message alone when no file is involved. */
  get located(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}
