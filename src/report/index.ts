// HTML reports: self-contained pages with charts drawn to inline SVG (vega and vega-lite, loaded on first use).
export { type AuditReportInput, renderAuditReport } from './render-audit-report.js';
export { renderChart, type VegaLiteSpec } from './render-chart.js';
export { dataFingerprint, type EvalReportInput, renderEvalReport } from './render-eval-report.js';
