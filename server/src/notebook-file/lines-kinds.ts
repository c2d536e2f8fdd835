// What a Markdown-level line means to the cell splitter. Only top-level lines count: fences
// are recognised with 0-3 spaces of indentation (4 or a tab make an indented code block),
// and lines inside lists or block quotes are left to Markdown.

import { isBlank } from './lines';

export interface Fence {
  indent: string;
  char: '`' | '~';
  length: number;
  /** Everything after the fence characters. */
  info: string;
}

export const SEPARATOR = '<!-- cell -->';
const SEPARATOR_LINE = /^<!-- cell -->[ \t]*$/;
const COUNTED_LINE = /^<!-- cell lines=(\d+) -->[ \t]*$/;
const FENCE_LINE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING_LINE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export const countedMarker = (lines: number) => `<!-- cell lines=${lines} -->`;

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'separator' }
  | { kind: 'counted'; lines: number }
  | { kind: 'clv'; fence: Fence }
  | { kind: 'fence'; fence: Fence }
  | { kind: 'text' };

/** An opening fence, or undefined; a backtick fence's info string may not hold backticks. */
export function openingFence(text: string): Fence | undefined {
  const match = FENCE_LINE.exec(text);
  if (!match) return undefined;
  const char = match[2][0] as '`' | '~';
  if (char === '`' && match[3].includes('`')) return undefined;
  return { indent: match[1], char, length: match[2].length, info: match[3] };
}

/** True when the fence's info string names the clv language (its first word, as in CommonMark). */
export const isClvFence = (fence: Fence) => fence.info.trim().split(/[ \t]+/)[0] === 'clv';

export function closesFence(text: string, fence: { char: string; length: number }): boolean {
  const match = CLOSING_LINE.exec(text);
  return !!match && match[1][0] === fence.char && match[1].length >= fence.length;
}

/** The longest run of `char` among lines that could close a fence of that character (0 if none). */
export function longestClosingRun(lines: { text: string }[], char: '`' | '~'): number {
  let longest = 0;
  for (const { text } of lines) {
    const match = CLOSING_LINE.exec(text);
    if (match && match[1][0] === char) longest = Math.max(longest, match[1].length);
  }
  return longest;
}

export function lineKind(text: string): LineKind {
  if (isBlank(text)) return { kind: 'blank' };
  if (SEPARATOR_LINE.test(text)) return { kind: 'separator' };
  const counted = COUNTED_LINE.exec(text);
  if (counted) return { kind: 'counted', lines: Number(counted[1]) };
  const fence = openingFence(text);
  if (fence) return { kind: isClvFence(fence) ? 'clv' : 'fence', fence };
  return { kind: 'text' };
}

/** A line that ends a run of Markdown: the start of a code cell or of another Markdown cell. */
export const isCellBoundary = (kind: LineKind) =>
  kind.kind === 'separator' || kind.kind === 'counted' || kind.kind === 'clv';
