// Descriptions of the language's words, from the core's catalog: shared by completion
// (item documentation) and hover.
import {
  chartKindInfo,
  metricInfo,
  modelKindInfo,
  optionInfo,
  roleInfo,
  SOURCE_FORMATS,
  type BlockContext,
  type KeywordContext,
  type MetricInfo,
  type ModelKindInfo,
} from '../../language';

export function metricMarkdown(m: MetricInfo): string {
  const unit = m.unitNote ? ` (${m.unitNote})` : '';
  return `**${m.name}** — per-customer metric, ${m.type}${unit}\n\n${m.description}`;
}

export function modelMarkdown(m: ModelKindInfo): string {
  const parameters = m.parameters.map((p) => `- \`${p.name}\`: ${p.description}`).join('\n');
  return `**${m.name}** — ${m.title}, ${m.role} model on ${m.input} (${m.time} time)\n\n${m.description}\n\nParameters:\n${parameters}`;
}

/** Documentation of `word` as a keyword of `context`, when the catalog describes it. */
export function keywordDocumentation(context: KeywordContext, word: string): string | undefined {
  switch (context) {
    case 'metric': {
      const m = metricInfo(word);
      return m && metricMarkdown(m);
    }
    case 'model-kind': {
      const m = modelKindInfo(word);
      return m && modelMarkdown(m);
    }
    case 'format':
      return SOURCE_FORMATS.find((f) => f.name === word)?.description;
    case 'chart-kind':
      return chartKindInfo(word)?.description;
    case 'role':
      return roleInfo(word)?.description;
    default: {
      if (!context.startsWith('block:')) return undefined;
      const o = optionInfo(context.slice('block:'.length) as BlockContext, word);
      return o && `${o.description}${o.default ? `\n\nDefault: ${o.default}.` : ''}`;
    }
  }
}
