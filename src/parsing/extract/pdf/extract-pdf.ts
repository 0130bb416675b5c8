import type { Warning } from '../../../domain/index.js';
import { DocumentError } from '../../../errors.js';
import { buildDocument, hiddenTextWarning, type LineDraft, stripBullet } from '../document-builder.js';
import type { FormatContext } from '../format-context.js';
import type { ExtractedDocument } from '../types.js';
import { type ContentScan, pageNeedsOperators, scanPdfContent } from './content-scan.js';
import { declaredImages } from './declared-images.js';
import { loadPdfJs, type PdfJs, pdfjsFiles, restoreNativePush } from './load-pdfjs.js';
import { cleanPageLines, type PageLines } from './page-cleanup.js';
import { analysePageGraphics, type PageGraphics } from './page-graphics.js';
import { orderPageLines, type PositionedText } from './reading-order.js';

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/**
 * Most image pixels (summed over the document, as declared) pdfjs may decode. Text extraction needs no
 * pixels; images are decoded only because pdfjs builds its drawing operators that way, and those operators
 * place images for hidden-text detection. 16 MP covers a photo and a page scanned at 300 dpi (8.7 MP) in a
 * few hundred MB; past it no image is decoded at all (a 1 MB file can declare 2.7 GB of pixels).
 */
const maxDecodedImagePixels = 16_000_000;

/** Smallest font size a reader can see, points. */
const minVisibleFontSize = 2;

function mapLoadError(error: unknown, file: string | null): DocumentError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new DocumentError('encrypted', 'The PDF is password-protected.', { file, cause: error });
  }
  return new DocumentError('corrupt', 'The PDF cannot be read (truncated or damaged).', {
    file,
    cause: error,
  });
}

/** Whether a pdfjs font is bold, from its flags or its PostScript name (`Helvetica-Bold`, `Arial,Bold`…). */
function isBoldFont(page: PdfPage, fontName: string): boolean {
  if (!page.commonObjs.has(fontName)) return false;
  const font = page.commonObjs.get(fontName) as { name?: unknown; bold?: unknown; black?: unknown } | null;
  if (font === null || typeof font !== 'object') return false;
  if (font.bold === true || font.black === true) return true;
  return typeof font.name === 'string' && /bold|black|heavy|semibold|demi/i.test(font.name);
}

interface PageText {
  runs: PositionedText[];
  hidden: string[];
  hasImages: boolean;
  height: number;
}

/** Splits an item's text into runs of visible and hidden characters, with their share of the width. */
function splitByVisibility(
  text: string,
  hiddenFlags: boolean[],
): { text: string; hidden: boolean; from: number; to: number }[] {
  const characters = Array.from(text);
  const parts: { text: string; hidden: boolean; from: number; to: number }[] = [];
  for (const [index, character] of characters.entries()) {
    // Spaces follow the character before them.
    const hidden =
      character.trim().length === 0 ? (parts.at(-1)?.hidden ?? false) : (hiddenFlags[index] ?? false);
    const last = parts.at(-1);
    if (last !== undefined && last.hidden === hidden) {
      last.text += character;
      last.to = index + 1;
    } else parts.push({ text: character, hidden, from: index, to: index + 1 });
  }
  return parts.map((part) => ({
    ...part,
    from: part.from / characters.length,
    to: part.to / characters.length,
  }));
}

/** A page whose drawing operators were not read: the content scan found no way text is hidden on it. */
function plainGraphics(hasImages: boolean): PageGraphics {
  return {
    hasImages,
    hiddenCharacters: (text) => Array.from(text, () => false),
    unmatchedText: () => [],
  };
}

async function readPage(
  page: PdfPage,
  normalize: (text: string) => string,
  imagesSkipped: boolean,
  scan: ContentScan,
): Promise<PageText> {
  // Raw characters, so they can be matched with the drawing operators; normalised below.
  const content = await page.getTextContent({ disableNormalization: true });
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  const items = content.items.flatMap((item) => {
    if (!('str' in item) || item.str.trim().length === 0) return [];
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    return [{ item, text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) }];
  });
  // Skipped images leave no operator: the page is then taken to have images (an OCR layer is kept).
  const graphics: PageGraphics = pageNeedsOperators(
    scan,
    { ref: page.ref?.num ?? null, view: page.view },
    items,
  )
    ? await analysePageGraphics(await page.getOperatorList(), { assumeImages: imagesSkipped })
    : plainGraphics(imagesSkipped);
  const runs: PositionedText[] = [];
  const hidden: string[] = [];
  for (const { item, x, y, fontSize } of items) {
    const hiddenFlags = graphics.hiddenCharacters(item.str, { x, y, width: item.width, fontSize });
    const outside = x > right || x + item.width < left || y > top || y < bottom - fontSize;
    if (fontSize < minVisibleFontSize || outside) {
      hidden.push(normalize(item.str).trim());
      continue;
    }
    const bold = isBoldFont(page, item.fontName);
    for (const part of splitByVisibility(item.str, hiddenFlags)) {
      const text = normalize(part.text);
      if (part.hidden) {
        if (text.trim().length > 0) hidden.push(text.trim());
        continue;
      }
      const partX = x + item.width * part.from;
      runs.push({ text, x: partX, y, width: item.width * (part.to - part.from), fontSize, bold });
    }
  }
  hidden.push(...graphics.unmatchedText().map(normalize));
  return { runs, hidden, hasImages: graphics.hasImages, height: top - bottom };
}

