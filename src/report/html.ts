/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A number for a report cell: 4 decimals, `–` when undefined. */
export function formatMetric(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** An HTML table; cells are escaped unless given as `{ html }`. `data-*` attributes help tests and scripts. */
export function htmlTable(
  header: string[],
  rows: (string | number | { html: string })[][],
  attributes: Record<string, string> = {},
): string {
  const cell = (value: string | number | { html: string }, tag: 'td' | 'th') =>
    `<${tag}${typeof value === 'number' ? ' class="num"' : ''}>${
      typeof value === 'object' ? value.html : escapeHtml(String(value))
    }</${tag}>`;
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<table${attrs}><thead><tr>${header.map((value) => cell(value, 'th')).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((value) => cell(value, 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A figure holding an inline SVG chart and its caption. */
export function figure(id: string, svg: string, caption: string): string {
  return `<figure class="chart" id="${escapeHtml(id)}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure.chart{margin:1rem 0}figcaption{font-size:.85rem;color:#555}
.meta{font-size:.85rem;color:#444}.meta code{font-size:.8rem}.fail{color:#a40000;font-weight:600}.pass{color:#1d6b1d;font-weight:600}
.note{font-size:.85rem;color:#555;max-width:75ch}
`;

/** One self-contained page: inline style, no script, no external resource. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cvmatch"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}
