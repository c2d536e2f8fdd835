// The web build's stand-in for the kernel processes: the kernel reads data files and fits
// models in a Node.js process, which a browser does not have, so a cell run in vscode.dev or
// github.dev ends with an error output saying so and where the notebook does run.
import * as vscode from 'vscode';
import type { CellResult } from '../../../server/src/kernel/api';
import type { NotebookKernels } from '../controller';

export const NOT_IN_BROWSER =
  'Cells do not run in the browser yet: the kernel reads data files and fits models in a Node.js process. ' +
  'Open the notebook in VS Code on the desktop, or run it with `clvnb run <notebook>`. ' +
  'Here the notebook is checked as you type (diagnostics, completion, hover, rename, formatting).';

export class BrowserKernels implements NotebookKernels, vscode.Disposable {
  readonly log = vscode.window.createOutputChannel('CLV Kernel');

  for(): ReturnType<NotebookKernels['for']> {
    return {
      run: async (cells, request) => {
        const ids = request?.cellIds ?? cells.map((c) => c.id);
        const refused = (cellId: string): CellResult => ({
          status: 'error',
          outputs: [],
          error: { message: NOT_IN_BROWSER, cellId },
          ms: 0,
          cached: false,
        });
        return new Map(ids.map((id) => [id, refused(id)]));
      },
    };
  }

  dispose(): void {
    this.log.dispose();
  }
}
