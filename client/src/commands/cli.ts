// Runs the bundled command line (dist/cli/clvnb.mjs) as a child process. Commands that the
// CLI already does (`new`, `run --html`) go through it, so the editor and the CLI produce the
// same files, and heavy code (vega for the report's SVG charts) stays out of the extension host.
import { fork } from 'node:child_process';
import * as vscode from 'vscode';

export function clvnbPath(extensionUri: vscode.Uri): string {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'cli', 'clvnb.mjs').fsPath;
}

/** Resolves with what the CLI printed; rejects with it when the exit code is not 0. */
export function runClvnb(cli: string, args: string[], token?: vscode.CancellationToken): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(cli, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    token?.onCancellationRequested(() => child.kill());
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(Object.assign(new Error(out.trim() || `clvnb ${args[0]} exited with ${code}`), { code })),
    );
  });
}
