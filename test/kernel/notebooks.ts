// Notebooks the kernel tests run, as cells ({id, text}). Data paths are relative to the
// notebook folder, which the tests set to a sample's data folder (samples/*/data) found from
// this file's location.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellInput } from '../../server/src/kernel/api';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The data folder of one of the samples: notebook folder for tests over that sample's files. */
export const sampleDataDir = (sample: string) => join(repoRoot, 'samples', sample, 'data');
/** Notebook folder for the CDNOW tests: data paths below are relative to it. */
export const cdnowDir = sampleDataDir('cdnow');

export const CDNOW_SOURCE = `source orders = text "CDNOW_sample.txt" {
  header   false
  columns  master_id, sample_id, date, cds, sales
  customer = master_id
  date     = date as YYYYMMDD
  amount   = sales
}`;

/** The CDNOW analysis of samples/cdnow, cell by cell. */
export function cdnowCells(source = CDNOW_SOURCE): CellInput[] {
  return [
    { id: 'source', text: source },
    { id: 'split', text: 'split calibration = orders until 1997-09-30, holdout until 1998-06-30, in weeks' },
    { id: 'models', text: 'model purchases = bgnbd(calibration)\nmodel spend = gamma_gamma(calibration)' },
    { id: 'tracking', text: 'chart tracking of purchases\nchart matrix of purchases by p_alive' },
    {
      id: 'value',
      text: 'value clv = lifetime_value(purchases, spend) {\n  horizon  12 months\n  discount 10% per year\n  margin   30%\n}',
    },
    { id: 'lorenz', text: 'chart lorenz of clv\nchart histogram of clv\nchart scatter of clv by frequency, clv' },
    {
      id: 'segments',
      text: `segments tiers on clv {
  "Champions"          when clv in top 10% and p_alive > 0.7
  "High value at risk" when monetary in top 30% and p_alive < 0.3
  "Loyal"              when frequency >= 3 and p_alive > 0.5
  "One-off buyers"     when frequency = 0
  "Everyone else"      otherwise
}
chart bar of tiers by clv`,
    },
    {
      id: 'table',
      text: 'table top = tiers {\n  columns customer, segment, clv, p_alive, holdout_purchases\n  sort clv desc\n  limit 60\n}',
    },
  ];
}
