// What changed in a segments block between two revisions, rule by rule, matched by label:
// a condition rewritten, a rule added or removed, or a rule moved (first match wins, so a
// move alone can change who lands where).
import { parseCell, type SegmentsStatement } from '../../language';

export interface SegmentRuleText {
  label: string;
  /** The condition as written with runs of white space collapsed, or `otherwise`. */
  condition: string;
}

export interface SegmentsBlock {
  name: string;
  on: string;
  rules: SegmentRuleText[];
}

export type RuleChange =
  | { kind: 'changed'; label: string; before: string; after: string }
  | { kind: 'added'; label: string; after: string; position: number }
  | { kind: 'removed'; label: string; before: string }
  | { kind: 'moved'; label: string; from: number; to: number };

function blockOf(statement: SegmentsStatement, text: string): SegmentsBlock {
  return {
    name: statement.name?.name ?? '',
    on: statement.on?.name ?? '',
    rules: statement.rules.map((rule) => ({
      label: rule.label.value,
      condition: rule.condition
        ? text.slice(rule.condition.start, rule.condition.end).replace(/\s+/g, ' ')
        : 'otherwise',
    })),
  };
}

/** Every named segments block in the given cell texts. */
export function segmentsBlocks(cellTexts: string[]): Map<string, SegmentsBlock> {
  const blocks = new Map<string, SegmentsBlock>();
  for (const text of cellTexts) {
    for (const statement of parseCell(text).statements) {
      if (statement.kind === 'Segments' && statement.name) blocks.set(statement.name.name, blockOf(statement, text));
    }
  }
  return blocks;
}

export function ruleChanges(before: SegmentsBlock, after: SegmentsBlock): RuleChange[] {
  const changes: RuleChange[] = [];
  const oldByLabel = new Map(before.rules.map((r) => [r.label, r]));
  const newByLabel = new Map(after.rules.map((r) => [r.label, r]));
  const keptOld = before.rules.filter((r) => newByLabel.has(r.label)).map((r) => r.label);
  const keptNew = after.rules.filter((r) => oldByLabel.has(r.label)).map((r) => r.label);
  for (const [position, rule] of after.rules.entries()) {
    const old = oldByLabel.get(rule.label);
    if (!old) changes.push({ kind: 'added', label: rule.label, after: rule.condition, position: position + 1 });
    else if (old.condition !== rule.condition)
      changes.push({ kind: 'changed', label: rule.label, before: old.condition, after: rule.condition });
    else if (keptOld.indexOf(rule.label) !== keptNew.indexOf(rule.label)) {
      changes.push({ kind: 'moved', label: rule.label, from: before.rules.indexOf(old) + 1, to: position + 1 });
    }
  }
  for (const rule of before.rules)
    if (!newByLabel.has(rule.label)) changes.push({ kind: 'removed', label: rule.label, before: rule.condition });
  return changes;
}
