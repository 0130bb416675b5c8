/**
 * Reader of the dotin "Resume Dataset with NER annotations" files (../shared/data/dev/dotin-resume-ner):
 * one `<cv>` element per file holding the resume text with inline `<label type="…">…</label>` spans.
 *
 * Most files (Indeed exports run through a Python pipeline) lost their line breaks: the whole text is one
 * quoted line where runs of 2+ spaces stand for line breaks and non-ASCII characters are written as
 * Python byte escapes (`\xe2\x80\xa2` for "•"). `readDotinResume` rebuilds a plausible text document from
 * such a file (escapes decoded, XML entities decoded, space runs turned into line breaks) and returns the
 * labelled spans with their offsets in that text.
 */

/** The entity types of the dataset. */
export const DOTIN_LABELS = [
  'Name',
  'Designation',
  'Companies worked at',
  'Location',
  'Email Address',
  'Degree',
  'College Name',
  'Graduation Year',
  'Years of Experience',
  'Tech Tools',
  'Job Specific Skills',
  'Soft Skills',
] as const;
export type DotinLabel = (typeof DOTIN_LABELS)[number];

/** A labelled span of the rebuilt text (`text === resume.text.slice(start, end)`). */
export interface DotinSpan {
  label: DotinLabel;
  text: string;
  start: number;
  end: number;
}

export interface DotinResume {
  /** The rebuilt document text, one line per `\n`. */
  text: string;
  spans: DotinSpan[];
  /** Whether the file had lost its line breaks (and they were rebuilt from space runs). */
  flattened: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Decodes runs of Python byte escapes (`\xc3\xa9`) as UTF-8, and `\t` as a tab. */
export function decodeByteEscapes(text: string): string {
  const decoder = new TextDecoder('utf-8');
  return text
    .replace(/(?:\\x[0-9a-f]{2})+/giu, (run) =>
      decoder.decode(
        new Uint8Array(
          run
            .split('\\x')
            .slice(1)
            .map((hex) => Number.parseInt(hex, 16)),
        ),
      ),
    )
    .replace(/\\t/g, '\t');
}

/** A file is flattened when its text has almost no line breaks for its length. */
function isFlattened(body: string): boolean {
  const breaks = body.split('\n').length - 1;
  return breaks < 5 || body.length / (breaks + 1) > 400;
}

/** Runs of 2+ spaces or tabs are line breaks in a flattened file; single spaces stay. */
function rebuildBreaks(text: string): string {
  return text.replace(/[ \t]*\t[ \t]*|[ ]{2,}/g, '\n');
}

const LABEL = /<label type="([^"]+)">([\s\S]*?)<\/label>/gu;

/** Parses one dataset file into the rebuilt text and its labelled spans. */
export function readDotinResume(xml: string): DotinResume {
  const open = xml.indexOf('<cv>');
  const close = xml.lastIndexOf('</cv>');
  let body = open >= 0 && close > open ? xml.slice(open + 4, close) : xml;
  body = body.trim();
  const flattened = isFlattened(body);
  if (flattened && body.startsWith('"') && body.endsWith('"')) body = body.slice(1, -1);
  body = decodeByteEscapes(body);
  const transform = (raw: string) => {
    // Some files escape twice ("&amp;amp;").
    const decoded = decodeEntities(decodeEntities(raw)).replace(/\r\n?/g, '\n');
    return flattened ? rebuildBreaks(decoded) : decoded;
  };
  let text = '';
  const spans: DotinSpan[] = [];
  let cursor = 0;
  for (const match of body.matchAll(LABEL)) {
    text += transform(body.slice(cursor, match.index));
    const content = transform(match[2]!);
    const label = match[1] as DotinLabel;
    // The span covers the label's content without the whitespace around it.
    const leading = content.length - content.trimStart().length;
    const trimmed = content.trim();
    if (trimmed.length > 0 && (DOTIN_LABELS as readonly string[]).includes(label)) {
      spans.push({
        label,
        text: trimmed,
        start: text.length + leading,
        end: text.length + leading + trimmed.length,
      });
    }
    text += content;
    cursor = match.index + match[0].length;
  }
  text += transform(body.slice(cursor));
  return { text, spans, flattened };
}

/** The line of `text` around offset `start`: its text and where it begins. */
export function lineAround(text: string, start: number, end = start): { text: string; start: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  return { text: text.slice(lineStart, next < 0 ? text.length : next), start: lineStart };
}

/**
 * How a resume's raw lines map to the lines of `documentFromText(text)` (1-based; empty raw lines have none,
 * -1): the raw lines, that map, and the document line holding a character offset of `text`.
 */
export function documentLines(text: string): {
  rawLines: string[];
  documentLineOfRaw: number[];
  lineOfOffset: (offset: number) => number;
} {
  const rawLines = text.split('\n');
  const documentLineOfRaw: number[] = [];
  const rawStarts: number[] = [];
  let counter = 0;
  let start = 0;
  for (const raw of rawLines) {
    documentLineOfRaw.push(raw.trim().length > 0 ? ++counter : -1);
    rawStarts.push(start);
    start += raw.length + 1;
  }
  const lineOfOffset = (offset: number) => {
    let low = 0;
    let high = rawStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (rawStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return documentLineOfRaw[low]!;
  };
  return { rawLines, documentLineOfRaw, lineOfOffset };
}
