// Reading a block's options (`horizon 12 months`, `limit 20`...) as typed values. The
// checker has already validated shapes and bounds; these helpers only extract, and fall
// back to the documented default when an option is absent.
import type { Block, MappingItem, OptionItem, TimeUnit, WhereItem } from '../../language';
import { convertDuration } from '../../models';

export function option(block: Block | null, name: string): OptionItem | undefined {
  return block?.items.find((i): i is OptionItem => i.kind === 'Option' && i.name.name === name);
}

export function mappings(block: Block | null): MappingItem[] {
  return (block?.items ?? []).filter((i): i is MappingItem => i.kind === 'Mapping');
}

export function wheres(block: Block | null): WhereItem[] {
  return (block?.items ?? []).filter((i): i is WhereItem => i.kind === 'Where');
}

/** A plain number option (`limit 20`, `penalty 0.001`). */
export function numberOption(block: Block | null, name: string): number | undefined {
  const v = option(block, name)?.values[0]?.value;
  return v?.kind === 'Number' ? v.value : undefined;
}

/** A percent option as a fraction (`margin 30%` → 0.3). */
export function fractionOption(block: Block | null, name: string): number | undefined {
  const v = option(block, name)?.values[0]?.value;
  return v?.kind === 'Percent' ? v.value / 100 : v?.kind === 'Number' ? v.value : undefined;
}

export function booleanOption(block: Block | null, name: string): boolean | undefined {
  const v = option(block, name)?.values[0]?.value;
  return v?.kind === 'Boolean' ? v.value : undefined;
}

/** A duration option in `unit` (`horizon 12 months` in weeks → 52.18). */
export function durationOption(block: Block | null, name: string, unit: TimeUnit): number | undefined {
  const v = option(block, name)?.values[0]?.value;
  return v?.kind === 'Duration' ? convertDuration(v.amount.value, v.unit.unit, unit) : undefined;
}

/** A rate option (`discount 10% per year`, `payment 100 per month`): the amount and its period. */
export function rateOption(block: Block | null, name: string): { amount: number; per: TimeUnit } | undefined {
  const v = option(block, name)?.values[0]?.value;
  if (v?.kind !== 'Rate') return undefined;
  const amount = v.amount.kind === 'Percent' ? v.amount.value / 100 : v.amount.value;
  return { amount, per: v.per.unit };
}

/** A list of names (`columns customer, clv, p_alive`). */
export function namesOption(block: Block | null, name: string): string[] | undefined {
  const o = option(block, name);
  if (!o) return undefined;
  return o.values.map((v) =>
    v.value.kind === 'Identifier' ? v.value.name : v.value.kind === 'String' ? v.value.value : '',
  );
}

/** `sort clv desc` → the metric and direction (ascending unless `desc`). */
export function sortOption(block: Block | null): { metric: string; descending: boolean } | undefined {
  const v = option(block, 'sort')?.values[0];
  if (!v || v.value.kind !== 'Identifier') return undefined;
  return { metric: v.value.name, descending: v.order?.name === 'desc' };
}
