// Source statements: the file format, the block's options, the column mappings (known roles,
// one kind of source, the roles that kind requires, date formats) and, when the columns are
// known (a schema from the file, or a `columns` option), the column names.
import type { MappingItem, SourceStatement } from '../ast';
import { CONNECTION_FORMATS } from '../catalog/connections';
import { ROLES, roleInfo, SOURCE_FORMATS, DATE_FORMAT_WORDS, type SourceKind } from '../catalog/sources';
import { didYouMean, orList, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { checkCondition } from './conditions';
import { checkBlockItems } from './options';
import { checkSourceConnection } from './connection';

const KIND_NAMES: Record<SourceKind, string> = {
  transactions: 'a transaction source',
  summary: 'a summary source',
  cohorts: 'a cohort source',
};

const FORMAT_NAMES = [...SOURCE_FORMATS, ...CONNECTION_FORMATS].map((f) => f.name);

export function checkSource(ctx: CheckContext, s: SourceStatement): void {
  if (s.format && !FORMAT_NAMES.includes(s.format.name)) {
    const suggestions = suggest(s.format.name, FORMAT_NAMES);
    ctx.error(
      s.format,
      'unknown-format',
      `unknown file format \`${s.format.name}\`; use ${orList(FORMAT_NAMES)}${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
  }
  checkSourceConnection(ctx, s);
  const options = checkBlockItems(ctx, 'source', s.block);
  const declared = options
    .get('columns')
    ?.values.flatMap((v) =>
      v.value.kind === 'Identifier' ? [v.value.name] : v.value.kind === 'String' ? [v.value.value] : [],
    );
  const schema = ctx.env.schema(s)?.map((c) => c.name) ?? declared;
  const columns = schema ? new Set(schema) : undefined;
  const mappings = (s.block?.items ?? []).filter((i): i is MappingItem => i.kind === 'Mapping');
  checkMappings(ctx, s, mappings, columns);
  for (const item of s.block?.items ?? []) {
    if (item.kind === 'Where') checkCondition(ctx, item.condition, { kind: 'columns', source: s, columns });
  }
}

function checkMappings(
  ctx: CheckContext,
  s: SourceStatement,
  mappings: MappingItem[],
  columns: Set<string> | undefined,
): void {
  let kind: SourceKind | undefined;
  const mapped = new Set<string>();
  // A column plays one role: `customer = Id` and `amount = Id` would read ids as amounts.
  const roleOfColumn = new Map<string, string>();
  for (const m of mappings) {
    const role = roleInfo(m.role.name);
    if (!role) {
      const suggestions = suggest(
        m.role.name,
        ROLES.map((r) => r.name),
      );
      ctx.error(
        m.role,
        'unknown-role',
        `unknown column role \`${m.role.name}\`${didYouMean(suggestions)}`,
        suggestionData(suggestions),
      );
      continue;
    }
    const canonical = role.aliasOf ?? role.name;
    if (mapped.has(canonical))
      ctx.error(m.role, 'duplicate-mapping', `\`${canonical}\` is already mapped in this source`);
    mapped.add(canonical);
    if (kind === undefined) kind = role.kind;
    else if (role.kind !== kind) {
      ctx.error(
        m.role,
        'mixed-roles',
        `\`${role.name}\` belongs to ${KIND_NAMES[role.kind]}, but this is ${KIND_NAMES[kind]} (from its first mapping)`,
      );
    }
    if (m.columns.length > 1 && !role.multiple)
      ctx.error(m.columns[1], 'too-many-columns', `\`${role.name}\` maps one column`);
    if (m.format) checkDateFormat(ctx, m, role.dated === true);
    for (const column of m.columns) {
      ctx.reference(column.name, column, 'column');
      const other = roleOfColumn.get(column.name);
      if (other !== undefined && other !== canonical)
        ctx.error(
          column,
          'duplicate-mapping',
          `column \`${column.name}\` is already mapped to \`${other}\`; a column plays one role, so map \`${role.name}\` to another column`,
        );
      else roleOfColumn.set(column.name, canonical);
      if (columns && !columns.has(column.name)) {
        const suggestions = suggest(column.name, columns);
        ctx.error(
          column,
          'unknown-column',
          `no column \`${column.name}\` in source \`${s.name?.name}\`${didYouMean(suggestions)}`,
          suggestionData(suggestions),
        );
      }
    }
  }
  const where = s.name ?? s.format ?? s;
  if (!kind) {
    if (s.block || s.path)
      ctx.error(
        where,
        'missing-mapping',
        'this source maps no columns: map `customer` and `date` (transactions), `frequency`, `recency` and `age` (a summary), or `period` and `survivors` (cohorts)',
      );
    return;
  }
  const missing = ROLES.filter((r) => r.kind === kind && r.required && !mapped.has(r.name)).map(
    (r) => `\`${r.name} = COLUMN\``,
  );
  if (missing.length)
    ctx.error(where, 'missing-mapping', `${KIND_NAMES[kind]} needs ${orList(missing).replace(/ or /, ' and ')}`);
}

function checkDateFormat(ctx: CheckContext, m: MappingItem, dated: boolean): void {
  const format = m.format!;
  if (!dated) {
    ctx.error(format, 'format-not-allowed', `\`as\` gives a date format, but \`${m.role.name}\` is not a date`);
    return;
  }
  if (format.kind === 'Identifier') {
    if (!DATE_FORMAT_WORDS.includes(format.name)) {
      ctx.error(
        format,
        'invalid-date-format',
        `unknown date format \`${format.name}\`; use ISO, YYYYMMDD or a quoted pattern such as "DD/MM/YYYY"`,
      );
    }
  } else if (!/YYYY|YY/.test(format.value) || !/MM|M/.test(format.value) || !/DD|D/.test(format.value)) {
    ctx.error(
      format,
      'invalid-date-format',
      `the date pattern ${format.raw} needs a year (YYYY), a month (MM) and a day (DD)`,
    );
  }
}
