// Publishes each cell's diagnostics after edits settle. A trailing debounce (50 ms by
// default) coalesces the bursts an editor sends — several cells changed by one paste, a
// format, a multi-cursor edit, quick typing — into one check, while staying well under the
// ~100 ms at which a delay becomes noticeable. `initializationOptions.diagnosticsDelay`
// overrides it (the bench measures with 0 and with the default). A publication waits for the
// data-file headers and catalogs the check asked for (each bounded by the read timeout), so
// the first diagnostics of a source already say whether its columns exist; meanwhile the
// server keeps answering requests.
import type { Connection } from 'vscode-languageserver';
import { toLspDiagnostic } from '../convert';
import type { NotebookProgram } from '../workspace/notebook-program';

export const DEFAULT_DIAGNOSTICS_DELAY_MS = 50;

export class DiagnosticsPublisher {
  private readonly timers = new Map<NotebookProgram, NodeJS.Timeout>();
  /** Cell URIs each program last published to, so removed cells get their diagnostics cleared. */
  private readonly published = new Map<string, Set<string>>();
  /** The latest publication started per program: an older one still waiting for reads is dropped. */
  private readonly latest = new Map<NotebookProgram, number>();
  private publications = 0;

  constructor(
    private readonly connection: Connection,
    private readonly delayMs: number,
  ) {}

  schedule(program: NotebookProgram): void {
    clearTimeout(this.timers.get(program));
    this.timers.set(
      program,
      setTimeout(() => void this.publish(program), this.delayMs),
    );
  }

  /** Whether a publication of `program` is waiting for its reads. */
  publishing(program: NotebookProgram): boolean {
    return this.latest.has(program);
  }

  async publish(program: NotebookProgram): Promise<void> {
    this.timers.delete(program);
    const publication = ++this.publications;
    this.latest.set(program, publication);
    try {
      await program.settled();
    } catch (error) {
      this.connection.console.error(
        `reading the schemas of ${program.uri}: ${(error as Error).stack ?? String(error)}`,
      );
    }
    if (this.latest.get(program) !== publication) return;
    this.latest.delete(program);
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
    this.latest.delete(program);
    for (const uri of this.published.get(program.uri) ?? [])
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(program.uri);
  }
}
