// The TextMate grammar cannot import the language's catalog, so this holds it to the catalog:
// every word the catalog declares (statement keywords, model kinds, value functions, chart
// kinds, formats, engines, options and the words they take, roles, units, condition and
// clause words, metrics) is highlighted with its category's scope where it is used, and the
// grammar names no word the catalog lacks. A word added to the catalog and forgotten in
// syntaxes/clv.tmLanguage.json fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type * as textmate from 'vscode-textmate';
import {
  BLOCK_OPTIONS,
  BOOLEAN_WORDS,
  CLAUSE_KEYWORDS,
  CONDITION_KEYWORDS,
  DATE_FORMAT_WORDS,
  DELIMITER_WORDS,
  keywordsFor,
  LOGICAL_KEYWORDS,
  SEGMENT_RULE_KEYWORDS,
  STATEMENT_KEYWORDS,
  UNIT_WORDS,
} from '../../server/src/language';
import { CLV_GRAMMAR, loadGrammar, tokenize } from './tokenize';

interface Category {
  what: string;
  words: readonly string[];
  /** A line that uses `word` as this category's word. */
  line: (word: string) => string;
  scope: string;
}

const OTHER_CONDITION_WORDS = CONDITION_KEYWORDS.filter(
  (w) => !(LOGICAL_KEYWORDS as readonly string[]).includes(w) && !(BOOLEAN_WORDS as readonly string[]).includes(w),
);
const allOptions = Object.values(BLOCK_OPTIONS).flat();

const CATEGORIES: Category[] = [
  {
    what: 'statement keyword',
    words: STATEMENT_KEYWORDS,
    line: (w) => `${w} name`,
    scope: 'keyword.other.statement.clv',
  },
  {
    what: 'model kind',
    words: keywordsFor('model-kind'),
    line: (w) => `model m = ${w}(cal)`,
    scope: 'support.function.model.clv',
  },
  {
    what: 'value function',
    words: keywordsFor('value-function'),
    line: (w) => `value v = ${w}(m, s)`,
    scope: 'support.function.model.clv',
  },
  {
    what: 'chart kind',
    words: keywordsFor('chart-kind'),
    line: (w) => `chart ${w} of v`,
    scope: 'support.type.chart.clv',
  },
  {
    what: 'source format',
    words: keywordsFor('format'),
    line: (w) => `source s = ${w} "x"`,
    scope: 'support.type.format.clv',
  },
  {
    what: 'connection engine',
    words: keywordsFor('engine'),
    line: (w) => `connection c = ${w}`,
    scope: 'support.type.engine.clv',
  },
  {
    what: "connection URL's source",
    words: keywordsFor('url-source'),
    line: (w) => `connection c = postgres ${w} "SHOP"`,
    scope: 'keyword.other.url-source.clv',
  },
  {
    what: 'block option',
    words: [...new Set(allOptions.map((o) => o.name))],
    line: (w) => `  ${w} 1`,
    scope: 'variable.parameter.option.clv',
  },
  ...allOptions
    .filter((o) => o.words)
    .map((o) => ({
      what: `word of \`${o.name}\``,
      words: o.words!,
      line: (w: string) => `  ${o.name} ${w}`,
      scope: 'support.constant.option-word.clv',
    })),
  {
    what: 'delimiter word',
    words: Object.keys(DELIMITER_WORDS),
    line: (w) => `  delimiter ${w}`,
    scope: 'support.constant.delimiter.clv',
  },
  {
    what: 'date format word',
    words: DATE_FORMAT_WORDS,
    line: (w) => `  date = day as ${w}`,
    scope: 'support.constant.date-format.clv',
  },
  {
    what: 'column role',
    words: keywordsFor('role'),
    line: (w) => `  ${w} = col`,
    scope: 'support.type.property-name.role.clv',
  },
  { what: 'unit in a duration', words: UNIT_WORDS, line: (w) => `  horizon 12 ${w}`, scope: 'keyword.other.unit.clv' },
  {
    what: 'unit of a split',
    words: UNIT_WORDS,
    line: (w) => `split s = o until 2000-01-01, in ${w}`,
    scope: 'keyword.other.unit.clv',
  },
  {
    what: 'logical word',
    words: LOGICAL_KEYWORDS,
    line: (w) => `  where x ${w} y`,
    scope: 'keyword.operator.logical.clv',
  },
  { what: 'boolean', words: BOOLEAN_WORDS, line: (w) => `  header ${w}`, scope: 'constant.language.boolean.clv' },
  { what: 'condition word', words: OTHER_CONDITION_WORDS, line: (w) => `  where x ${w} y`, scope: 'keyword.other.clv' },
  { what: 'clause word', words: CLAUSE_KEYWORDS, line: (w) => `x ${w} y`, scope: 'keyword.other.clv' },
  {
    what: 'segment rule word',
    words: SEGMENT_RULE_KEYWORDS,
    line: (w) => `  "A" ${w} x`,
    scope: 'keyword.control.rule.clv',
  },
  {
    what: 'metric',
    words: keywordsFor('metric'),
    line: (w) => `  where ${w} > 0`,
    scope: 'support.variable.metric.clv',
  },
];

/**
 * Every word the grammar's patterns spell out: the alternatives of each group of plain words,
 * `(a|b|c)` or `(?:a|b)`, with `days?` standing for `day` and `days`.
 */
function grammarWords(): Set<string> {
  const words = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin') && typeof value === 'string')
          for (const group of value.matchAll(/\((?:\?:)?([A-Za-z_][\w?]*(?:\|[A-Za-z_][\w?]*)*)\)/g))
            for (const alternative of group[1].split('|'))
              if (alternative.endsWith('?')) words.add(alternative.slice(0, -2)).add(alternative.slice(0, -1));
              else words.add(alternative);
        else visit(value);
      }
  };
  visit(JSON.parse(readFileSync(CLV_GRAMMAR, 'utf8')));
  return words;
}

describe('clv TextMate grammar agrees with the catalog', () => {
  let clv: textmate.IGrammar;
  before(async () => {
    clv = await loadGrammar('source.clv');
  });

  for (const category of CATEGORIES) {
    it(`scopes every ${category.what} as ${category.scope}`, () => {
      assert.ok(category.words.length > 0, `the catalog declares no ${category.what}`);
      // A word the grammar does not know may merge with its neighbours into one token: wrong too.
      const wrong = category.words.filter((word) => {
        const token = tokenize(clv, category.line(word))[0].find((t) => t.text.trim() === word);
        return !token?.scopes.includes(category.scope);
      });
      assert.deepEqual(wrong, [], `syntaxes/clv.tmLanguage.json does not scope these as ${category.scope}`);
    });
  }

  it('names no word the catalog lacks', () => {
    const catalog = new Set(CATEGORIES.flatMap((c) => c.words));
    const unknown = [...grammarWords()].filter((w) => !catalog.has(w));
    assert.deepEqual(unknown, [], 'words in syntaxes/clv.tmLanguage.json that the catalog does not declare');
  });

  it('finds the words it checks in the grammar (the extraction works)', () => {
    const words = grammarWords();
    for (const word of ['bgnbd', 'connection', 'fit_periods', 'day', 'days', 'p_alive', 'ISO'])
      assert.ok(words.has(word), `${word} not found in the grammar's patterns`);
  });
});
