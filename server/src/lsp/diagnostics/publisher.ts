// Publishes each cell's diagnostics after edits settle. A trailing debounce (50 ms by
// default) coalesces the bursts an editor sends — several cells changed by one paste, a
// format, a multi-cursor edit, quick typing — into one check, while staying well under the
// ~100 ms at which a delay becomes noticeable. `initializationOptions.diagnosticsDelay`
// overrides it (the bench measures with 0 and with the default).
import type { Connection } from 'vscode-languageserver';
import { toLspDiagnostic } from '../convert';
import type { NotebookProgram } from '../workspace/notebook-program';

export const DEFAULT_DIAGNOSTICS_DELAY_MS = 50;

export class DiagnosticsPublisher {
  private readonly timers = new Map<NotebookProgram, NodeJS.Timeout>();
  /** Cell URIs each program last published to, so removed cells get their diagnostics cleared. */
  private readonly published = new Map<string, Set<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly delayMs: number,
  ) {}

  schedule(program: NotebookProgram): void {
    clearTimeout(this.timers.get(program));
    this.timers.set(
      program,
      setTimeout(() => this.publish(program), this.delayMs),
    );
  }

  publish(program: NotebookProgram): void {
    this.timers.delete(program);
    const before = this.published.get(program.uri) ?? new Set<string>();
    const now = new Set<string>();
    try {
      for (const cell of program.result().cells) {
        now.add(cell.id);
        // One cell's failure (a file-system check that throws, say) must not keep the others,
        // or the clearing of removed cells below, from being published.
        try {
          const diagnostics = program.diagnostics(cell.id).map((d) => toLspDiagnostic(cell, d));
          void this.connection.sendDiagnostics({ uri: cell.id, diagnostics });
        } catch (error) {
          this.connection.console.error(`diagnostics of ${cell.id}: ${(error as Error).stack ?? String(error)}`);
        }
      }
    } catch (error) {
      this.connection.console.error(
        `publishing diagnostics of ${program.uri}: ${(error as Error).stack ?? String(error)}`,
      );
    }
    for (const uri of before) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.set(program.uri, now);
  }

  /** The program closed: clear what it published. */
  clear(program: NotebookProgram): void {
    clearTimeout(this.timers.get(program));
    this.timers.delete(program);
    for (const uri of this.published.get(program.uri) ?? [])
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(program.uri);
  }
}
