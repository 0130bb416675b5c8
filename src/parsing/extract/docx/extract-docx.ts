import type Mammoth from 'mammoth';
import type { Warning } from '../../../domain/index.js';
import { DocumentError } from '../../../errors.js';
import { lazyRequire } from '../../../support/lazy-require.js';
import { buildDocument, hiddenTextWarning, type LineDraft } from '../document-builder.js';
import type { FormatContext } from '../format-context.js';
import { blockLimitWarning, truncateXmlBlocks } from '../truncate-xml-blocks.js';
import type { ExtractedDocument } from '../types.js';
import { openZipArchive, type ZipArchive } from '../zip-archive.js';
import { htmlToLines } from './html-lines.js';
import { paragraphTexts, parseWordXml, removeHiddenRuns, serializeWordXml } from './word-xml.js';

/** mammoth, loaded by the first DOCX read (not at start-up: it takes ~85 ms to load). */
const loadMammoth = lazyRequire<typeof Mammoth>('mammoth');

/** The zip interface mammoth reads a document through (its `{ file }` input). */
interface MammothZipFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/** Serves mammoth the zip through our size-capped reader, with a cleaned `word/document.xml`. */
function mammothZipFile(archive: ZipArchive, documentXml: string): MammothZipFile {
  return {
    exists: (name) => archive.has(name),
    read: async (name, encoding) => {
      if (name === 'word/document.xml')
        return encoding === undefined ? new TextEncoder().encode(documentXml) : documentXml;
      const bytes = await archive.readBytes(name);
      if (encoding === undefined) return bytes;
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return new TextDecoder(encoding).decode(bytes);
    },
  };
}

/** Header or footer parts in a stable order (`header1.xml`, `header2.xml`, …). */
function partNames(archive: ZipArchive, kind: 'header' | 'footer'): string[] {
  const pattern = new RegExp(`^word/${kind}(\\d*)\\.xml$`);
  return archive.names
    .filter((name) => pattern.test(name))
    .sort(
      (a, b) => Number(pattern.exec(a)?.[1] ?? 0) - Number(pattern.exec(b)?.[1] ?? 0) || a.localeCompare(b),
    );
}

/** Lines of the header or footer parts, each distinct text once (first/even/odd variants repeat). */
async function readRunningParts(
  archive: ZipArchive,
  kind: 'header' | 'footer',
  hidden: string[],
  file: string | null,
): Promise<LineDraft[]> {
  const seen = new Set<string>();
  const drafts: LineDraft[] = [];
  for (const name of partNames(archive, kind)) {
    const xml = await archive.readText(name);
    let document: ReturnType<typeof parseWordXml>;
    try {
      document = parseWordXml(xml);
    } catch (error) {
      throw new DocumentError('corrupt', `The DOCX part ${name} is not valid XML.`, { file, cause: error });
    }
    hidden.push(...removeHiddenRuns(document));
    for (const text of paragraphTexts(document)) {
      const key = text.replace(/\s+/g, ' ').trim();
      if (key.length === 0 || seen.has(key)) continue;
      seen.add(key);
      drafts.push({ text, page: 1, region: kind });
    }
  }
  return drafts;
}

/** Page count Word saved in docProps/app.xml (`<Pages>`), else 1: DOCX has no pages of its own. */
async function countPages(archive: ZipArchive): Promise<number> {
  if (!archive.has('docProps/app.xml')) return 1;
  const pages = Number(/<Pages>(\d+)<\/Pages>/.exec(await archive.readText('docProps/app.xml'))?.[1] ?? 1);
  return Number.isInteger(pages) && pages >= 1 ? pages : 1;
}

/**
 * Extracts a DOCX: body through mammoth's HTML (headings, lists, tables), header and footer parts read
 * directly (mammoth drops them), hidden runs (`w:vanish`, white, tiny) excluded and reported.
 */
export async function extractDocx(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const { file, limits } = context;
  const archive = await openZipArchive(bytes, { file, maxUncompressedBytes: limits.maxUncompressedBytes });
  if (!archive.has('word/document.xml')) {
    throw new DocumentError('corrupt', 'The DOCX has no word/document.xml.', { file });
  }
  const hidden: string[] = [];
  const warnings: Warning[] = [];
  let documentXml: string;
  try {
    // Only the blocks within the text limit are parsed and converted (a body may hold 400,000 paragraphs).
    const cut = truncateXmlBlocks(await archive.readText('word/document.xml'), 'w:body', limits);
    if (cut.keptBlocks !== null && !cut.byChars) warnings.push(blockLimitWarning(cut.keptBlocks));
    context.checkpoint();
    const originalXml = cut.xml;
    const document = parseWordXml(originalXml);
    const removed = removeHiddenRuns(document);
    hidden.push(...removed);
    // Serialising is only needed when something was removed.
    documentXml = removed.length > 0 ? serializeWordXml(document) : originalXml;
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('corrupt', 'The DOCX body (word/document.xml) is not valid XML.', {
      file,
      cause: error,
    });
  }
  context.checkpoint();
  const header = await readRunningParts(archive, 'header', hidden, file);
  const footer = await readRunningParts(archive, 'footer', hidden, file);
  context.checkpoint();
  let html: string;
  try {
    const mammoth = loadMammoth();
    const input = { file: mammothZipFile(archive, documentXml) } as unknown as Parameters<
      typeof mammoth.convertToHtml
    >[0];
    const result = await mammoth.convertToHtml(input, {
      // Images are not read at all: a photo is only noted, never decoded.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError('corrupt', 'The DOCX body cannot be converted.', { file, cause: error });
  }
  const body = htmlToLines(html);
  if (hidden.length > 0) {
    warnings.push(hiddenTextWarning('hidden, white or tiny runs', hidden));
  }
  const lines = [...header, ...body.lines, ...footer];
  const tables = body.tables.map((table) => ({ ...table, firstLine: table.firstLine + header.length }));
  const hasImages = archive.names.some((name) => name.startsWith('word/media/'));
  if (!lines.some((line) => line.text.trim().length > 0)) {
    throw new DocumentError('no-text', 'The DOCX has no text.', { file });
  }
  return buildDocument({
    format: 'docx',
    pages: await countPages(archive),
    lines,
    tables,
    warnings,
    hasImages,
    maxChars: limits.maxChars,
  });
}
