// Language core benchmarks on a generated 1,000-cell notebook (about 20,000 lines):
// parse + check from scratch, re-check after editing one cell, and formatting every cell.
// Each target is declared once, where its figure is measured (`npm run bench -- --check`).
import { checkProgram, formatCell, ProgramChecker, type CellInput } from '../server/src/language/index';
import { measure } from './measure';

function cell(i: number, threshold = 100): string {
  return `# Cohort ${i}: its own data, split, models, value and segments.
source orders_${i} = csv "data/orders_${i}.csv" {
  delimiter comma
  customer = customer_id
  date     = order_date as "YYYYMMDD"
  amount   = total
  where total > 0
}
split cal_${i} = orders_${i} until 1997-09-30, holdout until 1998-06-30, in weeks
model purchases_${i} = bgnbd(cal_${i}) { penalty 0.001 }
model spend_${i} = gamma_gamma(cal_${i})
value clv_${i} = lifetime_value(purchases_${i}, spend_${i}) {
  horizon  12 months
  discount 10% per year
  margin   30%
}
segments tiers_${i} on clv_${i} {
  "Champions" when clv in top 10% and p_alive > 0.7
  "Valuable"  when clv > ${threshold} and recency < 8 weeks
  "Others"    otherwise
}
chart bar of tiers_${i} by clv`;
}

const cells: CellInput[] = Array.from({ length: 1000 }, (_, i) => ({ id: `cell-${i}`, text: cell(i) }));
const lines = cells.reduce((n, c) => n + c.text.split('\n').length, 0);
console.log(`notebook: ${cells.length} cells, ${lines} lines`);

await measure(
  'parse + check 1,000 cells from scratch',
  () => {
    const result = checkProgram(cells);
    if (result.diagnostics.length) throw new Error(`unexpected diagnostics: ${result.diagnostics[0].message}`);
  },
  21,
  3,
  { below: 50 },
);

const checker = new ProgramChecker();
checker.check(cells);
let edit = 0;
await measure(
  're-check after editing one cell',
  () => {
    edit++;
    const i = (edit * 37) % cells.length;
    const edited = cells.slice();
    edited[i] = { ...cells[i], text: cell(i, 100 + edit) };
    const result = checker.check(edited);
    if (result.diagnostics.length) throw new Error(`unexpected diagnostics: ${result.diagnostics[0].message}`);
  },
  51,
  5,
  { below: 5 },
);

await measure('format 1,000 cells', () => {
  for (const c of cells) formatCell(c.text);
});
