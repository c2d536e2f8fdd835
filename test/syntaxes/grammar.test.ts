// The TextMate grammars tokenized for real by vscode-textmate with the Oniguruma regex
// engine (the same pair VS Code uses), checking the scopes themes colour. vocabulary.test.ts
// checks that every word of the catalog is in the grammar.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as textmate from 'vscode-textmate';
import { loadGrammar, scopesOf, SYNTAXES as syntaxes, tokenize } from './tokenize';

const program = `source orders = csv "data/orders \\"2024\\".csv" { header false }  # the log
split cal = orders until 1997-09-30, holdout until 1998-06-30, in weeks
model purchases = bgnbd(cal) { penalty 0.001 }
value clv = lifetime_value(purchases, spend) {
  horizon 12 months
  discount 10% per year
}
segments tiers on clv {
  "Champions" when clv in top 10% and p_alive > 0.7
  "Everyone else" otherwise
}
chart lorenz of clv`;

describe('clv TextMate grammar', () => {
  let clv: textmate.IGrammar;
  let markdown: textmate.IGrammar;
  before(async () => {
    clv = await loadGrammar('source.clv');
    markdown = await loadGrammar('text.html.markdown');
  });

  it('scopes dates, durations, percentages, keywords, strings, comments and names', () => {
    const lines = tokenize(clv, program);
    assert.ok(scopesOf(lines, 1, '1997-09-30').includes('constant.numeric.date.clv'));
    assert.ok(scopesOf(lines, 4, '12').includes('constant.other.duration.clv'));
    assert.ok(scopesOf(lines, 4, 'months').includes('keyword.other.unit.clv'));
    assert.ok(scopesOf(lines, 5, '10%').includes('constant.numeric.percentage.clv'));
    assert.ok(scopesOf(lines, 1, 'split').includes('keyword.other.statement.clv'));
    assert.ok(scopesOf(lines, 8, 'and').includes('keyword.operator.logical.clv'));
    assert.ok(scopesOf(lines, 8, 'when').includes('keyword.control.rule.clv'));
    assert.ok(scopesOf(lines, 0, '\\"').includes('constant.character.escape.clv'));
    assert.ok(scopesOf(lines, 0, '.csv').includes('string.quoted.double.clv'));
    assert.ok(scopesOf(lines, 0, 'the log').includes('comment.line.number-sign.clv'));
    assert.ok(scopesOf(lines, 0, 'csv').includes('support.type.format.clv'));
    assert.ok(scopesOf(lines, 2, 'purchases').includes('entity.name.function.definition.clv'));
    assert.ok(scopesOf(lines, 2, 'bgnbd').includes('support.function.model.clv'));
    assert.ok(scopesOf(lines, 3, 'lifetime_value').includes('support.function.model.clv'));
    assert.ok(scopesOf(lines, 2, '0.001').includes('constant.numeric.clv'));
    assert.ok(scopesOf(lines, 2, 'penalty').includes('variable.parameter.option.clv'));
    assert.ok(scopesOf(lines, 11, 'lorenz').includes('support.type.chart.clv'));
  });

  it('does not take a name that merely contains a keyword for the keyword', () => {
    const lines = tokenize(clv, 'chart bar of splitting_value');
    assert.ok(!scopesOf(lines, 0, 'splitting_value').some((s) => s.startsWith('keyword')));
  });

  it('highlights ```clv fences inside Markdown, and only those', () => {
    const lines = tokenize(markdown, '# Title\n\n```clv\nmodel m = bgnbd(cal)\n```\n\n```python\nmodel = 1\n```');
    assert.ok(scopesOf(lines, 3, 'bgnbd').includes('meta.embedded.block.clv'));
    assert.ok(scopesOf(lines, 3, 'bgnbd').includes('support.function.model.clv'));
    assert.ok(
      lines[7].every((t) => !t.scopes.some((s) => s.endsWith('.clv'))),
      'python block must not be clv',
    );
  });
});

describe('clv language configuration', () => {
  const config = JSON.parse(readFileSync(join(syntaxes, 'language-configuration.json'), 'utf8'));

  it('indents after a line that opens a block and outdents a closing brace', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('segments tiers on clv {'));
    assert.ok(increase.test('value v = lifetime_value(p) {   # per customer'));
    assert.ok(!increase.test('model p = pareto_nbd(cal) { penalty 0.001 }'));
    assert.ok(!increase.test('# a comment {'));
    assert.ok(decrease.test('  }'));
  });

  it('uses # comments and pairs braces, parentheses and quotes', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [
      ['{', '}'],
      ['(', ')'],
    ]);
    assert.deepEqual(
      config.autoClosingPairs.map((p: { open: string }) => p.open),
      ['{', '(', '"'],
    );
  });
});
