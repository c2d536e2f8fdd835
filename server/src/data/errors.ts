// A problem with the data (missing file, unknown column, unreadable format), as opposed to a
// bug: the message is for the notebook's author and says what and where.
export class DataError extends Error {}

/** A data file that cannot be opened; `reason` is the short why ("no such file", "it is a folder"). */
export class UnreadableFileError extends DataError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot read the data file "${path}": ${reason}.`);
  }
}
