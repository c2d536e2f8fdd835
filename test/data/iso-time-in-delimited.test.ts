// An ISO date with a time of day in a delimited file: the parser must stop at the field's end.
// A comma delimiter right after the seconds was once taken for a decimal comma (ISO 8601
// allows 12:30:00,5), which rejected every such row of a CSV.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSource } from '../../server/src/data';

describe('data: ISO times in a CSV field', () => {
  it('reads "1997-02-01 23:30:00" followed by the delimiter and a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clv-iso-time-'));
    try {
      const path = join(dir, 'log.csv');
      writeFileSync(path, 'customer,date,amount\nc1,1997-02-01 23:30:00,0\nc1,1997-02-02 12:00:00.5,12\n');
      const loaded = await loadSource({
        path,
        format: 'csv',
        kind: 'transactions',
        mappings: [
          { role: 'customer', columns: ['customer'] },
          { role: 'date', columns: ['date'] },
          { role: 'amount', columns: ['amount'] },
        ],
      });
      assert.deepEqual(loaded.report.rejected, []);
      assert.equal(loaded.kind, 'transactions');
      if (loaded.kind === 'transactions')
        assert.deepEqual(Array.from(loaded.log.time), [9893 + 23.5 / 24, 9894 + (12 * 3600 + 0.5) / 86400]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
