// split-outside-data: a split date outside the dates of its source's file. A calibration end
// before the first date leaves the calibration empty (the run fails); one on or after the last
// date, with a holdout, leaves the holdout empty; a holdout end past the last date makes the
// holdout check count weeks the file has no purchases for. The file's range is read whole in
// the background (read-date-range.ts); until it is known, there is no warning.
import { isoDate } from '../../data/date-parser';
import type { Diagnostic, MappingItem, SourceStatement, SplitStatement } from '../../language';
import type { DateColumns, DateRange } from './columns';

const mapping = (source: SourceStatement, role: string) =>
  source.block?.items.find((i): i is MappingItem => i.kind === 'Mapping' && i.role.name === role);

/** The columns the source reads its transaction dates from, when it maps both. */
export function dateColumnsOf(source: SourceStatement): DateColumns | undefined {
  const [customer, date] = [mapping(source, 'customer'), mapping(source, 'date')];
  if (!customer?.columns[0] || !date?.columns[0]) return undefined;
  const format = date.format ? (date.format.kind === 'String' ? date.format.value : date.format.name) : undefined;
  return { customer: customer.columns[0].name, date: date.columns[0].name, format };
}

export function splitRangeWarnings(split: SplitStatement, file: string, range: DateRange): Diagnostic[] {
  const { calibrationEnd, holdoutEnd } = split;
  if (range.kind !== 'range' || !calibrationEnd) return [];
  const [first, last] = [isoDate(range.first), isoDate(range.last)];
  const dates = `the dates in "${file}" run from ${first} to ${last}`;
  const warn = (at: { start: number; end: number }, message: string): Diagnostic => ({
    range: { start: at.start, end: at.end },
    severity: 'warning',
    code: 'split-outside-data',
    message,
  });
  if (calibrationEnd.value < first)
    return [warn(calibrationEnd, `the calibration period is empty: it ends on ${calibrationEnd.value}, and ${dates}`)];
  if (holdoutEnd && calibrationEnd.value >= last)
    return [
      warn(calibrationEnd, `the holdout period is empty: calibration ends on ${calibrationEnd.value}, and ${dates}`),
    ];
  if (holdoutEnd && holdoutEnd.value > last)
    return [
      warn(
        holdoutEnd,
        `the holdout ends on ${holdoutEnd.value}, after the last date in "${file}" (${last}): the holdout check would count purchases the file does not have`,
      ),
    ];
  return [];
}