/** Extracts a PDF: text positions from pdfjs, reading order rebuilt per page, hidden text reported. */
export async function extractPdf(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const { file, limits, signal } = context;
  const pdfjs = await loadPdfJs();
  const images = declaredImages(bytes);
  const imagesSkipped = images.count > 0 && images.pixels > maxDecodedImagePixels;
  // Which pages need pdfjs' drawing operators to find hidden text (the costly half of extraction).
  const scan = scanPdfContent(bytes);
  if (scan.tooLarge !== null) {
    throw new DocumentError('too-large', `The PDF is too large to read: ${scan.tooLarge}.`, { file });
  }
  context.checkpoint();
  const task = pdfjs.getDocument({
    // Over the budget, every image is dropped unread (pdfjs: images larger than maxImageSize pixels).
    maxImageSize: imagesSkipped ? 0 : -1,
    // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: pdfjsFiles().cMaps,
    cMapPacked: true,
    // No standardFontDataUrl: the standard 14 fonts' glyph programs only matter for rendering; their
    // metrics are built in. Loading them from disk for every document doubled the extraction time.
  });
  const abort = () => {
    void task.destroy();
  };
  signal.addEventListener('abort', abort, { once: true });
  try {
    let document: PdfDocument;
    try {
      document = await task.promise;
      restoreNativePush(); // the worker module loads with the first document
    } catch (error) {
      context.checkpoint();
      throw mapLoadError(error, file);
    }
    const warnings: Warning[] = [];
    // pdfjs rebuilds a cut-off file from the objects it finds: say that text may be missing.
    if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
      warnings.push({
        code: 'truncated',
        message: 'The PDF file is cut off (no end-of-file marker): text may be missing.',
      });
    }
    const pageCount = document.numPages;
    const readCount = Math.min(pageCount, limits.maxPages);
    if (readCount < pageCount) {
      warnings.push({
        code: 'truncated',
        message: `Only the first ${readCount} of ${pageCount} pages were read (limits.maxPages).`,
      });
    }
    const pages: PageLines[] = [];
    const hidden: string[] = [];
    let hasImages = false;
    for (let number = 1; number <= readCount; number += 1) {
      context.checkpoint();
      let pageText: PageText;
      try {
        const page = await document.getPage(number);
        pageText = await readPage(page, pdfjs.normalizeUnicode, imagesSkipped, scan);
        page.cleanup();
      } catch (error) {
        context.checkpoint();
        throw new DocumentError('corrupt', `Page ${number} of the PDF cannot be read.`, {
          file,
          cause: error,
        });
      }
      if (number === 1) hasImages = pageText.hasImages;
      hidden.push(...pageText.hidden);
      pages.push({ page: number, height: pageText.height, lines: orderPageLines(pageText.runs) });
    }
    if (hidden.length > 0) {
      warnings.push(hiddenTextWarning('white or background-coloured, tiny, or outside the page', hidden));
    }
    const drafts: LineDraft[] = cleanPageLines(pages).map((line) => {
      const { text, bullet } = stripBullet(line.text);
      const draft: LineDraft = {
        text,
        page: line.page,
        fontSize: line.fontSize,
        bold: line.bold,
        column: line.column,
        region: line.region,
      };
      if (bullet) draft.listItem = true;
      return draft;
    });
    if (!drafts.some((draft) => draft.text.trim().length > 0)) {
      throw new DocumentError(
        'no-text',
        'The PDF has no text layer (scanned or image-only): it would need OCR, which cvmatch does not do.',
        { file },
      );
    }
    return buildDocument({
      format: 'pdf',
      pages: pageCount,
      lines: drafts,
      warnings,
      hasImages,
      maxChars: limits.maxChars,
    });
  } finally {
    signal.removeEventListener('abort', abort);
    await task.destroy();
  }
}
