// The language server: capabilities, and every request routed to its feature through
// `safe` (an internal error is logged and answered with an empty result; the server keeps
// serving). Diagnostics are pushed per cell after each change settles.
import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { codeActions } from './features/code-actions';
import { complete } from './features/completion';
import { formatDocument } from './features/formatting';
import { hover } from './features/hover';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './features/semantic-tokens';
import { signatureHelp } from './features/signature-help';
import { documentSymbols } from './features/symbols';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, DiagnosticsPublisher } from './diagnostics/publisher';
import { safe } from './safe';
import { DataSchemas } from './schema/data-schemas';
import { DEFAULT_READ_TIMEOUT_MS } from './schema/read-timeout';
import { CLV_LANGUAGE, Workspace } from './workspace/workspace';

export const NOTEBOOK_TYPE = 'clv-notebook';

function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    notebookDocumentSync: {
      notebookSelector: [{ notebook: { notebookType: NOTEBOOK_TYPE }, cells: [{ language: CLV_LANGUAGE }] }],
    },
    completionProvider: { triggerCharacters: [' ', '(', ',', '"', '/', '='] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    documentFormattingProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    signatureHelpProvider: { triggerCharacters: ['(', ','] },
  };
}

export function startServer(connection: Connection): void {
  const schemas = new DataSchemas((message) => connection.console.warn(message));
  const workspace = new Workspace(schemas);
  let publisher: DiagnosticsPublisher | undefined;

  connection.onInitialize((params) => {
    const options = params.initializationOptions as
      { diagnosticsDelay?: unknown; readTimeout?: unknown; connections?: unknown } | undefined;
    const delay = options?.diagnosticsDelay;
    const timeout = options?.readTimeout;
    publisher = new DiagnosticsPublisher(
      connection,
      typeof delay === 'number' && delay >= 0 ? delay : DEFAULT_DIAGNOSTICS_DELAY_MS,
    );
    // No connection unless the client says the workspace is trusted.
    schemas.configure({
      timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_READ_TIMEOUT_MS,
      connections: options?.connections === true,
    });
    return { capabilities: capabilities(), serverInfo: { name: 'clv-language-server', version: '0.1.0' } };
  });
  workspace.onDidChange((program, cause) => {
    // A publication under way waits for the reads and checks again with them: no second one.
    if (cause === 'text' || !publisher?.publishing(program)) publisher?.schedule(program);
  });
  workspace.onDidClose((program) => publisher?.clear(program));

  connection.onCompletion(safe(connection, 'completion', [], (p) => complete(workspace, p)));
  connection.onHover(safe(connection, 'hover', null, (p) => hover(workspace, p)));
  connection.onDefinition(safe(connection, 'definition', [], (p) => definition(workspace, p)));
  connection.onReferences(safe(connection, 'references', [], (p) => references(workspace, p)));
  connection.onPrepareRename(safe(connection, 'prepareRename', null, (p) => prepareRename(workspace, p)));
  connection.onRenameRequest(safe(connection, 'rename', null, (p) => rename(workspace, p)));
  connection.onDocumentSymbol(safe(connection, 'documentSymbol', [], (p) => documentSymbols(workspace, p)));
  connection.languages.semanticTokens.on(
    safe(connection, 'semanticTokens', { data: [] }, (p) => semanticTokens(workspace, p)),
  );
  connection.onDocumentFormatting(safe(connection, 'formatting', [], (p) => formatDocument(workspace, p)));
  connection.onCodeAction(safe(connection, 'codeAction', [], (p) => codeActions(workspace, p)));
  connection.onSignatureHelp(safe(connection, 'signatureHelp', null, (p) => signatureHelp(workspace, p)));
  connection.onDidChangeWatchedFiles(
    safe(connection, 'didChangeWatchedFiles', undefined, (p) => {
      for (const change of p.changes) schemas.fileChanged(change.uri);
    }),
  );
  connection.onShutdown(() => schemas.dispose());

  workspace.listen(connection);
  connection.listen();
}
