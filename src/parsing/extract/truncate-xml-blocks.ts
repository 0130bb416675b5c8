import type { Warning } from '../../domain/index.js';

/** Block elements (paragraphs, tables, lists) read at most from a DOCX/ODT body; real CVs have hundreds. */
export const maxBodyBlocks = 2_000;

/** Where `truncateXmlBlocks` cut, when it did. */
export interface XmlCut {
  xml: string;
  /** Top-level blocks kept, when the body was cut; `null` when it was kept whole. */
  keptBlocks: number | null;
  /** Whether the cut was for the character limit (else for the block count). */
  byChars: boolean;
}

const markup = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)[A-Za-z_][^\s/>]*[^>]*?(\/?)>/g;

/**
 * Cuts an XML body (`w:body`, `office:text`) after the first top-level block that brings its text past
 * `maxChars` characters or its block count past `maxBlocks`, keeping the closing tags after the body, so
 * the XML parser and converters never see a body of 400,000 paragraphs. The scan reads tags with one
 * regular expression: linear in the size of the XML, no tree built.
 */
export function truncateXmlBlocks(
  xml: string,
  container: string,
  limits: { maxChars: number; maxBlocks?: number },
): XmlCut {
  const maxBlocks = limits.maxBlocks ?? maxBodyBlocks;
  const whole: XmlCut = { xml, keptBlocks: null, byChars: false };
  const open = new RegExp(`<${container.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`).exec(xml);
  if (open === null || open[0].endsWith('/>')) return whole;
  const closing = xml.lastIndexOf(`</${container}>`);
  if (closing < 0) return whole;
  markup.lastIndex = open.index + open[0].length;
  let depth = 0;
  let blocks = 0;
  let chars = 0;
  let previousEnd = markup.lastIndex;
  for (let match = markup.exec(xml); match !== null; match = markup.exec(xml)) {
    if (match.index >= closing) break;
    // Blank runs between tags are indentation, not text.
    if (match.index > previousEnd) chars += xml.slice(previousEnd, match.index).trim().length;
    previousEnd = match.index + match[0].length;
    if (match[0].startsWith('<!--') || match[0].startsWith('<?')) continue;
    if (match[0].startsWith('<![CDATA[')) {
      chars += match[0].length;
      continue;
    }
    const closes = match[1] === '/';
    const selfCloses = match[2] === '/';
    if (closes) depth -= 1;
    else if (!selfCloses) depth += 1;
    if (depth < 0) return whole; // malformed: leave it to the XML parser to reject
    if (depth === 0) {
      blocks += 1;
      if (chars > limits.maxChars || blocks >= maxBlocks) {
        const rest = xml.slice(previousEnd, closing);
        // Nothing but blank text and markup left: nothing is lost.
        if (!/<[A-Za-z_]/.test(rest)) return whole;
        return {
          xml: xml.slice(0, previousEnd) + xml.slice(closing),
          keptBlocks: blocks,
          byChars: chars > limits.maxChars,
        };
      }
    }
  }
  return whole;
}

/** The warning of a body cut at `maxBodyBlocks` (a cut at `maxChars` is reported by the document builder). */
export function blockLimitWarning(keptBlocks: number): Warning {
  return {
    code: 'truncated',
    message: `Only the first ${keptBlocks} paragraphs or tables were read: the document has more than a CV would.`,
  };
}
