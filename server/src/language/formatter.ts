// The formatter: one canonical layout for a cell, so a review diff shows only real changes.
// Statements start at column 0; block items and segment rules are indented two spaces, one
// per line; the `=` of consecutive mappings and the `when`/`otherwise` of segment rules are
// aligned; everything else is separated by single spaces. Comments are kept: a comment after
// code stays after the printed line that holds that code, a comment on its own line stays on
// its own line before what follows it. At most one blank line is kept where the source had
// any. A condition written over several lines (or too long for one) keeps one operand of its
// top-level `and`/`or` per line, the operator ending the line, aligned under the condition's
// start. Text with parse errors is returned unchanged, since its meaning is not known.
import type {
  Block,
  BlockItem,
  Comment,
  Expression,
  MappingItem,
  OptionValue,
  Range,
  SegmentRule,
  Statement,
} from './ast';
import { literalText } from './checker/describe';
import { parseCell } from './parser/parse-cell';
import { hasLineBreak, LineIndex } from './text';
import { quoteString } from './string-literal';

export const INDENT = '  ';
/** A condition longer than this on one line is laid out over several. */
const MAX_LINE = 100;

/** Whether the source of a range spans more than one line (the author broke it). */
type SpansLines = (r: Range) => boolean;

/** One output line of code, with the source range it prints (to place comments and blank lines). */
interface PrintedLine {
  depth: number;
  text: string;
  source: Range;
  /** Depth of own-line comments placed just before this line (a `}` takes its items' depth). */
  commentDepth: number;
}

export function formatCell(text: string): string {
  const parsed = parseCell(text);
  if (parsed.errors.length) return text;
  const lines: PrintedLine[] = [];
  const commentInside = (r: Range) => parsed.comments.some((c) => c.range.start > r.start && c.range.start < r.end);
  const spansLines: SpansLines = (r) => hasLineBreak(text.slice(r.start, r.end));
  for (const statement of parsed.statements) printStatement(statement, lines, commentInside, spansLines);
  const laidOut = layout(text, lines, parsed.comments, new LineIndex(text));
  if (laidOut === '') return '';
  // The cell keeps its line breaks (a notebook written on Windows stays CRLF, so `fmt --check`
  // does not flag every cell of it); no string or comment holds a line break, so every LF of the
  // laid-out text is one.
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const out = /[\r\n]$/.test(text) ? laidOut + '\n' : laidOut;
  return eol === '\n' ? out : out.replaceAll('\n', eol);
}

// ---------------------------------------------------------------- placing comments and blank lines

