// The chart colours of the current VS Code theme, read from the CSS variables VS Code sets
// on the webview, and a watch on <body>'s class (vscode-light / vscode-dark /
// vscode-high-contrast) so charts are redrawn when the user switches themes.
export type ThemeKind = 'light' | 'dark' | 'high-contrast';

export function themeKind(): ThemeKind {
  const cls = document.body.classList;
  if (cls.contains('vscode-high-contrast') || cls.contains('vscode-high-contrast-light')) return 'high-contrast';
  return cls.contains('vscode-dark') ? 'dark' : 'light';
}

const FALLBACK: Record<ThemeKind, { fg: string; bg: string; grid: string }> = {
  light: { fg: '#333333', bg: '#ffffff', grid: '#e5e5e5' },
  dark: { fg: '#cccccc', bg: '#1e1e1e', grid: '#3c3c3c' },
  'high-contrast': { fg: '#ffffff', bg: '#000000', grid: '#6fc3df' },
};

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** A Vega config in the editor's colours (text, axes, grid, category palette). */
export function vegaThemeConfig(): Record<string, unknown> {
  const kind = themeKind();
  const base = FALLBACK[kind];
  const fg = cssVar('--vscode-editor-foreground', base.fg);
  const grid = cssVar('--vscode-editorWidget-border', base.grid);
  const palette = ['blue', 'orange', 'green', 'red', 'purple', 'yellow'].map((c, i) =>
    cssVar(`--vscode-charts-${c}`, ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#bcbd22'][i]),
  );
  const axis = {
    labelColor: fg,
    titleColor: fg,
    domainColor: fg,
    tickColor: fg,
    gridColor: grid,
    gridOpacity: kind === 'high-contrast' ? 1 : 0.6,
  };
  return {
    background: cssVar('--vscode-editor-background', base.bg),
    font: cssVar('--vscode-font-family', 'sans-serif'),
    title: { color: fg, subtitleColor: fg },
    style: { 'guide-label': { fill: fg }, 'guide-title': { fill: fg }, 'group-title': { fill: fg } },
    axis,
    legend: { labelColor: fg, titleColor: fg },
    view: { stroke: kind === 'high-contrast' ? fg : 'transparent' },
    range: { category: palette },
    mark: { color: palette[0] },
    rule: { color: fg },
    text: { color: fg },
  };
}

/** Calls `onChange` whenever the body's theme class changes; returns a disposer. */
export function watchTheme(onChange: () => void): () => void {
  let last = themeKind();
  const observer = new MutationObserver(() => {
    const now = themeKind();
    if (now !== last) {
      last = now;
      onChange();
    }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
