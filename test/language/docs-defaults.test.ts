// docs/language.md cannot import the catalog, so this checks it: every option default the docs
// quote as "`name` (…, default X)" is the default the catalog declares (and the code uses).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK_OPTIONS } from '../../server/src/language';

const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'language.md'), 'utf8');

/** Each "`name` (… default X …)" of the docs: the option's name and the quoted default. */
function quotedDefaults(): { name: string; quoted: string }[] {
  const found: { name: string; quoted: string }[] = [];
  for (const m of docs.matchAll(/`(\w+)`\s*\(([^()]*)\)/g)) {
    const d = /default `?([^`,;)]+?)`?(?:[,;)]|$)/.exec(m[2]);
    if (d) found.push({ name: m[1], quoted: d[1] });
  }
  return found;
}

describe('docs/language.md against the catalog', () => {
  it("quotes every option's default as the catalog declares it", () => {
    const quoted = quotedDefaults();
    // The options the docs describe this way (a change of wording that hides them fails here too).
    assert.ok(quoted.length >= 8, `found only ${quoted.map((q) => q.name).join(', ')}`);
    for (const { name, quoted: value } of quoted) {
      const defaults = Object.values(BLOCK_OPTIONS)
        .flatMap((options) => options.filter((o) => o.name === name && o.default !== undefined))
        .map((o) => o.default);
      assert.ok(defaults.length > 0, `docs quote a default for \`${name}\`, which has none in the catalog`);
      assert.ok(
        defaults.includes(value),
        `docs say \`${name}\` defaults to ${value}; the catalog says ${defaults.join(' / ')}`,
      );
    }
  });
});
