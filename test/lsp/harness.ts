// A real LSP client talking to the real server process (dist/server/main.mjs) over stdio.
// Tests open notebooks with LSP 3.17 notebook notifications, edit them, and wait for the
// diagnostics the server pushes per cell.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeNotebookDocumentNotification,
  DidOpenNotebookDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  NotebookCellKind,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type NotebookCell,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'lsp');
const serverPath = join(repoRoot, 'dist', 'server', 'main.mjs');

let built = false;
/** Newest modification time of the server's sources (everything the bundle is made of). */
function newestServerSource(folder = join(repoRoot, 'server', 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestServerSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the bundles once per test run (the tests drive the built server, as an editor does).
 * Other areas' entry points are edited while tests run and may fail to build; esbuild still
 * writes the server bundle, so a failed build is accepted when that bundle is newer than
 * every server source.
 */
export function buildOnce(): void {
  if (built) return;
  try {
    execSync('npm run build', { cwd: repoRoot, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(serverPath) || statSync(serverPath).mtimeMs < newestServerSource()) throw error;
    console.warn(`npm run build failed outside the server; using the fresh ${serverPath}`);
  }
  built = true;
}

export interface CellSpec {
  text: string;
  /** Defaults to clv; markdown cells are markup cells. */
  language?: string;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times each URI's diagnostics were published. */
  readonly publications = new Map<string, number>();
  readonly errors: string[] = [];
  /** Every message the server logged (window/logMessage, of any type) and everything it wrote to stderr. */
  readonly logs: string[] = [];
  private waiters: { uris: Set<string>; resolve: () => void }[] = [];
  private versions = new Map<string, number>();
  /** Each open notebook's cells, in order, as the server was told. */
  private notebookCells = new Map<string, NotebookCell[]>();
  private cellCounter = 0;
  exited = false;

  private constructor(readonly process: ChildProcess) {
    this.connection = createProtocolConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publications.set(p.uri, (this.publications.get(p.uri) ?? 0) + 1);
      for (const w of this.waiters) w.uris.delete(p.uri);
      this.waiters = this.waiters.filter((w) => (w.uris.size === 0 ? (w.resolve(), false) : true));
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      if (p.type === 1) this.errors.push(p.message);
    });
    process.on('exit', () => (this.exited = true));
    this.connection.listen();
  }

  /** `env`: the server process's environment (where `env "VAR"` connections find their URL). */
  static async start(
    initializationOptions: Record<string, unknown> = { diagnosticsDelay: 0 },
    env: NodeJS.ProcessEnv = process.env,
  ): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const client = new TestClient(child);
    child.stderr.on('data', (chunk: Buffer) => {
      client.logs.push(chunk.toString());
      process.stderr.write(chunk);
    });
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves when every URI has had a diagnostics publication after this call. */
  published(uris: string[], timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no diagnostics for ${[...waiter.uris].join(', ')} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const waiter = { uris: new Set(uris), resolve: () => (clearTimeout(timer), resolve()) };
      this.waiters.push(waiter);
    });
  }

  /** Resolves once `uri` has published diagnostics that satisfy `predicate` (a check may publish several times). */
  async until(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = 5000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.diagnostics.has(uri) || !predicate(this.diagnostics.get(uri)!)) {
      await this.published([uri], Math.max(1, deadline - Date.now()));
    }
    return this.diagnostics.get(uri)!;
  }

  /** Resolves once no diagnostics have been published for `ms` milliseconds (the LSP bench waits so). */
  async quiet(ms = 20): Promise<void> {
    let total = -1;
    while (total !== this.totalPublications()) {
      total = this.totalPublications();
      await new Promise((r) => setTimeout(r, ms));
    }
  }

  private totalPublications(): number {
    let n = 0;
    for (const count of this.publications.values()) n += count;
    return n;
  }

  newCellUri(notebookUri: string): string {
    return `vscode-notebook-cell:${notebookUri.slice('file:'.length)}#cell${++this.cellCounter}`;
  }

  private cellOf(uri: string, spec: CellSpec) {
    const language = spec.language ?? 'clv';
    this.versions.set(uri, 1);
    return {
      cell: {
        kind: language === 'markdown' ? NotebookCellKind.Markup : NotebookCellKind.Code,
        document: uri,
      } satisfies NotebookCell,
      document: { uri, languageId: language, version: 1, text: spec.text },
    };
  }

  /** Opens a notebook and returns its cells' URIs (in order). */
  async openNotebook(notebookUri: string, cells: (CellSpec | string)[]): Promise<string[]> {
    const made = cells.map((c) => this.cellOf(this.newCellUri(notebookUri), typeof c === 'string' ? { text: c } : c));
    this.versions.set(notebookUri, 1);
    this.notebookCells.set(
      notebookUri,
      made.map((m) => m.cell),
    );
    await this.connection.sendNotification(DidOpenNotebookDocumentNotification.type, {
      notebookDocument: { uri: notebookUri, notebookType: 'clv-notebook', version: 1, cells: made.map((m) => m.cell) },
      cellTextDocuments: made.map((m) => m.document),
    });
    return made.map((m) => m.cell.document);
  }

  private nextVersion(uri: string): number {
    const v = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    return v;
  }

  async editCell(notebookUri: string, cellUri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
      notebookDocument: { uri: notebookUri, version: this.nextVersion(notebookUri) },
      change: { cells: { textContent: [{ document: { uri: cellUri, version: this.nextVersion(cellUri) }, changes }] } },
    });
  }

  /**
   * Replaces a range of cells: removes `deleteCount` at `start`, inserts new cells (or moved
   * ones, with their text).
   */
  async spliceCells(
    notebookUri: string,
    start: number,
    deleteCount: number,
    removed: string[],
    inserted: { uri?: string; spec: CellSpec | string }[],
  ): Promise<string[]> {
    const made = inserted.map((c) =>
      this.cellOf(c.uri ?? this.newCellUri(notebookUri), typeof c.spec === 'string' ? { text: c.spec } : c.spec),
    );
    this.notebookCells.get(notebookUri)?.splice(start, deleteCount, ...made.map((m) => m.cell));
    await this.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
      notebookDocument: { uri: notebookUri, version: this.nextVersion(notebookUri) },
      change: {
        cells: {
          structure: {
            array: { start, deleteCount, cells: made.map((m) => m.cell) },
            didOpen: made.map((m) => m.document),
            didClose: removed.map((uri) => ({ uri })),
          },
        },
      },
    });
    return made.map((m) => m.cell.document);
  }

  /** Moves a cell as VS Code does: one structure change re-listing the span, documents stay open. */
  async moveCell(notebookUri: string, from: number, to: number): Promise<void> {
    const cells = this.notebookCells.get(notebookUri)!;
    const start = Math.min(from, to);
    const deleteCount = Math.abs(from - to) + 1;
    const [moved] = cells.splice(from, 1);
    cells.splice(to, 0, moved);
    await this.connection.sendNotification(DidChangeNotebookDocumentNotification.type, {
      notebookDocument: { uri: notebookUri, version: this.nextVersion(notebookUri) },
      change: {
        cells: { structure: { array: { start, deleteCount, cells: cells.slice(start, start + deleteCount) } } },
      },
    });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      await this.connection.sendRequest('shutdown').catch(() => undefined);
      await this.connection.sendNotification('exit').catch(() => undefined);
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export const notebookUriIn = (folder: string, name = 'analysis.clvnb') => pathToFileURL(join(folder, name)).href;

/** Diagnostics of a URI reduced to what tests compare: code, severity, range as [line, char, line, char]. */
export function brief(diagnostics: Diagnostic[] | undefined) {
  return (diagnostics ?? []).map((d) => ({
    code: d.code,
    severity: d.severity,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  }));
}
