// `npm run test:vscode`: the editor-level suite on desktop VS Code through
// @vscode/test-electron. It needs a VS Code binary: pass VSCODE_EXECUTABLE (it cannot be
// downloaded on machines without internet access), or let test-electron download one.
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, repoRoot } from './build-suite';

const workspace = mkdtempSync(path.join(os.tmpdir(), 'clv-vscode-'));
cpSync(path.join(repoRoot, 'test/fixtures/vscode/workspace'), workspace, { recursive: true });
await runTests({
  vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
  extensionDevelopmentPath: repoRoot,
  extensionTestsPath: await buildSuite(),
  launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
});
