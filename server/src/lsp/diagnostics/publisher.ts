// Publishes each cell's diagnostics after edits settle. A trailing debounce (50 ms by
// default) coalesces the bursts an editor sends — several cells changed by one paste, a
// format, a multi-cursor edit, quick typing — into one check, while staying well under the
// ~100 ms at which a delay becomes noticeable. `initializationOptions.diagnosticsDelay`
// overrides it (the bench measures with 0 and with the default).
import type { Connection } from 'vscode-languageserver/node';
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
    try {
      const before = this.published.get(program.uri) ?? new Set<string>();
      const now = new Set<string>();
      for (const cell of program.result().cells) {
        now.add(cell.id);
        const diagnostics = program.diagnostics(cell.id).map((d) => toLspDiagnostic(cell, d));
        void this.connection.sendDiagnostics({ uri: cell.id, diagnostics });
      }
      for (const uri of before) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.set(program.uri, now);
    } catch (error) {
      this.connection.console.error(
        `publishing diagnostics of ${program.uri}: ${(error as Error).stack ?? String(error)}`,
      );
    }
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
