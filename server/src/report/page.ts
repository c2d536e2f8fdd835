// The page every HTML output of the command line is written in. Its own module, apart from the
// report's renderers, so `clvnb diff --html` (which draws no chart) does not load vega.
import { escapeHtml } from './escape';
import { REPORT_CSS } from './styles';

/**
 * A self-contained page around `body` (HTML already escaped): the report's styles, and a
 * content security policy that runs no script and loads nothing. The report and `clvnb diff
 * --html` share it.
 */
export function reportPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
