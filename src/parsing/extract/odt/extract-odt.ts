import type { Warning } from '../../../domain/index.js';
import { DocumentError } from '../../../errors.js';
import { buildDocument, hiddenTextWarning, type LineDraft, type TableDraft } from '../document-builder.js';
import { parseWordXml } from '../docx/word-xml.js';
import type { FormatContext } from '../format-context.js';
import { blockLimitWarning, truncateXmlBlocks } from '../truncate-xml-blocks.js';
import type { ExtractedDocument } from '../types.js';
import { openZipArchive, type ZipArchive } from '../zip-archive.js';

const textNamespace = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const tableNamespace = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const styleNamespace = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const foNamespace = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';

/** What an automatic or named style does to the text it applies to. */
interface StyleEffect {
  bold: boolean;
  hidden: boolean;
  /** Outline level of a heading paragraph style (`style:default-outline-level`). */
  outlineLevel: number | null;
}

function elements(node: Node): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as Element);
  }
  return result;
}

function attribute(element: Element, namespace: string, name: string): string | null {
  return element.getAttributeNS(namespace, name) || null;
}

/** Reads `style:style` text properties: bold, and invisible (display none, white, < 2pt). */
function readStyles(root: Element, into: Map<string, StyleEffect>): void {
  for (const style of Array.from(root.getElementsByTagNameNS(styleNamespace, 'style'))) {
    const name = attribute(style, styleNamespace, 'name');
    if (name === null) continue;
    const properties = elements(style).find((child) => child.localName === 'text-properties');
    const parent = attribute(style, styleNamespace, 'parent-style-name');
    const inherited = parent === null ? undefined : into.get(parent);
    const level = Number(attribute(style, styleNamespace, 'default-outline-level') ?? Number.NaN);
    const namedLevel = /^Heading_20_([1-6])$/.exec(name)?.[1];
    const effect: StyleEffect = {
      bold: inherited?.bold ?? false,
      hidden: inherited?.hidden ?? false,
      outlineLevel:
        Number.isFinite(level) && level > 0
          ? level
          : namedLevel !== undefined
            ? Number(namedLevel)
            : (inherited?.outlineLevel ?? null),
    };
    if (properties !== undefined) {
      const weight = attribute(properties, foNamespace, 'font-weight');
      if (weight !== null) effect.bold = weight === 'bold' || Number(weight) >= 600;
      const colour = attribute(properties, foNamespace, 'color')?.toLowerCase() ?? null;
      const size = attribute(properties, foNamespace, 'font-size');
      const points = size?.endsWith('pt') ? Number.parseFloat(size) : Number.NaN;
      if (
        attribute(properties, textNamespace, 'display') === 'none' ||
        (colour !== null &&
          /^#(f[a-f0-9]){3}$/.test(colour) &&
          attribute(properties, foNamespace, 'background-color') === null) ||
        (Number.isFinite(points) && points < 2)
      ) {
        effect.hidden = true;
      }
    }
    into.set(name, effect);
  }
}

interface InlineText {
  text: string;
  boldChars: number;
  chars: number;
}

/** Reads ODF text content (`text:p`, `text:h`, `text:list`, `table:table`) into line drafts. */
class OdtReader {
  readonly lines: LineDraft[] = [];
  readonly tables: TableDraft[] = [];
  readonly hidden: string[] = [];
  constructor(private readonly styles: Map<string, StyleEffect>) {}

  private effect(element: Element): StyleEffect | undefined {
    const name = attribute(element, textNamespace, 'style-name');
    return name === null ? undefined : this.styles.get(name);
  }

