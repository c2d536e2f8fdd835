// Helpers for driving notebooks through the `vscode` API inside the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'clv-notebooks.clv-notebooks';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openNotebook(name: string): Promise<vscode.NotebookEditor> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const document = await vscode.workspace.openNotebookDocument(workspaceFile(name));
  const editor = await vscode.window.showNotebookDocument(document);
  await vscode.commands.executeCommand('notebook.selectKernel', { id: 'clv-kernel', extension: EXTENSION_ID });
  return editor;
}

export function codeCells(notebook: vscode.NotebookDocument): vscode.NotebookCell[] {
  return notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
}

/** Resolves once `predicate` holds, checking on every notebook change and every 100 ms. */
export async function waitFor(what: string, predicate: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const finished = (cell: vscode.NotebookCell) => cell.executionSummary?.timing?.endTime !== undefined;

export function mimesOf(cell: vscode.NotebookCell): string[] {
  return cell.outputs.flatMap((o) => o.items.map((i) => i.mime));
}

export function jsonOf<T>(cell: vscode.NotebookCell, mime: string): T[] {
  return cell.outputs.flatMap((o) =>
    o.items.filter((i) => i.mime === mime).map((i) => JSON.parse(new TextDecoder().decode(i.data)) as T),
  );
}

/** Every text and error output of the cell, for assertions and failure messages. */
export function textOf(cell: vscode.NotebookCell): string {
  return cell.outputs.flatMap((o) => o.items.map((i) => new TextDecoder().decode(i.data))).join('\n');
}
