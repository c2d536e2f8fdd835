// A discount rate crosses three layers: the notebook's `discount 10% per year`, the kernel's rate
// per unit of the split, and the models library's rate per discounting period. All three read the
// one unit table (a year of 365.2425 days, a month a twelfth of it), so the kernel's CLV must be
// the library's CLV at the stated annual rate, and the same rate stated per month must give the
// same values.
import assert from 'node:assert/strict';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type ModelPayload } from '../../server/src/kernel/output-types';
import { bgnbdModel, convertDuration, customerLifetimeValue, UNIT_DAYS } from '../../server/src/models';
import { cdnowCells, cdnowDir } from './notebooks';

interface Row {
  frequency: number;
  recency: number;
  age: number;
  expected_spend: number;
  clv: number;
}

/** Largest relative difference between two lists of values. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]) / Math.max(1e-12, Math.abs(b[i])));
  return max;
}

describe('discount rates across notebook, kernel and models library', function () {
  this.timeout(120_000);
  const monthly = (Math.pow(1.1, 1 / 12) - 1) * 100;
  let yearly: Row[];
  let perMonth: Row[];
  let purchases: ModelPayload;

  before(async () => {
    const kernel = createKernel({ notebookDir: cdnowDir });
    const value = (name: string, discount: string) =>
      `value ${name} = lifetime_value(purchases, spend) {\n  horizon  12 months\n  discount ${discount}\n  margin   30%\n}`;
    const results = await kernel.run([
      ...cdnowCells().slice(0, 3),
      { id: 'yearly', text: value('yearly', '10% per year') },
      { id: 'monthly', text: value('monthly', `${monthly}% per month`) },
    ]);
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    purchases = results.get('models')!.outputs.find((o) => o.data[MIME.model])!.data[MIME.model] as ModelPayload;
    yearly = kernel.customerTable('yearly')!.table.objects() as Row[];
    perMonth = kernel.customerTable('monthly')!.table.objects() as Row[];
  });

  it('a month is a twelfth of a 365.2425-day year, so 12 months is 1 year exactly', () => {
    assert.equal(UNIT_DAYS.years, 365.2425);
    assert.equal(UNIT_DAYS.months * 12, UNIT_DAYS.years);
    assert.equal(convertDuration(12, 'months', 'years'), 1);
  });

  it("gives the library's CLV for 10% per year on a weekly split", () => {
    const params = Object.fromEntries(purchases.parameters.map((p) => [p.name, p.estimate]));
    const library = customerLifetimeValue(
      bgnbdModel({ r: params.r, alpha: params.alpha, a: params.a, b: params.b }),
      {
        frequency: Float64Array.from(yearly, (c) => c.frequency),
        recency: Float64Array.from(yearly, (c) => c.recency),
        T: Float64Array.from(yearly, (c) => c.age),
      },
      Float64Array.from(yearly, (c) => c.expected_spend),
      {
        horizon: convertDuration(12, 'months', 'weeks'),
        period: convertDuration(1, 'months', 'weeks'),
        unitDays: UNIT_DAYS.weeks,
        annualDiscount: 0.1,
        margin: 0.3,
      },
    );
    const kernel = Float64Array.from(yearly, (c) => c.clv);
    assert.ok(kernel.some((v) => v > 0));
    assert.ok(worst(kernel, library) < 1e-9, `largest relative difference ${worst(kernel, library)}`);
  });

  it(`gives the same CLV for 10% per year and its monthly equivalent (${monthly.toFixed(4)}% per month)`, () => {
    const a = Float64Array.from(yearly, (c) => c.clv);
    const b = Float64Array.from(perMonth, (c) => c.clv);
    assert.ok(worst(b, a) < 1e-9, `largest relative difference ${worst(b, a)}`);
  });
});
