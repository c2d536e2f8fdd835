// Diagnostics: what the parser and checker report. `code` is a stable identifier (quick
// fixes and tests key on it, never on the message); `data` carries what a fix needs, e.g.
// the replacement text of a "did you mean".
import type { Range } from './ast';

export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticData {
  /** Text that fixes the problem when it replaces `range` (did-you-mean, missing unit...). */
  replacement?: string;
  /** Other candidates, best first. */
  candidates?: string[];
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  data?: DiagnosticData;
}

/** A diagnostic placed in one cell of a notebook. */
export interface CellDiagnostic extends Diagnostic {
  cellId: string;
}
