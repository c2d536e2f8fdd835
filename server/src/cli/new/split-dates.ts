// Split dates for a new notebook, from the user's data rather than the sample's: the holdout is
// the last part of the file's date range, half of it but at most 52 weeks, in whole weeks, and
// ends on the file's last date; calibration is everything before. Half is what the published
// CDNOW analyses use (39 + 39 weeks); capping the holdout at a year keeps most of a long
// history for fitting while still covering a full seasonal cycle in the check.
import { isoDate } from '../../data';

export interface ChosenSplit {
  calibrationEnd: string;
  holdoutEnd: string;
  /** Length of the holdout in whole weeks. */
  holdoutWeeks: number;
}

/** Below this many days of data there is no useful calibration and holdout to choose. */
export const MIN_SPLIT_DAYS = 28;
const MAX_HOLDOUT_WEEKS = 52;

/** The split for data from `firstDay` to `lastDay` (days since 1970-01-01), or null when the range is too short. */
export function chooseSplit(firstDay: number, lastDay: number): ChosenSplit | null {
  const [first, last] = [Math.floor(firstDay), Math.floor(lastDay)];
  if (!(last - first >= MIN_SPLIT_DAYS)) return null;
  const holdoutWeeks = Math.min(MAX_HOLDOUT_WEEKS, Math.floor((last - first) / 2 / 7));
  return { calibrationEnd: isoDate(last - holdoutWeeks * 7), holdoutEnd: isoDate(last), holdoutWeeks };
}
