// Everything `clvnb` prints goes through here, for two rules. Control characters that come
// from data (a customer id holding an ESC sequence could retitle, recolour or clear the
// terminal) are printed escaped, never raw. A closed stdout or stderr (`clvnb run nb --html
// r.html | head -1`) stops the printing but not the command: every file it was asked to
// write is still written, and the process does not die of EPIPE.

// C0 controls except tab and newline, DEL, and the C1 controls (ESC's one-byte twins).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/** `text` with every control character except tab and newline written as `\xHH`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${hex(c)}`);
}

/** `text` printable and on one line (a cell of a table): line breaks written as `\x0A` too. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, (c) => `\\x${hex(c)}`);
}

/**
 * JSON text with the C1 controls (which JSON.stringify leaves raw) written as `\u00HH`: the same
 * value, safe to print.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u00${hex(c)}`);
}

const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  // Any failure to write (EPIPE, a destroyed stream) means the reader is gone: stop printing.
  stream.on('error', () => closed.add(stream));
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  try {
    stream.write(text);
  } catch {
    closed.add(stream);
  }
}

/** Prints to stdout, control characters escaped. */
export function print(text: string): void {
  write(process.stdout, printable(text));
}

/** Prints to stderr, control characters escaped. */
export function printError(text: string): void {
  write(process.stderr, printable(text));
}

/** Prints already-safe text (printableJson's) to stdout as it is. */
export function printRaw(text: string): void {
  write(process.stdout, text);
}
