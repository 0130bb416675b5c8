import { constants, inflateSync } from 'node:zlib';
import { longestContentString, maxContentStreamBytes, maxContentStringBytes } from './content-size.js';
import {
  colourTolerance,
  type Rgb,
  type ScanArea,
  type StreamFindings,
  scanContentStream,
} from './content-stream-scan.js';

/**
 * A cheap read of a PDF's raw drawing instructions, to tell on which pages text could be drawn invisibly.
 * pdfjs' operator list, which page-graphics.ts reads to find hidden text, costs more than the text layer
 * itself; a page this scan clears is read from its text layer alone. The scan is conservative: whatever it
 * cannot read or follow (encryption, forms and images painted with `Do`, filters other than Flate, special
 * colour spaces, annotations with their own drawing, rotated text) sends every page of the document to the
 * operator list, as does any sign of the ways page-graphics.ts finds hidden text (white text, invisible
 * render mode, transparency); geometry is checked per page against the text layer by `pageNeedsOperators`.
 */
export interface ContentScan {
  /** Why every page needs the operator list, or null when `pageNeedsOperators` decides per page. */
  reason: string | null;
  /**
   * Why the document is too large for pdfjs to read (a content stream past `maxContentStreamBytes` decoded, or
   * a string token past `maxContentStringBytes`), or null. Only Flate-encoded or plain streams are measured.
   */
  tooLarge: string | null;
  /** What each page's content streams showed, by the page object's number (a page not listed: unknown). */
  pages: Map<number, PageFindings>;
}

/** One page's findings (see `StreamFindings`), with the boxes the colour of some text in the document. */
export interface PageFindings extends Omit<StreamFindings, 'textColours' | 'boxes'> {
  /** Boxes painted in a plain colour close to the colour of some text (text on them would not show). */
  sameColourBoxes: ScanArea[];
}

