// docs/data.md quotes the data layer's limits and defaults; it cannot import them, so this
// checks that every figure it quotes is the code's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_LISTED_NAMES, MAX_QUOTED_CHARS } from '../../server/src/data/bounded-text';
import { MAX_QUOTED_LINES, MAX_RECORD_BYTES } from '../../server/src/data/csv-scanner';
import { DEFAULT_RETURNS_POLICY, PLAUSIBLE_DATES, RETURNS_POLICIES } from '../../server/src/data/policy';
import { repoRoot } from '../language/golden';

describe('docs/data.md quotes the limits and defaults the code has', () => {
  const page = readFileSync(join(repoRoot, 'docs', 'data.md'), 'utf8');
  const section = page.slice(page.indexOf('## Limits and policy'));

  it('the bounds on records, quoted fields and messages', () => {
    assert.ok(
      section.includes(`**${MAX_RECORD_BYTES / 2 ** 20} MiB** (${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes)`),
    );
    assert.ok(section.includes(`**${MAX_QUOTED_LINES} lines**`));
    assert.ok(section.includes(`**${MAX_QUOTED_CHARS} characters**`));
    assert.ok(section.includes(`**${MAX_LISTED_NAMES} names**`));
  });

  it('the plausible date range and the returns policies with their default', () => {
    assert.ok(section.includes(`${PLAUSIBLE_DATES.earliest} to ${PLAUSIBLE_DATES.latest}`));
    for (const policy of RETURNS_POLICIES) assert.ok(section.includes(`\`${policy}\``), policy);
    assert.ok(section.includes(`\`${DEFAULT_RETURNS_POLICY}\` (the default`));
  });
});