function layout(text: string, lines: PrintedLine[], comments: Comment[], index: LineIndex): string {
  const lineOf = (offset: number) => index.positionAt(offset).line;
  const codeLines = lines.map((l) => ({ first: lineOf(l.source.start), last: lineOf(l.source.end) }));

  // A comment is trailing when code precedes it on its line: it goes after the last printed
  // line that covers that source line. Only one comment fits at a line's end; others move up.
  const trailing = new Map<number, Comment>();
  const ownLine: Comment[] = [];
  for (const comment of comments) {
    const line = lineOf(comment.range.start);
    let target = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
      if (codeLines[i].first <= line && line <= codeLines[i].last && lines[i].source.start < comment.range.start) {
        target = i;
        break;
      }
    }
    const lineStart = index.offsetAt({ line, character: 0 });
    const hasCodeBefore = text.slice(lineStart, comment.range.start).trim() !== '';
    if (hasCodeBefore && target >= 0 && !trailing.has(target)) trailing.set(target, comment);
    else ownLine.push(comment);
  }

  const out: string[] = [];
  let lastSourceLine = -1;
  let next = 0; // next own-line comment to emit
  const emit = (depth: number, text: string, firstLine: number, lastLine: number, afterOpen: boolean) => {
    if (out.length && !afterOpen && firstLine - lastSourceLine > 1) out.push('');
    out.push(INDENT.repeat(depth) + text);
    lastSourceLine = Math.max(lastSourceLine, lastLine);
  };
  let afterOpen = false;
  lines.forEach((line, i) => {
    while (next < ownLine.length && ownLine[next].range.start < line.source.end) {
      const c = ownLine[next++];
      const l = lineOf(c.range.start);
      // A comment from inside the line's code moves up with no blank line.
      const hoisted = c.range.start > line.source.start;
      emit(line.commentDepth, c.text, l, l, afterOpen || hoisted);
      afterOpen = false;
    }
    const comment = trailing.get(i);
    const closing = line.text === '}';
    const last = Math.max(codeLines[i].last, comment ? lineOf(comment.range.start) : 0);
    emit(
      line.depth,
      comment ? `${line.text} ${comment.text}` : line.text,
      codeLines[i].first,
      last,
      afterOpen || closing,
    );
    afterOpen = line.text.endsWith('{');
  });
  while (next < ownLine.length) {
    const c = ownLine[next++];
    const l = lineOf(c.range.start);
    emit(0, c.text, l, l, afterOpen);
    afterOpen = false;
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- statements

function printStatement(
  s: Statement,
  lines: PrintedLine[],
  commentInside: (r: Range) => boolean,
  spansLines: SpansLines,
): void {
  const push = (text: string, source: Range, depth = 0, commentDepth = depth): void => {
    lines.push({ depth, text, source, commentDepth });
  };
  switch (s.kind) {
    case 'Connection':
      return push(
        `connection ${s.name!.name} = ${s.engine!.name}${s.via ? ` ${s.via.name}` : ''}${s.target ? ` ${s.target.raw}` : ''}`,
        s,
      );
    case 'Source':
      return printWithBlock(
        `source ${s.name!.name} = ${s.format!.name} ${s.path!.raw}${s.connection ? ` from ${s.connection.name}` : ''}`,
        s,
        s.block,
        lines,
        commentInside,
        spansLines,
      );
    case 'Split': {
      let text = `split ${s.name!.name} = ${s.source!.name} until ${s.calibrationEnd!.value}`;
      if (s.holdoutEnd) text += `, holdout until ${s.holdoutEnd.value}`;
      if (s.unit) text += `, in ${s.unit.raw}`;
      return push(text, s);
    }
    case 'Model':
    case 'Value': {
      const call = s.call!;
      const text = `${s.kind === 'Model' ? 'model' : 'value'} ${s.name!.name} = ${call.callee.name}(${call.args.map((a) => a.name).join(', ')})`;
      return printWithBlock(text, s, s.block, lines, commentInside, spansLines);
    }
    case 'Table':
      return printWithBlock(`table ${s.name!.name} = ${s.target!.name}`, s, s.block, lines, commentInside, spansLines);
    case 'Segments': {
      const header = `segments ${s.name!.name} on ${s.on!.name}`;
      if (!s.rules.length && !commentInside(s)) return push(`${header} {}`, s);
      push(`${header} {`, { start: s.start, end: s.openBrace!.end });
      const width = Math.max(0, ...s.rules.map((r) => r.label.raw.length));
      for (const rule of s.rules) push(printRule(rule, width, spansLines), rule, 1);
      return push('}', { start: s.end - 1, end: s.end }, 0, 1);
    }
    case 'Chart': {
      const by = s.by.length ? ` by ${s.by.map((m) => m.name).join(', ')}` : '';
      return push(`chart ${s.chartType!.name} of ${s.target!.name}${by}`, s);
    }
    case 'Export':
      return printWithBlock(`export ${s.target!.name} to ${s.path!.raw}`, s, s.block, lines, commentInside, spansLines);
    case 'Compare':
      return push(`compare ${s.models.map((m) => m.name).join(', ')}`, s);
  }
}

function printWithBlock(
  header: string,
  range: Range,
  block: Block | null,
  lines: PrintedLine[],
  commentInside: (r: Range) => boolean,
  spansLines: SpansLines,
): void {
  // An empty block stays on the header's line as `{}`.
  if (!block || (!block.items.length && !commentInside(block))) {
    lines.push({ depth: 0, text: block ? `${header} {}` : header, source: range, commentDepth: 0 });
    return;
  }
  lines.push({ depth: 0, text: `${header} {`, source: { start: range.start, end: block.start + 1 }, commentDepth: 0 });
  const widths = mappingWidths(block.items);
  block.items.forEach((item, i) =>
    lines.push({ depth: 1, text: printItem(item, widths[i], spansLines), source: item, commentDepth: 1 }),
  );
  lines.push({ depth: 0, text: '}', source: { start: block.end - 1, end: block.end }, commentDepth: 1 });
}

/** For each item, the width to pad a mapping's role to: the longest role in its run of consecutive mappings. */
function mappingWidths(items: BlockItem[]): number[] {
  const widths = items.map(() => 0);
  let runStart = 0;
  for (let i = 0; i <= items.length; i++) {
    if (i < items.length && items[i].kind === 'Mapping') continue;
    const run = items.slice(runStart, i) as MappingItem[];
    const width = Math.max(0, ...run.map((m) => m.role.name.length));
    for (let j = runStart; j < i; j++) widths[j] = width;
    runStart = i + 1;
  }
  return widths;
}

function printItem(item: BlockItem, width: number, spansLines: SpansLines): string {
  switch (item.kind) {
    case 'Option':
      return `${item.name.name} ${item.values.map(printOptionValue).join(', ')}`;
    case 'Where':
      return printCondition('where ', item.condition!, 1, spansLines);
    case 'Mapping': {
      // Quoted names are written back with the language's only escapes, `\"` and `\\`.
      const columns = item.columns.map((c) => (c.quoted ? quoteString(c.name) : c.name)).join(', ');
      const format = item.format ? ` as ${item.format.kind === 'String' ? item.format.raw : item.format.name}` : '';
      return `${item.role.name.padEnd(width)} = ${columns}${format}`;
    }
  }
}

function printOptionValue(v: OptionValue): string {
  const value = v.value.kind === 'Identifier' ? v.value.name : literalText(v.value);
  return v.order ? `${value} ${v.order.name}` : value;
}

function printRule(rule: SegmentRule, width: number, spansLines: SpansLines): string {
  const label = rule.label.raw.padEnd(width);
  return rule.otherwise ? `${label} otherwise` : printCondition(`${label} when `, rule.condition!, 1, spansLines);
}

/**
 * `prefix` then the condition: on one line, or (when the author broke it over lines, or it is
 * too long) one operand of its top-level `and`/`or` chain per line, each continuation indented
 * to the condition's column (the printed text carries that indentation; `depth` is the line's).
 */
function printCondition(prefix: string, condition: Expression, depth: number, spansLines: SpansLines): string {
  const flat = prefix + printExpression(condition);
  const column = INDENT.length * depth + prefix.length;
  if (!spansLines(condition) && column + flat.length - prefix.length <= MAX_LINE) return flat;
  return prefix + brokenLines(condition, column, spansLines).join('\n');
}

/**
 * A condition over lines starting at `column`: each operand of an `and`/`or` chain on its own
 * line, the operator ending the line before; a parenthesised chain the author broke is broken
 * the same way one column further in. The first line is unpadded, the others carry their padding.
 */
function brokenLines(e: Expression, column: number, spansLines: SpansLines): string[] {
  if (e.kind === 'Logical') {
    const left = brokenLines(e.left, column, spansLines);
    const right = brokenLines(e.right!, column, spansLines);
    left[left.length - 1] += ` ${e.op}`;
    return [...left, ' '.repeat(column) + right[0], ...right.slice(1)];
  }
  if (e.kind === 'Paren' && e.inner?.kind === 'Logical' && spansLines(e)) {
    const inner = brokenLines(e.inner, column + 1, spansLines);
    inner[0] = '(' + inner[0];
    inner[inner.length - 1] += ')';
    return inner;
  }
  return [printExpression(e)];
}

export function printExpression(e: Expression): string {
  switch (e.kind) {
    case 'Identifier':
      return e.name;
    case 'Compare':
      return `${printExpression(e.left)} ${e.op} ${printExpression(e.right!)}`;
    case 'Rank':
      return `${printExpression(e.subject)} in ${e.direction} ${e.amount!.kind === 'Percent' ? e.amount!.raw + '%' : e.amount!.raw}`;
    case 'InList':
      return `${printExpression(e.subject)} in (${e.items.map(printExpression).join(', ')})`;
    case 'Between':
      return `${printExpression(e.subject)} between ${printExpression(e.low!)} and ${printExpression(e.high!)}`;
    case 'Logical':
      return `${printExpression(e.left)} ${e.op} ${printExpression(e.right!)}`;
    case 'Not':
      return `not ${printExpression(e.operand!)}`;
    case 'Paren':
      return `(${printExpression(e.inner!)})`;
    case 'Percentile':
      return `percentile ${e.rank!.raw} of ${e.metric!.name}`;
    default:
      return literalText(e);
  }
}