  private inline(element: Element, bold: boolean, into: InlineText): void {
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        into.text += text;
        into.chars += text.trim().length;
        if (bold) into.boldChars += text.trim().length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const node = child as Element;
      const name = node.localName;
      if (node.namespaceURI === textNamespace && name === 's') {
        into.text += ' '.repeat(Math.min(100, Number(attribute(node, textNamespace, 'c') ?? 1) || 1));
      } else if (node.namespaceURI === textNamespace && name === 'tab') into.text += '\t';
      else if (node.namespaceURI === textNamespace && name === 'line-break') into.text += '\n';
      else if (node.namespaceURI === textNamespace && (name === 'note' || name === 'bookmark')) continue;
      else if (node.namespaceURI === textNamespace && name === 'hidden-text')
        this.hidden.push(node.textContent ?? '');
      else {
        const effect = this.effect(node);
        if (effect?.hidden === true) {
          const text = (node.textContent ?? '').trim();
          if (text.length > 0) this.hidden.push(text);
          continue;
        }
        this.inline(node, effect?.bold ?? bold, into);
      }
    }
  }

  private paragraph(element: Element, extra: Partial<LineDraft>, into: LineDraft[]): void {
    const effect = this.effect(element);
    if (effect?.hidden === true) {
      const text = (element.textContent ?? '').trim();
      if (text.length > 0) this.hidden.push(text);
      return;
    }
    const inline: InlineText = { text: '', boldChars: 0, chars: 0 };
    this.inline(element, effect?.bold ?? false, inline);
    const bold = inline.chars > 0 && inline.boldChars * 2 > inline.chars;
    for (const segment of inline.text.split('\n')) {
      if (segment.trim().length === 0) continue;
      const draft: LineDraft = { text: segment, page: 1, region: 'body', ...extra };
      if (bold) draft.bold = true;
      into.push(draft);
    }
  }

  /** Reads the block children of `container` (body, list item, cell, header…). */
  blocks(container: Element, extra: Partial<LineDraft>, into: LineDraft[] = this.lines): void {
    for (const element of elements(container)) {
      const name = element.localName;
      if (element.namespaceURI === textNamespace && name === 'h') {
        const level = Number(attribute(element, textNamespace, 'outline-level') ?? 1) || 1;
        this.paragraph(element, { ...extra, headingLevel: Math.min(6, level) }, into);
      } else if (element.namespaceURI === textNamespace && name === 'p') {
        const level = this.effect(element)?.outlineLevel ?? null;
        this.paragraph(
          element,
          level === null ? extra : { ...extra, headingLevel: Math.min(6, level) },
          into,
        );
      } else if (
        element.namespaceURI === textNamespace &&
        (name === 'list' || name === 'list-item' || name === 'list-header')
      ) {
        this.blocks(element, name === 'list' ? extra : { ...extra, listItem: true }, into);
      } else if (element.namespaceURI === tableNamespace && name === 'table') this.table(element, into);
      else if (element.namespaceURI === textNamespace && (name === 'section' || name === 'index-body')) {
        this.blocks(element, extra, into);
      } else if (element.localName === 'frame' || element.localName === 'text-box')
        this.blocks(element, extra, into);
    }
  }

  private table(table: Element, into: LineDraft[]): void {
    const firstLine = into.length;
    const rows: string[][] = [];
    const rowGroups = new Set(['table-rows', 'table-header-rows', 'table-row-group']);
    const rowElements = elements(table).flatMap((child) =>
      child.localName === 'table-row'
        ? [child]
        : rowGroups.has(child.localName)
          ? elements(child).filter((row) => row.localName === 'table-row')
          : [],
    );
    for (const row of rowElements) {
      const cells = elements(row)
        .filter((cell) => cell.localName === 'table-cell')
        .map((cell) => {
          const cellLines: LineDraft[] = [];
          this.blocks(cell, { region: 'table' }, cellLines);
          return cellLines;
        });
      rows.push(cells.map((cellLines) => cellLines.map((line) => line.text.trim()).join(' ')));
      if (cells.length >= 2 && cells.every((cellLines) => cellLines.length <= 1)) {
        const text = cells
          .map((cellLines) => cellLines[0]?.text.trim() ?? '')
          .filter((cell) => cell.length > 0)
          .join(' | ');
        into.push({ text, page: 1, region: 'table' });
      } else for (const cellLines of cells) into.push(...cellLines);
    }
    if (into === this.lines) this.tables.push({ rows, firstLine });
  }
}

function parse(xml: string, part: string, file: string | null): Document {
  try {
    return parseWordXml(xml) as unknown as Document;
  } catch (error) {
    throw new DocumentError('corrupt', `The ODT part ${part} is not valid XML.`, { file, cause: error });
  }
}

/** Page count saved in meta.xml (`meta:page-count`), else 1. */
async function countPages(archive: ZipArchive): Promise<number> {
  if (!archive.has('meta.xml')) return 1;
  const pages = Number(/meta:page-count="(\d+)"/.exec(await archive.readText('meta.xml'))?.[1] ?? 1);
  return Number.isInteger(pages) && pages >= 1 ? pages : 1;
}

/** Extracts an OpenDocument text (`.odt`): body from content.xml, page header/footer from styles.xml. */
export async function extractOdt(bytes: Uint8Array, context: FormatContext): Promise<ExtractedDocument> {
  const { file, limits } = context;
  const archive = await openZipArchive(bytes, { file, maxUncompressedBytes: limits.maxUncompressedBytes });
  if (!archive.has('content.xml'))
    throw new DocumentError('corrupt', 'The ODT has no content.xml.', { file });
  const styles = new Map<string, StyleEffect>();
  const stylesDocument = archive.has('styles.xml')
    ? parse(await archive.readText('styles.xml'), 'styles.xml', file)
    : null;
  if (stylesDocument?.documentElement) readStyles(stylesDocument.documentElement, styles);
  // Only the blocks within the text limit are parsed (the body may hold hundreds of thousands).
  const cut = truncateXmlBlocks(await archive.readText('content.xml'), 'office:text', limits);
  context.checkpoint();
  const content = parse(cut.xml, 'content.xml', file);
  if (content.documentElement) readStyles(content.documentElement, styles);
  context.checkpoint();

  const reader = new OdtReader(styles);
  const running = (kind: 'header' | 'footer'): LineDraft[] => {
    const drafts: LineDraft[] = [];
    if (stylesDocument === null) return drafts;
    for (const part of Array.from(stylesDocument.getElementsByTagNameNS(styleNamespace, kind))) {
      reader.blocks(part, { region: kind }, drafts);
    }
    return drafts;
  };
  const header = running('header');
  const footer = running('footer');
  const body = content.getElementsByTagNameNS('urn:oasis:names:tc:opendocument:xmlns:office:1.0', 'text')[0];
  if (body !== undefined) reader.blocks(body, {});
  const warnings: Warning[] = [];
  if (cut.keptBlocks !== null && !cut.byChars) warnings.push(blockLimitWarning(cut.keptBlocks));
  if (reader.hidden.length > 0) {
    warnings.push(hiddenTextWarning('hidden, white or tiny text', reader.hidden));
  }
  return buildDocument({
    format: 'odt',
    pages: await countPages(archive),
    lines: [...header, ...reader.lines, ...footer],
    tables: reader.tables.map((table) => ({ ...table, firstLine: table.firstLine + header.length })),
    warnings,
    hasImages: archive.names.some((name) => name.startsWith('Pictures/')),
    maxChars: limits.maxChars,
  });
}
