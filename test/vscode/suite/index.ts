// The editor-level suite's entry, run INSIDE the extension host: by @vscode/test-electron
// (extensionTestsPath) on desktop VS Code, or by the extension's test hook under code-server
// (client/src/test-hook.ts). Bundled to CommonJS by test/vscode/build-suite.ts with `vscode`
// and `mocha` left external (mocha resolves from the repository's node_modules).
import Mocha from 'mocha';

export interface SuiteOutcome {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<SuiteOutcome> {
  return runMocha((mocha) => {
    // Suite files (*.suite.ts, not *.test.ts: plain mocha would pick those up without
    // `vscode`) register with mocha's globals as they load, so load them after pre-require.
    mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded after pre-require, see above */
    require('./notebook.suite');
    require('./compare.suite');
    require('./editor-defaults.suite');
    require('./save.suite');
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
}

/** Runs the suite files `load` registers and counts the outcome. */
export function runMocha(load: (mocha: Mocha) => void): Promise<SuiteOutcome> {
  // CLV_VSCODE_GREP picks tests by title while working on them.
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, grep: process.env.CLV_VSCODE_GREP });
  load(mocha);
  return new Promise((resolve) => {
    const outcome: SuiteOutcome = { passed: 0, failed: 0, failures: [] };
    const hostListeners = new Set(process.listeners('uncaughtException'));
    const runner = mocha.run(() => resolve(outcome));
    // Mocha blames any uncaught error on the running test; in a shared extension host those
    // come from other parts of the editor (e.g. offline telemetry look-ups), so leave them to
    // the host. A failure of ours still fails its test through the awaited promise.
    for (const listener of process.listeners('uncaughtException')) {
      if (!hostListeners.has(listener)) process.off('uncaughtException', listener);
    }
    runner.on('pass', () => outcome.passed++);
    runner.on('fail', (test, err: Error) => {
      outcome.failed++;
      outcome.failures.push({ title: test.fullTitle(), error: err.stack ?? String(err) });
    });
  });
}
