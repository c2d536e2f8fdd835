// The bootstrap options of a purchase model's block: `intervals 90%` turns prediction intervals
// on at that level; `draws` and `seed` say how they are drawn (defaults declared in the catalog).
import { optionInfo, type Block } from '../../language';
import type { IntervalOptions } from '../models-port';
import { fractionOption, numberOption } from './options';

/** Level of the parameters' intervals when the model sets no `intervals`. */
export const PARAMETER_LEVEL = 0.9;

const defaultOf = (name: string) => Number(optionInfo('model', name)!.default);

export function intervalOptions(block: Block | null): IntervalOptions | undefined {
  const level = fractionOption(block, 'intervals');
  if (level === undefined) return undefined;
  return {
    level,
    draws: numberOption(block, 'draws') ?? defaultOf('draws'),
    seed: numberOption(block, 'seed') ?? defaultOf('seed'),
  };
}
