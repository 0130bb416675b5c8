import type { LineDraft, TableDraft } from '../document-builder.js';

/** A node of the small, well-formed HTML mammoth writes. */
interface HtmlElement {
  tag: string;
  children: HtmlNode[];
}
type HtmlNode = HtmlElement | string;

const voidTags = new Set(['br', 'img', 'hr']);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Parses mammoth's HTML output (tags without surprises, escaped text) into a tree. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: 'root', children: [] };
  const stack: HtmlElement[] = [root];
  const tokenPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)/g;
  for (const match of html.matchAll(tokenPattern)) {
    const [, closing, rawTag, selfClosing, text] = match;
    const parent = stack.at(-1) ?? root;
    if (text !== undefined) {
      parent.children.push(decodeEntities(text));
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (closing === '/') {
      const index = stack.map((element) => element.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
      continue;
    }
    const element: HtmlElement = { tag, children: [] };
    parent.children.push(element);
    if (selfClosing !== '/' && !voidTags.has(tag)) stack.push(element);
  }
  return root;
}

interface InlineText {
  /** Segments split at `<br>`. */
  segments: string[];
  boldChars: number;
  chars: number;
}

const blockTags = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
]);

/** Text of inline content (skipping nested blocks), split at line breaks, with how much of it is bold. */
function inlineText(element: HtmlElement): InlineText {
  const result: InlineText = { segments: [''], boldChars: 0, chars: 0 };
  const visit = (node: HtmlNode, bold: boolean) => {
    if (typeof node === 'string') {
      const last = result.segments.length - 1;
      result.segments[last] = (result.segments[last] ?? '') + node;
      const length = node.trim().length;
      result.chars += length;
      if (bold) result.boldChars += length;
      return;
    }
    if (blockTags.has(node.tag)) return;
    if (node.tag === 'br') {
      result.segments.push('');
      return;
    }
    for (const child of node.children) visit(child, bold || node.tag === 'strong' || node.tag === 'b');
  };
  for (const child of element.children) visit(child, false);
  return result;
}

/** Lines and tables read from mammoth's HTML. */
export interface HtmlLines {
  lines: LineDraft[];
  tables: TableDraft[];
}

function elementChildren(element: HtmlElement, tags: string[]): HtmlElement[] {
  return element.children.filter(
    (child): child is HtmlElement => typeof child !== 'string' && tags.includes(child.tag),
  );
}

/**
 * Turns mammoth's HTML into line drafts: headings keep their level, list items are marked, bold comes
 * from `<strong>`; table rows of short single-line cells become one line `cell | cell` (region `table`)
 * and a `TableDraft`, while layout tables (cells with several paragraphs) are read cell by cell.
 */
export function htmlToLines(html: string): HtmlLines {
  const lines: LineDraft[] = [];
  const tables: TableDraft[] = [];

  const emit = (element: HtmlElement, extra: Partial<LineDraft>, into: LineDraft[]) => {
    const inline = inlineText(element);
    const bold = inline.chars > 0 && inline.boldChars * 2 > inline.chars;
    for (const segment of inline.segments) {
      if (segment.trim().length === 0) continue;
      const draft: LineDraft = { text: segment, page: 1, region: 'body', ...extra };
      if (bold) draft.bold = true;
      into.push(draft);
    }
  };

  const walk = (element: HtmlElement, into: LineDraft[], region: LineDraft['region']) => {
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (child.trim().length > 0) into.push({ text: child, page: 1, region });
        continue;
      }
      const heading = /^h([1-6])$/.exec(child.tag);
      if (heading !== null) emit(child, { headingLevel: Number(heading[1]), region }, into);
      else if (child.tag === 'p') emit(child, { region }, into);
      else if (child.tag === 'li') {
        emit(child, { listItem: true, region }, into);
        walk(
          {
            tag: 'li-blocks',
            children: child.children.filter((node) => typeof node !== 'string' && blockTags.has(node.tag)),
          },
          into,
          region,
        );
      } else if (child.tag === 'table') readTable(child, into);
      else if (
        blockTags.has(child.tag) ||
        !['strong', 'em', 'a', 'b', 'i', 'u', 's', 'sup', 'sub', 'span', 'img', 'br'].includes(child.tag)
      ) {
        walk(child, into, region);
      } else emit({ tag: 'inline', children: [child] }, { region }, into);
    }
  };

  const readTable = (table: HtmlElement, into: LineDraft[]) => {
    const rows: string[][] = [];
    const firstLine = into.length;
    const rowElements = [
      ...elementChildren(table, ['tr']),
      ...elementChildren(table, ['thead', 'tbody', 'tfoot']).flatMap((group) =>
        elementChildren(group, ['tr']),
      ),
    ];
    for (const row of rowElements) {
      const cells = elementChildren(row, ['td', 'th']).map((cell) => {
        const cellLines: LineDraft[] = [];
        walk(cell, cellLines, 'table');
        return cellLines;
      });
      rows.push(cells.map((cellLines) => cellLines.map((line) => line.text.trim()).join(' ')));
      const simple = cells.length >= 2 && cells.every((cellLines) => cellLines.length <= 1);
      if (simple) {
        const text = cells
          .map((cellLines) => cellLines[0]?.text.trim() ?? '')
          .filter((cell) => cell.length > 0)
          .join(' | ');
        const bold = cells.every((cellLines) => cellLines[0] === undefined || cellLines[0].bold === true);
        const draft: LineDraft = { text, page: 1, region: 'table' };
        if (bold) draft.bold = true;
        into.push(draft);
      } else {
        for (const cellLines of cells) into.push(...cellLines);
      }
    }
    // Tables nested in a table cell are flattened into the cell's text; only top-level ones are listed.
    if (into === lines) tables.push({ rows, firstLine });
  };

  walk(parseHtml(html), lines, 'body');
  return { lines, tables };
}
