// The queries the kernel host (KernelProcess) sends the kernel process: each names a query and
// awaits the answer. Imports types only, so the extension bundle can use it.
import type { DefinitionInfo, ExportResult } from './api';
import type { TablePayload, TableSort } from './output-types';
import type { KernelQuery } from './protocol';

export abstract class KernelQueries {
  /** Sends `query` to the worker (starting it if need be) and resolves with its answer. */
  protected abstract query(query: KernelQuery): Promise<unknown>;

  definitions(): Promise<DefinitionInfo[]> {
    return this.query({ kind: 'definitions' }) as Promise<DefinitionInfo[]>;
  }

  tablePage(name: string, offset: number, limit: number, sort?: TableSort): Promise<TablePayload> {
    return this.query({ kind: 'tablePage', name, offset, limit, sort }) as Promise<TablePayload>;
  }

  exportSegments(name: string, path: string, labels?: string[]): Promise<ExportResult> {
    return this.query({ kind: 'exportSegments', name, path, labels }) as Promise<ExportResult>;
  }
}
