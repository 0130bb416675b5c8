/** Image XObjects a PDF declares, read from its bytes without decoding anything. */
export interface DeclaredImages {
  /** Image XObjects found. */
  count: number;
  /** Sum of width × height over them; `Infinity` when a size is not a plain number (an indirect value). */
  pixels: number;
}

/** PDF names may escape any byte as `#xx` (`/Subty#70e`): undone before matching keys. */
const escapedName = /\/[^\s/[\]<>(){}%]*#[0-9A-Fa-f]{2}[^\s/[\]<>(){}%]*/g;

function unescapeNames(text: string): string {
  return text.replace(escapedName, (name) =>
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

/** Largest stretch around `/Subtype /Image` searched for the image's dictionary keys, characters. */
const dictionaryWindow = 4096;

/**
 * Counts a PDF's image XObjects and their pixels from the raw bytes. Every image XObject is a stream, and
 * streams never sit inside compressed object streams, so each one's dictionary is readable as it is in the
 * file. Used to decide, before pdfjs reads a page, whether images may be decoded at all: a 1 MB file can
 * declare a 30000×30000 image (2.7 GB of pixels). Inline images (inside content streams) are not counted.
 */
export function declaredImages(bytes: Uint8Array): DeclaredImages {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.includes('#')) text = unescapeNames(text);
  let count = 0;
  let pixels = 0;
  for (const match of text.matchAll(/\/Subtype\s*\/Image(?![A-Za-z0-9])/g)) {
    count += 1;
    // The dictionary runs from the object's start to its `stream` keyword; keys may come in any order.
    const from = Math.max(0, match.index - dictionaryWindow);
    const before = text.slice(from, match.index);
    const objectStart = before.lastIndexOf('obj');
    const start = objectStart >= 0 ? from + objectStart : from;
    const afterText = text.slice(match.index, match.index + dictionaryWindow);
    const streamAt = afterText.search(/stream[\r\n]|endobj/);
    const dictionary = text.slice(start, match.index + (streamAt >= 0 ? streamAt : afterText.length));
    const width = /\/(?:Width|W)\s+(\d+)(?![\d.])(?!\s+\d+\s+R)/.exec(dictionary)?.[1];
    const height = /\/(?:Height|H)\s+(\d+)(?![\d.])(?!\s+\d+\s+R)/.exec(dictionary)?.[1];
    if (width === undefined || height === undefined) return { count, pixels: Number.POSITIVE_INFINITY };
    pixels += Number(width) * Number(height);
  }
  return { count, pixels };
}
