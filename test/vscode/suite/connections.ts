// Entry like index.ts for the Add Connection suite, which needs the real PostgreSQL server
// the outer test starts (test/e2e/vscode-suite.test.ts).
import Mocha from 'mocha';
import { runMocha } from './index';

export function run() {
  return runMocha((mocha: Mocha) => {
    mocha.suite.emit('pre-require', globalThis, 'connections', mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after pre-require, as in index.ts
    require('./connections.suite');
  });
}
