// The HTML report: `renderReport(notebook, results, options)` → one self-contained HTML file.
export { renderReport, type ReportCell, type ReportNotebook, type ReportOptions } from './render-report';
export { reportPage } from './page';
