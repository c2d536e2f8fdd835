// The HTML report: `renderReport(notebook, results, options)` → one self-contained HTML file.
export { renderReport, reportPage, type ReportCell, type ReportNotebook, type ReportOptions } from './render-report';
