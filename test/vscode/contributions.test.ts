// What package.json contributes agrees with what it describes: a new clv cell indents as the
// formatter lays blocks out (`[clv]` editor defaults against the formatter's INDENT).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDENT } from '../../server/src/language/formatter';
import { repoRoot } from '../cli/harness';

describe('package.json contributions', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

  it("indents clv cells with the formatter's indent, in spaces", () => {
    const clv = manifest.contributes.configurationDefaults['[clv]'];
    assert.deepEqual(
      [clv['editor.tabSize'], clv['editor.insertSpaces'], clv['editor.detectIndentation']],
      [INDENT.length, true, false],
    );
    assert.equal(INDENT, ' '.repeat(INDENT.length));
  });
});
