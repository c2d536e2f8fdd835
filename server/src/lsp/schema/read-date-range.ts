// A transaction file's date range, for the split-outside-data warning: the kernel's loader
// reads the whole file (with the source's customer and date columns and date format), so the
// range is exactly the one a run sees. Runs in the schema worker, never on the message loop.
import { loadSource } from '../../data';
import type { DateColumns, DateRange, SourceFileSpec } from './columns';

export async function readDateRange(spec: SourceFileSpec, dates: DateColumns): Promise<DateRange> {
  try {
    const { report } = await loadSource({
      path: spec.path,
      format: spec.format,
      kind: 'transactions',
      delimiter: spec.delimiter,
      header: spec.header,
      columns: spec.columns,
      mappings: [
        { role: 'customer', columns: [dates.customer] },
        { role: 'date', columns: [dates.date], format: dates.format },
      ],
    });
    return report.rows
      ? { kind: 'range', first: report.minDate, last: report.maxDate }
      : { kind: 'failed', reason: 'no readable dates' };
  } catch (error) {
    return { kind: 'failed', reason: (error as Error).message };
  }
}
