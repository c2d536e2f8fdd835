// A problem with the data (missing file, unknown column, unreadable format), as opposed to a
// bug: the message is for the notebook's author and says what and where.
export class DataError extends Error {}
