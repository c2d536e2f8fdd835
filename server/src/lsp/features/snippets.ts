// Statement templates offered where a new statement starts. Tab stops walk through the parts
// a user must choose; defaults are the common case.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { CHART_KINDS, keywordsFor, MODEL_KINDS } from '../../language';

/** A snippet choice among the catalog's words (`${n|a,b,c|}`), the first being the default. */
const choice = (n: number, words: readonly string[]) => `\${${n}|${words.join(',')}|}`;

const SNIPPETS: { label: string; detail: string; body: string }[] = [
  {
    label: 'source',
    detail: 'transaction source from a CSV file',
    body: 'source ${1:orders} = csv "${2:data/orders.csv}" {\n  customer = ${3:customer_id}\n  date     = ${4:date}\n  amount   = ${5:amount}\n}',
  },
  {
    label: 'split',
    detail: 'calibration / holdout split',
    body:
      'split ${1:cal} = ${2:orders} until ${3:1997-09-30}, holdout until ${4:1998-06-30}, in ' +
      choice(5, ['weeks', ...keywordsFor('unit').filter((u) => u !== 'weeks')]),
  },
  {
    label: 'model',
    detail: 'fit a model',
    body: `model ${'${1:purchases}'} = ${choice(
      2,
      MODEL_KINDS.map((m) => m.name),
    )}(${'${3:cal}'})`,
  },
  {
    label: 'value',
    detail: 'discounted customer lifetime value',
    body: 'value ${1:clv} = lifetime_value(${2:purchases}, ${3:spend}) {\n  horizon  ${4:12 months}\n  discount ${5:10% per year}\n  margin   ${6:30%}\n}',
  },
  {
    label: 'segments',
    detail: 'ordered segment rules',
    body: 'segments ${1:tiers} on ${2:clv} {\n  "${3:Champions}" when ${4:clv in top 10%}\n  "${5:Everyone else}" otherwise\n}',
  },
  {
    label: 'chart',
    detail: 'chart of a definition',
    body: `chart ${choice(
      1,
      CHART_KINDS.map((c) => c.name),
    )} of ${'${2:clv}'}`,
  },
  {
    label: 'table',
    detail: 'table of customers',
    body: 'table ${1:top_customers} = ${2:clv} {\n  columns ${3:customer, clv, p_alive}\n  sort ${4:clv} desc\n  limit ${5:20}\n}',
  },
  { label: 'export', detail: 'write a result to a file', body: 'export ${1:tiers} to "${2:out/tiers.csv}"' },
  {
    label: 'compare',
    detail: 'purchase models of one split side by side on its holdout',
    body: 'compare ${1:purchases}, ${2:pnbd}',
  },
];

export function statementSnippets(): CompletionItem[] {
  return SNIPPETS.map((s) => ({
    label: `${s.label} …`,
    filterText: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    insertText: s.body,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `1${s.label}`,
  }));
}
