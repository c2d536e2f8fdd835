// A fit that did not converge cannot be missed: its warning is the first output of its cell,
// whatever statement of the cell it came from.
import assert from 'node:assert/strict';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME } from '../../server/src/kernel/output-types';
import { generatedCsv } from './generated-csv';

describe('a model that did not converge', function () {
  this.timeout(60_000);
  // Drawn from the BG/NBD story, so BG/NBD converges on it.
  const log = generatedCsv(20_000);

  it('puts its warning at the top of the cell', async () => {
    const results = await createKernel({ notebookDir: log.dir }).run([
      {
        id: 'data',
        text: `source orders = csv "${log.file}" {\n  customer = customer_id\n  date = date\n  amount = amount\n}\nsplit cal = orders until ${log.calibrationEnd}, holdout until ${log.holdoutEnd}`,
      },
      { id: 'models', text: 'model fine = bgnbd(cal)\nmodel rushed = pareto_nbd(cal) {\n  max_iterations 1\n}' },
    ]);
    const cell = results.get('models')!;
    assert.equal(cell.status, 'ok', cell.error?.message);
    const [first, ...rest] = cell.outputs;
    assert.match(first.data['text/plain'], /^Warning: rushed did not converge after 1 iteration /);
    assert.match(first.data[MIME.markdown]!, /^⚠️ \*\*Warning:\*\* rushed did not converge/);
    assert.deepEqual(
      rest.map((o) => (o.data[MIME.model] as { name: string } | undefined)?.name),
      ['fine', 'rushed'],
    );
  });
});
