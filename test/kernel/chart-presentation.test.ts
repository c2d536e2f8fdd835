// What the charts of a real run say to people: titles in words, formatted tooltips with units
// on every chart, one concentration curve read from the most valuable down with its 20% point,
// P(alive) on a fixed 0–1 scale, whole-number ticks for counts, and the bundled Vega-Lite's schema.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { compile, version } from 'vega-lite';
import type { CellResult } from '../../server/src/kernel/api';
import { createKernel } from '../../server/src/kernel/kernel';
import { MIME, type VegaLiteSpec } from '../../server/src/kernel/output-types';
import { DAY0, iso, randomPurchases, writeLog } from './small-log';

type Spec = VegaLiteSpec & { title: string; layer?: Spec[]; encoding?: Record<string, any>; data?: { values: any[] } };

const specsOf = (r: CellResult | undefined) =>
  (r?.outputs ?? []).map((o) => o.data[MIME.vegaLite] as Spec | undefined).filter((s): s is Spec => !!s);
const layers = (s: Spec): Spec[] => (s.layer ? s.layer : [s]);

describe('chart presentation', function () {
  this.timeout(60_000);
  const { dir } = writeLog(randomPurchases(400, 400));
  let results: Map<string, CellResult>;
  before(async () => {
    results = await createKernel({ notebookDir: dir }).run([
      {
        id: 'data',
        text: `source orders = csv "orders.csv" {\n  customer = customer_id\n  date = date\n  amount = amount\n}\nsplit cal = orders until ${iso(DAY0 + 200)}, holdout until ${iso(DAY0 + 400)}`,
      },
      { id: 'models', text: 'model purchases = bgnbd(cal)\nmodel spend = gamma_gamma(cal)' },
      { id: 'model charts', text: 'chart tracking of purchases\nchart matrix of purchases by p_alive' },
      { id: 'value', text: 'value clv = lifetime_value(purchases, spend) {\n  horizon 12 months\n}' },
      {
        id: 'charts',
        text: 'chart lorenz of clv\nchart line of clv by frequency, clv\nchart histogram of clv by frequency\nchart scatter of clv by frequency, clv',
      },
      {
        id: 'segments',
        text: 'segments tiers on clv {\n  "Top" when clv in top 10%\n  "Rest" otherwise\n}\nchart bar of tiers by clv',
      },
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const all = () => [...results.values()].flatMap(specsOf);

  it('runs, and every spec compiles with the bundled vega-lite and names its major version', () => {
    for (const [id, r] of results) assert.equal(r.status, 'ok', `${id}: ${r.error?.message}`);
    const major = version.split('.')[0];
    assert.equal(all().length, 7);
    for (const spec of all()) {
      assert.equal(spec.$schema, `https://vega.github.io/schema/vega-lite/v${major}.json`);
      compile(spec as any);
    }
  });

  it('titles say what a chart shows, not the code that drew it', () => {
    assert.deepEqual(
      all().map((s) => s.title),
      [
        'Cumulative repeat purchases, actual and expected (purchases)',
        'P(alive) by frequency and recency (purchases)',
        'Share of CLV held by the most valuable customers',
        'Mean CLV by number of repeat purchases',
        'Customers by number of repeat purchases (clv)',
        'CLV against number of repeat purchases',
        'Total CLV per segment (tiers)',
      ],
    );
  });

  it('every chart has tooltips, each quantitative field formatted', () => {
    for (const spec of all()) {
      const tips = layers(spec).flatMap((l) => (l.encoding?.tooltip as any[]) ?? []);
      assert.ok(tips.length >= 2, `${spec.title}: tooltips`);
      for (const t of tips.filter((t) => t.type === 'quantitative'))
        assert.match(t.format ?? '', /^[,.]/, `${spec.title}: ${t.field} formatted`);
    }
    const line = all().find((s) => s.title.startsWith('Mean CLV'))!;
    assert.deepEqual(
      (line.encoding!.tooltip as any[]).map((t) => [t.title, t.format]),
      [
        ['mean number of repeat purchases', ',.2f'],
        ['mean CLV', ',.2f'],
        ['customers', ',d'],
      ],
    );
  });

  it('draws one concentration curve, from the most valuable down, marked at 20% with the value text', () => {
    const value = results.get('value')!;
    assert.deepEqual(specsOf(value), [], 'the value cell draws no second Lorenz curve');
    const share = Number(/top 20% of customers hold ([\d.]+)%/.exec(value.outputs[0].data['text/plain'])![1]);
    const [lorenz] = specsOf(results.get('charts'));
    const curve = lorenz.data!.values.filter((v) => v.curve === 'CLV held');
    assert.deepEqual([curve[0].customers, curve[0].value], [0, 0]);
    const at20 = curve.find((v) => Math.abs(v.customers - 0.2) < 1e-9)!;
    assert.ok(Math.abs(at20.value * 100 - share) < 0.051, `${at20.value} vs ${share}%`);
    assert.ok(at20.value > 0.2, 'the most valuable fifth holds more than a fifth');
    const marked = lorenz.layer!.find((l) => l.mark && (l.mark as any).type === 'point')!;
    assert.equal(marked.data!.values[0].text, `top 20% hold ${share.toFixed(1)}%`);
  });

  it('P(alive) colours run over a fixed 0-1 scale; counts get whole-number ticks', () => {
    const matrix = all().find((s) => s.title.startsWith('P(alive)'))!;
    assert.deepEqual(matrix.encoding!.color.scale.domain, [0, 1]);
    const histogram = all().find((s) => s.title.startsWith('Customers by'))!;
    assert.equal(histogram.encoding!.x.axis.tickMinStep, 1);
    assert.equal(histogram.encoding!.x.axis.format, ',d');
    assert.equal(histogram.encoding!.y.axis.tickMinStep, 1);
    const line = all().find((s) => s.title.startsWith('Mean CLV'))!;
    assert.equal(line.encoding!.x.axis.tickMinStep, 1);
  });
});
