// Checks the language core cannot make because they need the file system or a warehouse: a
// data file must exist, the mapped date column's sampled values must read with the declared
// format, a `frozen` model's saved fit must be one of its kind, and an export must write where
// the write policy allows (files/write-policy.ts): inside the notebook's folder by real path,
// and never onto a file the notebook reads. A header or catalog the editor could not read in
// time, or a warehouse it could not reach, is a warning on the source.
import { dateFormatMismatches } from '../../data';
import { extname } from 'node:path';
import { EXPORT_FORMATS, exportPath, refuseReadFiles, WriteRefused, type ReadFile } from '../../files/write-policy';
import type {
  Diagnostic,
  ExportStatement,
  MappingItem,
  SourceStatement,
  SplitStatement,
  Statement,
} from '../../language';
import type { DateRange, SampledColumn, SchemaAnswer } from './columns';
import { frozenFitDiagnostic } from './frozen-fit-file';
import { splitRangeWarnings } from './split-range';

function dateMapping(source: SourceStatement): MappingItem | undefined {
  return source.block?.items.find((i): i is MappingItem => i.kind === 'Mapping' && i.role.name === 'date');
}

function dateFormatWarning(mapping: MappingItem, column: SampledColumn): Diagnostic | undefined {
  const format = mapping.format
    ? mapping.format.kind === 'String'
      ? mapping.format.value
      : mapping.format.name
    : 'ISO';
  // (An unreadable format has no mismatches: it is the checker's `invalid-date-format` error already.)
  const [bad] = dateFormatMismatches(format, column.samples);
  if (bad === undefined) return undefined;
  const at = mapping.format ?? mapping.columns[0];
  return {
    range: { start: at.start, end: at.end },
    severity: 'warning',
    code: 'date-format-mismatch',
    message: `the date format ${format} does not match the values of column \`${column.name}\` (e.g. "${bad}")`,
  };
}

/** Why an export statement may not write its path, as a diagnostic on the path. */
function exportDiagnostic(statement: ExportStatement, folder: string, reads: ReadFile[]): Diagnostic | undefined {
  const target = statement.path;
  // A path without a known extension is the language core's `unknown-export-format` already.
  if (!target || !EXPORT_FORMATS.includes(extname(target.value).toLowerCase())) return undefined;
  try {
    refuseReadFiles(exportPath(folder, target.value), reads, target.value);
    return undefined;
  } catch (error) {
    if (!(error instanceof WriteRefused)) throw error;
    return {
      range: { start: target.start, end: target.end },
      severity: 'error',
      code: 'export-refused',
      message: error.message,
    };
  }
}

/** A source whose columns could not be read: why, on its path, table name or query. */
function unreadDiagnostic(source: SourceStatement, schema: SchemaAnswer): Diagnostic | undefined {
  if (!source.path || (schema.kind !== 'unreadable' && schema.kind !== 'timeout')) return undefined;
  const reason = schema.reason.replace(/\.\s*$/, '');
  const range = { start: source.path.start, end: source.path.end };
  if (source.connection)
    return {
      range,
      severity: 'warning',
      code: 'catalog-unavailable',
      message: `cannot read the columns of ${source.format?.name === 'query' ? 'the query' : `table "${source.path.value}"`} through connection \`${source.connection.name}\`: ${reason}; its columns are not checked`,
    };
  if (schema.kind === 'timeout')
    return {
      range,
      severity: 'warning',
      code: 'slow-data-file',
      message: `the editor stopped reading the data file "${source.path.value}": ${reason}; its columns are not checked`,
    };
  return {
    range,
    severity: 'error',
    code: 'missing-file',
    message: `cannot read the data file "${source.path.value}": ${schema.reason}`,
  };
}

/**
 * The file-system and warehouse checks of one cell's statements; `schemaOf` says what is known
 * of a source's columns; `reads` are the files the whole notebook reads (notebookReadFiles),
 * which its exports may not overwrite; `datesOf`, when given, the date range of a split's
 * source file (the editor reads it in the background; `clvnb check` does not read whole files).
 */
export function schemaDiagnostics(
  statements: Statement[],
  folder: string,
  schemaOf: (source: SourceStatement) => SchemaAnswer | undefined,
  reads: ReadFile[],
  datesOf?: (split: SplitStatement) => { file: string; range: DateRange } | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const statement of statements) {
    const dates = statement.kind === 'Split' ? datesOf?.(statement) : undefined;
    if (dates && statement.kind === 'Split') out.push(...splitRangeWarnings(statement, dates.file, dates.range));
    const unusable = statement.kind === 'Model' ? frozenFitDiagnostic(statement, folder) : undefined;
    if (unusable) out.push(unusable);
    if (statement.kind === 'Export') {
      const refused = exportDiagnostic(statement, folder, reads);
      if (refused) out.push(refused);
    }
    if (statement.kind !== 'Source' || !statement.path) continue;
    const schema = schemaOf(statement);
    if (!schema) continue;
    const unread = unreadDiagnostic(statement, schema);
    if (unread) {
      out.push(unread);
      continue;
    }
    const mapping = dateMapping(statement);
    const column =
      schema.kind === 'columns' && mapping?.columns.length
        ? schema.columns.find((c) => c.name === mapping.columns[0].name)
        : undefined;
    const warning = mapping && column && dateFormatWarning(mapping, column);
    if (warning) out.push(warning);
  }
  return out;
}
