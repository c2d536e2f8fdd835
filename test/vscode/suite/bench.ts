// Timings taken inside the extension host for bench/extension.bench.ts (run through the same
// test hook as the suite): the extension's activation cost, and the CDNOW notebook run end to
// end from a fresh kernel (restart, Run All, every cell finished), several times.
import * as vscode from 'vscode';
import { codeCells, EXTENSION_ID, finished, openNotebook, waitFor } from './notebook-helpers';

export async function run(): Promise<{ activationMs: number; runAllMs: number[] }> {
  const extension = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID)!;
  const { activationMs } = await extension.activate();
  const { notebook } = await openNotebook('cdnow.clvnb');
  const cells = codeCells(notebook);
  const runAllMs: number[] = [];
  for (let i = 0; i < 6; i++) {
    await vscode.commands.executeCommand('clv.restartKernel');
    const started = Date.now();
    await vscode.commands.executeCommand('notebook.execute');
    await waitFor('every cell to finish', () =>
      cells.every((c) => finished(c) && c.executionSummary!.timing!.startTime >= started),
    );
    runAllMs.push(Date.now() - started);
  }
  return { activationMs, runAllMs };
}
