// Segment membership of a run, read from the kernel's per-customer table of a segments
// definition: customer ids, their segment labels (in rule order) and predicted value.
import type { Kernel } from '../../kernel/kernel';
import type { Membership } from './migration';

export interface SegmentsRun {
  membership: Membership;
  valueMetric: string;
}

/** Undefined when the definition is not a segments block or did not compute. */
export function segmentsRun(kernel: Kernel, name: string): SegmentsRun | undefined {
  const computed = kernel.computed(name);
  if (computed?.kind !== 'segments') return undefined;
  const { table, valueMetric } = computed.customers;
  return {
    valueMetric,
    membership: {
      labels: computed.payload.segments.map((s) => s.name),
      customer: Array.from(table.array('customer') as ArrayLike<unknown>, String),
      segment: Array.from(table.array('segment') as ArrayLike<unknown>, String),
      value: Float64Array.from(table.array(valueMetric) as ArrayLike<number>),
    },
  };
}
