// The TextMate grammars tokenized for real by vscode-textmate with the Oniguruma regex engine
// (the same pair VS Code uses), for the tests that check the scopes themes colour.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
export const SYNTAXES = join(import.meta.dirname, '..', '..', 'syntaxes');
export const CLV_GRAMMAR = join(SYNTAXES, 'clv.tmLanguage.json');

const grammarFiles: Record<string, string> = {
  'source.clv': CLV_GRAMMAR,
  'markdown.clv.codeblock': join(SYNTAXES, 'clv-markdown-injection.tmLanguage.json'),
};
// VS Code's Markdown grammar is not a package here; an empty stand-in with its scope name is
// enough to check that the injection finds ```clv fences and embeds the clv grammar.
const markdownStandIn = JSON.stringify({ scopeName: 'text.html.markdown', patterns: [] });

let wasm: Promise<void> | undefined;

/** A grammar by scope name: `source.clv`, or `text.html.markdown` with the clv injection. */
export async function loadGrammar(scopeName: string): Promise<textmate.IGrammar> {
  wasm ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  await wasm;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (name) => {
      if (name === 'text.html.markdown') return textmate.parseRawGrammar(markdownStandIn, 'markdown.json');
      const path = grammarFiles[name];
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (name) => (name === 'text.html.markdown' ? ['markdown.clv.codeblock'] : undefined),
  });
  return (await registry.loadGrammar(scopeName))!;
}

export interface Token {
  text: string;
  scopes: string[];
}

export function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that is `text` (give or take spaces) on line `line`. */
export function scopesOf(lines: Token[][], line: number, text: string): string[] {
  const token = lines[line].find((t) => t.text.trim() === text);
  assert.ok(
    token,
    `no token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line].map((t) => t.text))}`,
  );
  return token.scopes;
}
