// Commands about the kernel itself: restart (drop every cached result) and its log.
import * as vscode from 'vscode';
import type { ClvController } from '../controller';
import type { Kernels } from '../kernels';
import { activeClvNotebook } from './active-notebook';

export function registerKernelCommands(kernels: Kernels, controller: ClvController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('clv.restartKernel', () => {
      const notebook = activeClvNotebook();
      if (!notebook) return;
      controller.interrupt(notebook);
      void kernels.for(notebook).restart('restart requested');
      controller.resetExecutionOrder(notebook);
      void vscode.window.showInformationMessage(
        'CLV kernel restarted: loaded data, fitted models and values were discarded.',
      );
    }),
    vscode.commands.registerCommand('clv.showKernelLog', () => kernels.log.show(true)),
  ];
}
