// Checks the language core cannot make because they need the data file: the file must
// exist, and the mapped date column's sampled values must read with the declared format.
import { dateFormatMismatches } from '../../data';
import type { Diagnostic, MappingItem, SourceStatement, Statement } from '../../language';
import type { SampledColumn } from './read-schema';
import type { SchemaCache } from './schema-cache';
import { sourceFileSpec } from './source-file';

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

export function schemaDiagnostics(statements: Statement[], folder: string, cache: SchemaCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const statement of statements) {
    if (statement.kind !== 'Source' || !statement.path) continue;
    const spec = sourceFileSpec(statement, folder);
    if (!spec) continue;
    const schema = cache.get(spec);
    if (schema.kind === 'unreadable') {
      out.push({
        range: { start: statement.path.start, end: statement.path.end },
        severity: 'error',
        code: 'missing-file',
        message: `cannot read the data file "${statement.path.value}": ${schema.reason}`,
      });
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
