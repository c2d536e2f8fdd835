// Signature help inside the parentheses of a model or value call: what each argument must
// be, and (for a model) the parameters it will estimate.
import {
  MarkupKind,
  type SignatureHelp,
  type SignatureHelpParams,
  type SignatureInformation,
} from 'vscode-languageserver';
import { kindsOf, modelKindInfo, VALUE_FUNCTIONS } from '../../language';
import type { Workspace } from '../workspace/workspace';
import { locate, statementAt } from './locate';
import { modelMarkdown } from './vocabulary';

const isValueFunction = (callee: string) => (VALUE_FUNCTIONS as readonly string[]).includes(callee);
const kinds = (role: 'purchase' | 'spend' | 'retention') => kindsOf(role).join(', ');

function signaturesOf(callee: string): SignatureInformation[] {
  if (isValueFunction(callee)) {
    return [
      {
        label: `${callee}(purchase_model, spend_model)`,
        documentation: `Discounted CLV from a purchase model (${kinds('purchase')}) and a ${kinds('spend')} spend model.`,
        parameters: [
          { label: 'purchase_model', documentation: 'A fitted purchase model.' },
          { label: 'spend_model', documentation: `A fitted ${kinds('spend')} model.` },
        ],
      },
      {
        label: `${callee}(retention_model)`,
        documentation: `Contractual value from a retention model (${kinds('retention')}); set \`payment\` in the block.`,
        parameters: [{ label: 'retention_model', documentation: `A fitted retention model (${kinds('retention')}).` }],
      },
    ];
  }
  const model = modelKindInfo(callee);
  if (!model) return [];
  const argument = model.input === 'cohorts' ? 'cohorts' : 'data';
  const what =
    model.input === 'cohorts'
      ? 'A cohort source (period and survivors).'
      : 'A split (calibration period) or a transaction/summary source.';
  return [
    {
      label: `${model.name}(${argument})`,
      documentation: { kind: MarkupKind.Markdown, value: modelMarkdown(model) },
      parameters: [{ label: argument, documentation: what }],
    },
  ];
}

export function signatureHelp(workspace: Workspace, params: SignatureHelpParams): SignatureHelp | null {
  const located = locate(workspace, params.textDocument.uri, params.position);
  if (!located) return null;
  const { cell, offset } = located;
  const statement = statementAt(cell, offset);
  const call = statement?.kind === 'Model' || statement?.kind === 'Value' ? statement.call : null;
  if (!call) return null;
  const open = cell.text.indexOf('(', call.callee.end);
  const close = cell.text.indexOf(')', open);
  if (open === -1 || offset <= open || (close !== -1 && close < call.end && offset > close)) return null;
  const signatures = signaturesOf(call.callee.name);
  if (!signatures.length) return null;
  const active = (cell.text.slice(open + 1, offset).match(/,/g) ?? []).length;
  // lifetime_value(churn) on an sbg model is the contractual form.
  const first = call.args[0] && located.program.result().lookup(call.args[0].name)?.statement;
  const retention =
    first?.kind === 'Model' && first.call !== null && modelKindInfo(first.call.callee.name)?.role === 'retention';
  const activeSignature = isValueFunction(call.callee.name) && retention ? 1 : 0;
  return { signatures, activeSignature, activeParameter: active };
}
