// Every diagnostic code the parser and checker can report, with its severity and what it
// means. Codes are stable: quick fixes and tests key on them. docs/language.md lists them too.
import type { Severity } from '../diagnostic';
import { keywordsFor } from '../catalog/keywords';
import { MAX_CONDITION_DEPTH } from '../parser/expressions';
import { orList } from '../suggest';

export const DIAGNOSTIC_CODES: Record<string, { severity: Severity; description: string }> = {
  // parser
  'expected-token': { severity: 'error', description: 'The parser expected something else here.' },
  'unknown-statement': { severity: 'error', description: 'A line starts with a word that is not a statement keyword.' },
  'unknown-character': { severity: 'error', description: 'A character that has no meaning in the language.' },
  'unterminated-string': { severity: 'error', description: 'A string without its closing quote.' },
  'unclosed-block': { severity: 'error', description: 'A `{` without its `}`.' },
  'condition-too-deep': {
    severity: 'error',
    description: `A condition nested more than ${MAX_CONDITION_DEPTH} levels deep (parentheses, \`not\`, chained \`and\`/\`or\`).`,
  },
  // names
  'unknown-name': { severity: 'error', description: 'A reference to a name no cell defines.' },
  'wrong-kind': {
    severity: 'error',
    description: 'A reference to a definition of the wrong kind (e.g. a model where a source is needed).',
  },
  'duplicate-definition': { severity: 'error', description: 'A name defined twice.' },
  'cyclic-definition': { severity: 'error', description: 'A definition that depends on itself.' },
  // sources
  'unknown-format': {
    severity: 'error',
    description: `A file format other than ${orList(keywordsFor('format'))}.`,
  },
  'unknown-engine': {
    severity: 'error',
    description: `A connection engine other than ${orList(keywordsFor('engine'))}.`,
  },
  'credential-in-notebook': {
    severity: 'error',
    description: 'A connection URL written in the notebook; it must come from `env "VARIABLE"` or `secret "NAME"`.',
  },
  'missing-connection': {
    severity: 'error',
    description: 'A `table` or `query` source without `from CONNECTION`, or a file source with one.',
  },
  'unknown-role': { severity: 'error', description: 'A mapping to a role that does not exist.' },
  'duplicate-mapping': {
    severity: 'error',
    description: 'A role mapped twice, or one column mapped to two roles.',
  },
  'mixed-roles': { severity: 'error', description: 'Roles of different kinds of source in one source.' },
  'missing-mapping': { severity: 'error', description: 'A role the source needs is not mapped.' },
  'too-many-columns': { severity: 'error', description: 'Several columns mapped to a one-column role.' },
  'format-not-allowed': { severity: 'error', description: '`as FORMAT` on a role that is not a date.' },
  'invalid-date-format': { severity: 'error', description: 'A date format that cannot be read.' },
  'unknown-column': {
    severity: 'error',
    description: 'A column the data file (or the `columns` option) does not have.',
  },
  // splits, models, values
  'invalid-date': { severity: 'error', description: 'A date that does not exist.' },
  'invalid-split': { severity: 'error', description: 'A holdout that ends before the calibration period does.' },
  'unknown-model-kind': { severity: 'error', description: 'A model kind that does not exist.' },
  'unknown-function': {
    severity: 'error',
    description: `A value function other than ${orList(keywordsFor('value-function'))}.`,
  },
  'argument-count': { severity: 'error', description: 'Too many or too few arguments.' },
  'wrong-argument': { severity: 'error', description: 'An argument of the wrong kind of data or model.' },
  'missing-amount': { severity: 'error', description: 'A spend model on data without spend amounts.' },
  'missing-spend-model': { severity: 'error', description: 'A value on a purchase model without a spend model.' },
  'missing-option': { severity: 'error', description: 'A required option is not set.' },
  'missing-holdout': {
    severity: 'error',
    description: 'A comparison of models fitted on data without a holdout period.',
  },
  // options
  'unknown-option': { severity: 'error', description: 'An option the block does not have.' },
  'duplicate-option': { severity: 'error', description: 'An option set twice.' },
  'invalid-option-value': { severity: 'error', description: 'An option value of the wrong shape or unit.' },
  'option-out-of-range': { severity: 'error', description: 'An option value outside its allowed range.' },
  'mapping-not-allowed': { severity: 'error', description: 'A column mapping outside a source.' },
  'option-not-applicable': {
    severity: 'error',
    description: 'An option that does not apply here (`fit_periods` on bgnbd, `spreadsheet_safe` on a .json export).',
  },
  'where-not-allowed': { severity: 'error', description: 'A `where` filter in a model or value block.' },
  // conditions
  'unknown-metric': { severity: 'error', description: 'A metric that does not exist.' },
  'metric-unavailable': {
    severity: 'error',
    description: 'A metric that the target cannot provide (e.g. `clv` on a model).',
  },
  'type-mismatch': { severity: 'error', description: 'Values of types that cannot be compared or ranked.' },
  'missing-unit': { severity: 'error', description: 'A duration compared with a bare number.' },
  'out-of-range': { severity: 'error', description: 'A probability, share or percentile outside its range.' },
  'not-a-condition': { severity: 'error', description: 'A value where a condition is needed.' },
  'empty-range': { severity: 'warning', description: '`between A and B` with A greater than B.' },
  // segments and outputs
  'unknown-segment': {
    severity: 'error',
    description: 'A segment label compared with `segment` that the segments definition does not have.',
  },
  'unreachable-rule': { severity: 'warning', description: 'A segment rule that can never match.' },
  'missing-otherwise': { severity: 'warning', description: 'A segments block without `otherwise`.' },
  'unknown-chart': { severity: 'error', description: 'A chart kind that does not exist.' },
  'chart-arity': { severity: 'error', description: 'The wrong number of metrics after `by`.' },
  'unknown-export-format': { severity: 'error', description: 'An export path without a known file extension.' },
};