/** The part of a text-layer item the per-page check needs (page space). */
export interface ScanItem {
  /** The item's raw text (characters are placed along its width as page-graphics.ts places them). */
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

interface RawStream {
  /** The number of the object the stream is (null when its `N G obj` header was not found). */
  number: number | null;
  dictionary: string;
  data: Uint8Array;
}

/** Every stream of the file with its dictionary, and the file's text outside the streams. */
function splitStreams(bytes: Uint8Array, text: string): { streams: RawStream[]; outside: string } | null {
  const streams: RawStream[] = [];
  const outside: string[] = [];
  const keyword = />>\s*stream(?:\r\n|\n|\r)/g;
  let previousEnd = 0;
  for (let match = keyword.exec(text); match !== null; match = keyword.exec(text)) {
    const object = text.lastIndexOf('obj', match.index);
    if (object === -1 || object < previousEnd) return null;
    const dictionary = text.slice(object, match.index + 2);
    const start = match.index + match[0].length;
    const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    let end = direct ? start + Number(direct[1]) : -1;
    if (end < start || end > text.length || !/^\s*endstream/.test(text.slice(end, end + 30))) {
      end = text.indexOf('endstream', start);
      if (end === -1) return null;
    }
    outside.push(text.slice(previousEnd, start));
    const header = /(\d+)\s+\d+\s+$/.exec(text.slice(Math.max(0, object - 24), object));
    streams.push({ number: header ? Number(header[1]) : null, dictionary, data: bytes.subarray(start, end) });
    previousEnd = end;
    keyword.lastIndex = end;
  }
  outside.push(text.slice(previousEnd));
  return { streams, outside: outside.join('\n') };
}

/** Decoding stopped at `maxOutputLength` bytes. */
const oversized = Symbol('oversized');

/**
 * The bytes of a stream once decoded, null when its filters are other than one Flate (or none), `oversized`
 * past `maxBytes`.
 */
function decode(
  stream: RawStream,
  maxBytes = Number.POSITIVE_INFINITY,
): Uint8Array | null | typeof oversized {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(stream.dictionary)?.[1];
  const filters = filter === undefined ? [] : (filter.match(/\/[A-Za-z0-9]+/g) ?? []);
  if (/\/Predictor\s+(?:[2-9]|\d\d)/.test(stream.dictionary)) return null;
  if (filters.length === 0) return stream.data.length > maxBytes ? oversized : stream.data;
  if (filters.length > 1 || (filters[0] !== '/FlateDecode' && filters[0] !== '/Fl')) return null;
  try {
    return inflateSync(stream.data, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: maxBytes,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return oversized;
    // Not inflatable: the caller then reads every page's operator list.
    return null;
  }
}

/** Streams that are not page drawing instructions: fonts, images, metadata, colour profiles, functions. */
const notContent =
  /\/Type\s*\/(?:XRef|Metadata|EmbeddedFile|CMap)\b|\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|\/Length[123]\b|\/N\s+\d|\/FunctionType\b|\/ShadingType\b|\/PatternType\b/;

/** Document-wide signs, in the dictionaries, that text may be hidden in ways the content scan does not follow. */
function dictionarySign(text: string): string | null {
  if (/\/Encrypt\b/.test(text)) return 'encrypted';
  if (/\/Type3\b/.test(text)) return 'Type 3 fonts';
  if (/\/(?:Separation|DeviceN|Indexed|Lab)\b/.test(text)) return 'a special colour space';
  if (/\/WMode\s+1|Identity-V\b/.test(text)) return 'vertical text';
  if (/\/AP\b/.test(text)) return 'annotation appearances';
  if (/\/(?:AcroForm|FreeText|Widget)\b/.test(text)) return 'form fields or text annotations';
  for (const match of text.matchAll(/\/ca\s+([-+]?\d*\.?\d+)/g)) {
    if (Number(match[1]) < 0.1) return 'transparent fill';
  }
  return null;
}

const near = (first: Rgb, second: Rgb) =>
  first.every((channel, index) => Math.abs(channel - (second[index] ?? 0)) <= colourTolerance);

/** Scans a PDF's bytes (see `ContentScan`). Never throws: what it cannot read becomes a `reason`. */
export function scanPdfContent(bytes: Uint8Array): ContentScan {
  const pages = new Map<number, PageFindings>();
  const fail = (reason: string): ContentScan => ({ reason, tooLarge: null, pages });
  const split = splitStreams(bytes, latin1(bytes));
  if (split === null) return fail('unreadable streams');
  // Every page and form stream is measured first, before any other reason ends the scan.
  const decodedStreams = new Map<RawStream, Uint8Array | null>();
  for (const stream of split.streams) {
    if (/\/Type\s*\/ObjStm\b/.test(stream.dictionary)) continue;
    const form = /\/Subtype\s*\/Form\b/.test(stream.dictionary);
    if (!form && notContent.test(stream.dictionary)) continue;
    const decoded = decode(stream, maxContentStreamBytes);
    if (decoded === oversized) {
      return {
        reason: 'content stream too large',
        tooLarge: `a content stream of more than ${maxContentStreamBytes} bytes`,
        pages,
      };
    }
    const longest = decoded === null ? 0 : longestContentString(decoded);
    if (longest > maxContentStringBytes) {
      return {
        reason: 'content string too large',
        tooLarge: `a text string of ${longest} bytes in a content stream (at most ${maxContentStringBytes} are read)`,
        pages,
      };
    }
    decodedStreams.set(stream, decoded);
  }
  // Plain objects (outside streams) and objects packed in object streams, by number; the last one wins.
  const objects = new Map<number, string>();
  const headers = [...split.outside.matchAll(/(\d+)\s+\d+\s+obj\b/g)];
  for (const [index, header] of headers.entries()) {
    const start = (header.index ?? 0) + header[0].length;
    const next = headers[index + 1]?.index ?? split.outside.length;
    const end = split.outside.indexOf('endobj', start);
    objects.set(Number(header[1]), split.outside.slice(start, end === -1 || end > next ? next : end));
  }
  const contentStreams = new Map<number, Uint8Array>();
  for (const stream of split.streams) {
    if (/\/Type\s*\/ObjStm\b/.test(stream.dictionary)) {
      const decoded = decode(stream, maxContentStreamBytes);
      if (decoded === null || decoded === oversized) return fail('unreadable object stream');
      if (!readObjectStream(stream.dictionary, latin1(decoded), objects))
        return fail('unreadable object stream');
      continue;
    }
    if (/\/Subtype\s*\/Form\b/.test(stream.dictionary)) return fail('forms');
    if (notContent.test(stream.dictionary)) continue;
    const decoded = decodedStreams.get(stream) ?? null;
    if (decoded === null) return fail('a content stream this scan cannot decode');
    if (stream.number !== null) contentStreams.set(stream.number, decoded);
  }
  const dictionaryText = [...objects.values()].join('\n');
  // The trailer (where /Encrypt is) is no object: the text outside the streams is read too.
  const sign = dictionarySign(`${split.outside}\n${dictionaryText}`);
  if (sign !== null) return fail(sign);
  // Two bytes per glyph when every font is a Type 0 font with the Identity-H encoding; else one is assumed.
  const twoByteFonts =
    /\/Type0\b/.test(dictionaryText) &&
    !/\/Subtype\s*\/(?:Type1|MMType1|TrueType)\b/.test(dictionaryText) &&
    [...dictionaryText.matchAll(/\/Encoding\s*\/([A-Za-z0-9-]+)/g)].every(
      (match) => match[1] === 'Identity-H',
    );
  const textColours: Rgb[] = [];
  const pageBoxes = new Map<number, StreamFindings['boxes']>();
  for (const [number, body] of objects) {
    if (!/\/Type\s*\/Page\b/.test(body)) continue;
    const streams = pageContents(body, objects, contentStreams);
    if (streams === null) continue; // unknown: that page reads its operator list
    const findings: StreamFindings = {
      textColours,
      boxes: [],
      boxesAfterText: [],
      textClip: null,
      textStarts: null,
      multiGlyphShows: false,
    };
    // A page's content streams are one sequence of operators (split between tokens).
    const joined = Buffer.concat(streams.flatMap((stream) => [stream, Buffer.from('\n')]));
    const scanned = scanContentStream(joined, findings, { bytesPerGlyph: twoByteFonts ? 2 : 1 });
    if (scanned.reason !== null) return fail(scanned.reason);
    const { textColours: _colours, boxes, ...rest } = findings;
    pageBoxes.set(number, boxes);
    pages.set(number, { ...rest, sameColourBoxes: [] });
  }
  // Boxes the colour of some text anywhere in the document: text on one of them would not show.
  for (const [number, boxes] of pageBoxes) {
    const page = pages.get(number);
    if (page === undefined) continue;
    page.sameColourBoxes = boxes
      .filter((box) => textColours.some((colour) => near(colour, box.colour)))
      .map((box) => box.area);
  }
  return { reason: null, tooLarge: null, pages };
}

/** Adds the objects of an object stream (`/N` objects, offsets in its header up to `/First`) to `objects`. */
function readObjectStream(dictionary: string, text: string, objects: Map<number, string>): boolean {
  const first = Number(/\/First\s+(\d+)/.exec(dictionary)?.[1]);
  if (!Number.isInteger(first) || first > text.length) return false;
  const header = text.slice(0, first).trim().split(/\s+/).map(Number);
  if (header.length % 2 !== 0 || header.some((value) => !Number.isInteger(value))) return false;
  for (let index = 0; index < header.length; index += 2) {
    const start = first + header[index + 1]!;
    const end = index + 3 < header.length ? first + header[index + 3]! : text.length;
    objects.set(header[index]!, text.slice(start, end));
  }
  return true;
}

/** The decoded content streams of a page dictionary, in order, or null when one cannot be found. */
function pageContents(
  body: string,
  objects: Map<number, string>,
  contentStreams: Map<number, Uint8Array>,
): Uint8Array[] | null {
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(body)?.[1];
  if (contents === undefined) return /\/Contents\b/.test(body) ? null : [];
  let references = [...contents.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  // `/Contents 12 0 R` may name an array of streams rather than a stream.
  const only = references[0];
  if (references.length === 1 && only !== undefined && !contentStreams.has(only)) {
    const array = /^\s*\[([^\]]*)\]/.exec(objects.get(only) ?? '')?.[1];
    if (array === undefined) return null;
    references = [...array.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  }
  const streams: Uint8Array[] = [];
  for (const reference of references) {
    const stream = contentStreams.get(reference);
    if (stream === undefined) return null;
    streams.push(stream);
  }
  return streams;
}

/**
 * Whether a page still needs the operator list, judged against its text layer (`view`: the page box
 * `[left, bottom, right, top]`): text drawn outside the page (pdfjs leaves it out of the text layer), or a
 * character of the text layer, at the position page-graphics.ts gives it, outside its clipping area, on a
 * box of its own colour, or under a box painted after text over a line's height.
 */
export function pageNeedsOperators(
  scan: ContentScan,
  page: { ref: number | null; view: readonly number[] },
  items: ScanItem[],
): boolean {
  return pageOperatorsReason(scan, page, items) !== null;
}

/** Why a page needs the operator list (see `pageNeedsOperators`), or null. */
export function pageOperatorsReason(
  scan: ContentScan,
  page: { ref: number | null; view: readonly number[] },
  items: ScanItem[],
): string | null {
  if (scan.reason !== null) return scan.reason;
  const findings = page.ref === null ? undefined : scan.pages.get(page.ref);
  if (findings === undefined) return 'a page the scan did not find';
  const view = page.view;
  const [left = 0, bottom = 0, right = 0, top = 0] = view;
  const starts = findings.textStarts;
  if (
    starts !== null &&
    (starts.left < left || starts.right > right || starts.bottom < bottom || starts.top > top)
  )
    return 'text drawn outside the page';
  const clip = findings.textClip;
  for (const item of items) {
    const end = item.x + item.width;
    const baseline = item.y;
    const middle = baseline + item.fontSize * 0.3;
    // A glyph drawn after the last one pdfjs kept may have started past the right edge.
    if (findings.multiGlyphShows && end + item.fontSize + 20 > right) return 'text running to the right edge';
    const slack = item.fontSize / 2;
    const clipped =
      clip !== null &&
      (item.x < clip.left - slack ||
        end > clip.right + slack ||
        middle < clip.bottom - slack ||
        middle > clip.top + slack);
    const sameColour = findings.sameColourBoxes.filter(
      (box) => box.left <= end && box.right >= item.x && box.bottom <= middle && box.top >= middle,
    );
    const covering = findings.boxesAfterText.filter(
      (box) =>
        box.left <= end &&
        box.right >= item.x &&
        box.bottom <= baseline &&
        box.top >= baseline + 0.7 * item.fontSize,
    );
    if (!clipped && sameColour.length === 0 && covering.length === 0) continue;
    // Character by character, where page-graphics.ts places them.
    const length = Math.max(1, item.text.length);
    for (const [position, character] of Array.from(item.text).entries()) {
      if (character.trim().length === 0) continue;
      const x = item.x + (item.width * (position + 0.5)) / length;
      if (
        clip !== null &&
        (x < clip.left - slack ||
          x > clip.right + slack ||
          middle < clip.bottom - slack ||
          middle > clip.top + slack)
      )
        return 'text outside its clipping area';
      if (sameColour.some((box) => x >= box.left && x <= box.right)) return 'text on a box of its colour';
      if (covering.some((box) => x >= box.left && x <= box.right)) return 'text under a box painted after it';
    }
  }
  return null;
}
