// The in-process kernel: the notebook runner with the real statement evaluators and the
// models library plugged into the kernel's models port.
import type { KernelOptions } from './api';
import { evaluateStatement } from './evaluate';
import { modelsLibrary } from './models-adapter';
import { NotebookRunner, type Kernel } from './runner';

export type { Kernel } from './runner';

export function createKernel(options: KernelOptions): Kernel {
  return new NotebookRunner(options, (ctx) => evaluateStatement(ctx, modelsLibrary));
}
