// The renderer's stylesheet, made of VS Code's theme variables so outputs follow the
// editor's light, dark and high-contrast themes without any code of ours.
const CSS = `
.clv-output { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-editor-foreground); }
.clv-output h3 { font-size: 1.05em; margin: 4px 0 6px; }
.clv-output h4 { font-size: 1em; margin: 10px 0 4px; font-weight: 600; }
.clv-output table { border-collapse: collapse; margin: 4px 0; }
.clv-output th, .clv-output td { padding: 2px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.35)); text-align: left; }
.clv-output th { font-weight: 600; user-select: none; }
.clv-output th.sortable { cursor: pointer; }
.clv-output th.sortable:hover { background: var(--vscode-list-hoverBackground); }
.clv-output .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.clv-output .muted { color: var(--vscode-descriptionForeground); }
.clv-output .warn { color: var(--vscode-editorWarning-foreground); }
.clv-output .warn.banner { font-weight: 600; padding: 6px 8px; margin-bottom: 6px; border-left: 4px solid var(--vscode-editorWarning-foreground); background: var(--vscode-inputValidation-warningBackground, transparent); }
.clv-output .pager { display: flex; gap: 8px; align-items: center; margin-top: 4px; }
.clv-output button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 1px 8px; cursor: pointer; }
.clv-output button:disabled { opacity: .5; cursor: default; }
.clv-output .bar { display: inline-block; height: 8px; background: var(--vscode-charts-blue); vertical-align: middle; }
`;

export function ensureStyle(root: Document | ShadowRoot = document): void {
  const host = root instanceof Document ? root.head : root;
  if (host.querySelector('style[data-clv]')) return;
  const style = document.createElement('style');
  style.dataset.clv = '';
  style.textContent = CSS;
  host.append(style);
}
