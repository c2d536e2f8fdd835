// The saved fit a `frozen` model reads, checked before a run: the file must exist, be a saved
// fit (models/frozen.ts reads it, with the kernel's messages) and be of the model's kind. Its
// time unit and returns policy are checked by the run, against the split it scores.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic, ModelStatement } from '../../language';
import { frozenFitPath } from '../../files/write-policy';
import { FrozenFitError, frozenMismatch, parseFrozenFit } from '../../models/frozen';

export function frozenFitDiagnostic(statement: ModelStatement, folder: string): Diagnostic | undefined {
  const written = frozenFitPath(statement);
  const at = statement.block?.items.find((i) => i.kind === 'Option' && i.name.name === 'frozen');
  if (written === undefined || !at || at.kind !== 'Option' || !statement.call) return undefined;
  const value = at.values[0];
  const diagnostic = (code: string, message: string): Diagnostic => ({
    range: { start: value.start, end: value.end },
    severity: 'error',
    code,
    message,
  });
  let text: string;
  try {
    text = readFileSync(resolve(folder, written), 'utf8');
  } catch (err) {
    return diagnostic('missing-file', `cannot read the saved fit "${written}": ${(err as Error).message}`);
  }
  try {
    const mismatch = frozenMismatch(parseFrozenFit(text), statement.call.callee.name);
    return mismatch ? diagnostic('unusable-fit', `"${written}" ${mismatch}`) : undefined;
  } catch (err) {
    if (!(err instanceof FrozenFitError)) throw err;
    return diagnostic('unusable-fit', `"${written}" is not a usable saved fit: ${err.message}`);
  }
}
