import { CvmatchError } from '../errors.js';

/** A Vega-Lite specification (https://vega.github.io/vega-lite/docs/spec.html), data inlined. */
export type VegaLiteSpec = Record<string, unknown>;

/**
 * A chart as an inline `<svg>` string: the Vega-Lite spec compiled to Vega and drawn by Vega's own SVG
 * renderer, headless (`view.toSVG()`, no canvas, no browser). `vega` and `vega-lite` are loaded on first
 * use only, so nothing but the report commands pays for them.
 */
export async function renderChart(spec: VegaLiteSpec): Promise<string> {
  let vega: typeof import('vega');
  let vegaLite: typeof import('vega-lite');
  try {
    [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  } catch (error) {
    throw new CvmatchError('cannot load vega and vega-lite, needed to draw the report charts', {
      cause: error,
    });
  }
  const compiled = vegaLite.compile({
    ...spec,
    config: { ...CHART_CONFIG, ...(spec.config as object) },
  } as never);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const CHART_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};
