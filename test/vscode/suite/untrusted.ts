// Run in a workspace that is NOT trusted (restricted mode): the language server still checks
// the notebook, but running a cell is refused with the reason. Entry like index.ts.
import Mocha from 'mocha';
import { runMocha } from './index';

export function run() {
  return runMocha((mocha: Mocha) => {
    mocha.suite.emit('pre-require', globalThis, 'untrusted', mocha);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after pre-require, as in index.ts
    require('./untrusted.suite');
  });
}
