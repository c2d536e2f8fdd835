// Every open program: notebooks synchronised with LSP 3.17 notebook sync (the server sees
// all cells of a notebook at once, in order) and lone `.clv` text documents. Requests
// arrive with a cell's URI; `programOf` finds the notebook it belongs to.
import {
  NotebookCellKind,
  NotebookDocuments,
  TextDocuments,
  type Connection,
  type NotebookDocument,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CellInput } from '../../language';
import type { DataSchemas } from '../schema/data-schemas';
import { NotebookProgram } from './notebook-program';

export const CLV_LANGUAGE = 'clv';

/** What changed a program: its text, or what is known of its sources' columns (a read arrived, a file changed). */
export type ChangeCause = 'text' | 'schemas';

export class Workspace {
  private readonly notebooks = new NotebookDocuments(TextDocument);
  private readonly texts = new TextDocuments(TextDocument);
  private readonly programs = new Map<string, NotebookProgram>();
  private readonly listeners: ((program: NotebookProgram, cause: ChangeCause) => void)[] = [];
  private readonly closeListeners: ((program: NotebookProgram) => void)[] = [];

  constructor(private readonly schemas: DataSchemas) {
    this.notebooks.onDidOpen((nb) => this.changed(this.notebookProgram(nb)));
    this.notebooks.onDidClose((nb) => this.closed(nb.uri));
    this.texts.onDidChangeContent((e) => this.changed(this.textProgram(e.document.uri)));
    this.texts.onDidClose((e) => this.closed(e.document.uri));
    schemas.onDidChange((change) => {
      for (const program of this.programs.values()) {
        if (change === 'arrived' && !program.waiting) continue; // it did not ask for what arrived
        program.markSchemasChanged();
        this.notify(program, 'schemas');
      }
    });
  }

  listen(connection: Connection): void {
    this.notebooks.listen(
      observeNotebookChanges(connection, (uri) => {
        const notebook = this.notebooks.getNotebookDocument(uri);
        if (notebook) this.changed(this.notebookProgram(notebook));
      }),
    );
    this.texts.listen(connection);
  }

  /** Called after a program's text changed, or a source's columns arrived or changed. */
  onDidChange(listener: (program: NotebookProgram, cause: ChangeCause) => void): void {
    this.listeners.push(listener);
  }

  onDidClose(listener: (program: NotebookProgram) => void): void {
    this.closeListeners.push(listener);
  }

  /** The program a cell (or lone document) belongs to. */
  programOf(uri: string): NotebookProgram | undefined {
    const notebook = this.notebooks.findNotebookDocumentForCell(uri);
    if (notebook) return this.notebookProgram(notebook);
    return this.texts.get(uri) ? this.textProgram(uri) : undefined;
  }

  private notebookProgram(notebook: NotebookDocument): NotebookProgram {
    return this.program(notebook.uri, () => {
      // Read the live notebook each time: NotebookDocuments updates its cell list in place.
      const current = this.notebooks.getNotebookDocument(notebook.uri) ?? notebook;
      const cells: CellInput[] = [];
      for (const cell of current.cells) {
        if (cell.kind !== NotebookCellKind.Code) continue;
        const document = this.notebooks.getCellTextDocument(cell);
        if (document?.languageId === CLV_LANGUAGE) cells.push({ id: cell.document, text: document.getText() });
      }
      return cells;
    });
  }

  private textProgram(uri: string): NotebookProgram {
    return this.program(uri, () => {
      const document = this.texts.get(uri);
      return document ? [{ id: uri, text: document.getText() }] : [];
    });
  }

  private program(uri: string, cells: () => CellInput[]): NotebookProgram {
    let program = this.programs.get(uri);
    if (!program) {
      program = new NotebookProgram(uri, cells, this.schemas);
      this.programs.set(uri, program);
    }
    return program;
  }

  private changed(program: NotebookProgram): void {
    program.markStale();
    this.notify(program, 'text');
  }

  private notify(program: NotebookProgram, cause: ChangeCause): void {
    for (const listener of this.listeners) listener(program, cause);
  }

  private closed(uri: string): void {
    const program = this.programs.get(uri);
    if (!program) return;
    this.programs.delete(uri);
    for (const listener of this.closeListeners) listener(program);
  }
}

/**
 * NotebookDocuments fires no change event for a pure move (a structure change that opens and
 * closes no cell), yet the program's cell order changed. So it listens through this view of
 * the connection, which reports every notebook change after NotebookDocuments applied it.
 */
function observeNotebookChanges(connection: Connection, changed: (notebookUri: string) => void): Connection {
  const sync = connection.notebooks.synchronization;
  const observed: Pick<
    typeof sync,
    | 'onDidOpenNotebookDocument'
    | 'onDidChangeNotebookDocument'
    | 'onDidSaveNotebookDocument'
    | 'onDidCloseNotebookDocument'
  > = {
    onDidOpenNotebookDocument: (handler) => sync.onDidOpenNotebookDocument(handler),
    onDidSaveNotebookDocument: (handler) => sync.onDidSaveNotebookDocument(handler),
    onDidCloseNotebookDocument: (handler) => sync.onDidCloseNotebookDocument(handler),
    onDidChangeNotebookDocument: (handler) =>
      sync.onDidChangeNotebookDocument(async (params) => {
        await handler(params);
        changed(params.notebookDocument.uri);
      }),
  };
  return { notebooks: { synchronization: observed } } as unknown as Connection;
}
