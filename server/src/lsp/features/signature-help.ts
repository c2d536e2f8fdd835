// Signature help inside the parentheses of a model or value call: what each argument must
// be, and (for a model) the parameters it will estimate.
import {
  MarkupKind,
  type SignatureHelp,
  type SignatureHelpParams,
  type SignatureInformation,
} from 'vscode-languageserver';
import { modelKindInfo } from '../../language';
import type { Workspace } from '../workspace/workspace';
import { locate, statementAt } from './locate';
import { modelMarkdown } from './vocabulary';

function signaturesOf(callee: string): SignatureInformation[] {
  if (callee === 'lifetime_value') {
    return [
      {
        label: 'lifetime_value(purchase_model, spend_model)',
        documentation:
          'Discounted CLV from a purchase model (bgnbd, pareto_nbd, mbgnbd, bgbb) and a gamma_gamma spend model.',
        parameters: [
          { label: 'purchase_model', documentation: 'A fitted purchase model.' },
          { label: 'spend_model', documentation: 'A fitted gamma_gamma model.' },
        ],
      },
      {
        label: 'lifetime_value(retention_model)',
        documentation: 'Contractual value from an sbg model; set `payment` in the block.',
        parameters: [{ label: 'retention_model', documentation: 'A fitted sbg model.' }],
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
  const activeSignature = call.callee.name === 'lifetime_value' && retention ? 1 : 0;
  return { signatures, activeSignature, activeParameter: active };
}
