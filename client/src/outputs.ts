// Kernel results → VS Code cell outputs. Each output item is a MIME bundle; the rich types
// go first so the editor picks the notebook renderer, with `text/plain` as the fallback.
import * as vscode from 'vscode';
import type { CellResult } from '../../server/src/kernel/api';
import { MIME, type OutputItem } from '../../server/src/kernel/output-types';

function toCellOutput(item: OutputItem): vscode.NotebookCellOutput {
  const items: vscode.NotebookCellOutputItem[] = [];
  for (const [mime, value] of Object.entries(item.data)) {
    if (mime === MIME.text) continue;
    if (mime === MIME.error) {
      // The editor's own error view: message and location in the cell, no fake stack.
      const e = value as { name: string; message: string; stack?: string };
      items.push(vscode.NotebookCellOutputItem.error({ name: e.name, message: e.message, stack: e.stack ?? '' }));
    } else if (mime === MIME.markdown) items.push(vscode.NotebookCellOutputItem.text(value as string, mime));
    else items.push(vscode.NotebookCellOutputItem.json(value, mime));
  }
  if (!item.data[MIME.error]) items.push(vscode.NotebookCellOutputItem.text(item.data[MIME.text], MIME.text));
  return new vscode.NotebookCellOutput(items);
}

/** The cell's outputs; a failure without an error bundle still shows as an error. */
export function cellOutputs(result: CellResult): vscode.NotebookCellOutput[] {
  const outputs = result.outputs.map(toCellOutput);
  const hasError = result.outputs.some((o) => o.data[MIME.error]);
  if (result.status !== 'ok' && result.error && !hasError) {
    const name = result.status === 'skipped' ? 'Skipped' : result.status === 'interrupted' ? 'Interrupted' : 'Error';
    outputs.push(
      new vscode.NotebookCellOutput([
        vscode.NotebookCellOutputItem.error({ name, message: result.error.message, stack: '' }),
      ]),
    );
  }
  return outputs;
}

/** A progress line shown in the cell while a load or fit runs; replaced by the results. */
export function progressOutput(fraction: number, message: string): vscode.NotebookCellOutput {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(`${message} (${percent}%)`, MIME.text)]);
}
