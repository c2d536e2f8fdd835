// fast-check generators for the property tests: random text, mutations of real cells, and
// well-formed programs written with random spacing, blank lines and comments.
import fc from 'fast-check';

/** Characters the lexer treats specially, plus letters, digits and a few strangers. */
const ALPHABET = [...'{}(),=<>!%#"\\-. \n\t\r_aeiorstxyzAT0123456789', 'é', '€', '\u{1F600}', '@', ';'];

export const randomText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 200 }).map((cs) => cs.join(''));

const WORDS = [
  'source',
  'split',
  'model',
  'value',
  'segments',
  'chart',
  'table',
  'export',
  'until',
  'holdout',
  'in',
  'weeks',
  'on',
  'when',
  'otherwise',
  'and',
  'or',
  'not',
  'top',
  'bottom',
  'between',
  'percentile',
  'of',
  'by',
  'to',
  'per',
  'year',
  'as',
  'where',
  'bgnbd',
  'clv',
  'p_alive',
  'orders',
  'cal',
  '=',
  '<',
  '>=',
  '!=',
  '{',
  '}',
  '(',
  ')',
  ',',
  '10%',
  '12',
  '0.7',
  '1997-09-30',
  '"x.csv"',
  '"Champions"',
  '# note',
  '\n',
  'true',
];

/** Random sequences of real tokens: closer to real typing mistakes than random characters. */
export const randomTokens = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 60 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', '', '\n'), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
  );

export type Mutation = { kind: 'delete' | 'insert' | 'replace'; at: number; text: string; length: number };

const mutation = fc.record({
  kind: fc.constantFrom<'delete' | 'insert' | 'replace'>('delete', 'insert', 'replace'),
  at: fc.nat(),
  text: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')),
  length: fc.integer({ min: 1, max: 6 }),
});

export function applyMutations(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else out = out.slice(0, at) + m.text + out.slice(at + m.text.length);
  }
  return out;
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

// ---------------------------------------------------------------- well-formed programs

const name = fc.constantFrom('orders', 'cal', 'purchases', 'spend', 'clv', 'tiers', 'x1', 'big_spenders');
const metric = fc.constantFrom(
  'clv',
  'p_alive',
  'frequency',
  'recency',
  'monetary',
  'age',
  'T',
  'segment',
  'first_purchase',
);
const number = fc.constantFrom('0', '1', '0.7', '.3', '12', '1e-8', '-3', '500');
const literal = fc.oneof(
  number,
  fc.constantFrom('10%', '4 weeks', '1 year', '1997-09-30', '"gold"', 'true', 'percentile 90 of clv'),
);
const op = fc.constantFrom('<', '<=', '>', '>=', '=', '!=');

const { condition } = fc.letrec<{ condition: string; predicate: string }>((tie) => ({
  predicate: fc.oneof(
    fc.tuple(metric, op, literal).map(([m, o, l]) => `${m} ${o} ${l}`),
    fc
      .tuple(metric, fc.constantFrom('top', 'bottom'), fc.constantFrom('10%', '30%', '100'))
      .map(([m, d, a]) => `${m} in ${d} ${a}`),
    fc.tuple(metric, number, number).map(([m, a, b]) => `${m} between ${a} and ${b}`),
  ),
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('predicate'),
    fc
      .tuple(tie('condition'), fc.constantFrom('and', 'or', 'and\n   '), tie('condition'))
      .map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('condition').map((c) => `not ${c}`),
    tie('condition').map((c) => `(${c})`),
  ),
}));

const optionLine = fc.oneof(
  fc.constantFrom(
    'horizon 12 months',
    'discount 10% per year',
    'margin 30%',
    'payment 100 per year',
    'penalty 0.001',
    'limit 20',
    'header false',
    'delimiter whitespace',
    'sort clv desc',
    'columns customer, clv, p_alive',
  ),
  fc
    .tuple(
      fc.constantFrom('customer', 'date', 'amount', 'survivors'),
      fc.constantFrom('id', '"Order Date"', 'a, b'),
      fc.constantFrom('', ' as "YYYYMMDD"', ' as ISO'),
    )
    .map(([r, c, f]) => `${r} = ${c}${f}`),
  condition.map((c) => `where ${c}`),
);

const block = fc
  .array(optionLine, { maxLength: 5 })
  .map((items) => (items.length ? ` {\n${items.map((i) => '  ' + i).join('\n')}\n}` : ''));

const statement = fc.oneof(
  fc
    .tuple(name, fc.constantFrom('csv', 'text', 'parquet'), block)
    .map(([n, f, b]) => `source ${n} = ${f} "data/${n}.csv"${b}`),
  fc
    .tuple(name, name, fc.boolean(), fc.constantFrom('', ', in days', ', in months'))
    .map(([n, s, h, u]) => `split ${n} = ${s} until 1997-09-30${h ? ', holdout until 1998-06-30' : ''}${u}`),
  fc
    .tuple(name, fc.constantFrom('bgnbd', 'pareto_nbd', 'gamma_gamma', 'sbg'), name, block)
    .map(([n, k, a, b]) => `model ${n} = ${k}(${a})${b}`),
  fc.tuple(name, name, name, block).map(([n, a, b, blk]) => `value ${n} = lifetime_value(${a}, ${b})${blk}`),
  fc
    .tuple(
      name,
      name,
      fc.array(fc.tuple(fc.constantFrom('"A"', '"Big ones"', '"Z"'), condition), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(
      ([n, on, rules, otherwise]) =>
        `segments ${n} on ${on} {\n${rules.map(([l, c]) => `  ${l} when ${c}`).join('\n')}${otherwise ? '\n  "Rest" otherwise' : ''}\n}`,
    ),
  fc
    .tuple(fc.constantFrom('lorenz', 'bar', 'scatter'), name, fc.constantFrom('', ' by clv', ' by frequency, clv'))
    .map(([k, t, by]) => `chart ${k} of ${t}${by}`),
  fc.tuple(name, name, block).map(([n, t, b]) => `table ${n} = ${t}${b}`),
  name.map((n) => `export ${n} to "out/${n}.csv"`),
);

/** Spreads spaces, blank lines and comments through a well-formed program without changing it. */
function roughen(text: string, seeds: number[]): string {
  let i = 0;
  const next = () => seeds[i++ % seeds.length];
  return text
    .split('\n')
    .map((line) => {
      const spaced = line
        .replace(/ /g, () => ' '.repeat(1 + (next() % 3)))
        .replace(/^\s*/, (lead) => ' '.repeat(next() % 2 ? lead.length : next() % 5));
      const r = next() % 7;
      if (r === 0 && !/[("]$/.test(line.trim()) && !/\b(and|or)$/.test(line.trim()))
        return `${spaced}  # note ${next()}`;
      if (r === 1) return `# own line ${next()}\n${spaced}`;
      if (r === 2) return `\n${spaced}`;
      return spaced;
    })
    .join('\n');
}

export const program = fc
  .tuple(fc.array(statement, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(1000), { minLength: 5, maxLength: 20 }))
  .map(([statements, seeds]) => roughen(statements.join('\n'), seeds));
