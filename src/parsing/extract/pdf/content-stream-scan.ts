/**
 * Follows one PDF content stream (its bytes once inflated) just far enough to tell how its text could be
 * hidden: the colours text and boxes are painted in, the clipping areas text is drawn in, where text lines
 * start, and the operators this scan does not follow (which send the document to pdfjs' operator list).
 * Used by content-scan.ts; a tight byte loop, because per-glyph content streams run to megabytes.
 */

/** An axis-aligned area, page space. */
export interface ScanArea {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export type Rgb = [number, number, number];

/** What the streams of one document showed, filled in by `scanContentStream`. */
export interface StreamFindings {
  /** Plain colours text was drawn in (pattern fills left out). */
  textColours: Rgb[];
  /** Boxes painted in a plain colour, clipped, with that colour. */
  boxes: { area: ScanArea; colour: Rgb }[];
  /** Boxes painted in a plain colour after some text. */
  boxesAfterText: ScanArea[];
  /** Intersection of the clipping areas text was drawn in (null: no text was clipped). */
  textClip: ScanArea | null;
  /** Bounds of the points where text lines start (null: no text yet). */
  textStarts: ScanArea | null;
  /** Whether one text operator drew several glyphs (the later ones' positions are not followed). */
  multiGlyphShows: boolean;
}

export interface StreamScan {
  /** The first sign that text may be hidden in a way only the operator list shows, or null. */
  reason: string | null;
  hasText: boolean;
}

type Matrix = [number, number, number, number, number, number];
/** RGB 0–255; null: a pattern (no plain colour); 'unknown': a colour this scan does not convert. */
type Colour = Rgb | null | 'unknown';

/** Text operators whose glyph positions stay predictable (thousandths of an em; text space units). */
const maxKerning = 1000;
const maxCharacterSpacing = 1;
const maxWordSpacing = 10;
const maxHorizontalScaling = 150;
const maxRise = 1;
/** Same tolerance as page-graphics.ts (30), widened for rounding differences with pdfjs' conversions. */
export const colourTolerance = 34;

const identity: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [g, h, i, j, k, l] = second;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

export function grow(area: ScanArea | null, x: number, y: number): ScanArea {
  if (area === null) return { left: x, right: x, bottom: y, top: y };
  return {
    left: Math.min(area.left, x),
    right: Math.max(area.right, x),
    bottom: Math.min(area.bottom, y),
    top: Math.max(area.top, y),
  };
}

export function intersect(area: ScanArea, clip: ScanArea | null): ScanArea {
  if (clip === null) return area;
  return {
    left: Math.max(area.left, clip.left),
    bottom: Math.max(area.bottom, clip.bottom),
    right: Math.min(area.right, clip.right),
    top: Math.min(area.top, clip.top),
  };
}

/** A user-space box in page space, as page-graphics.ts turns pdfjs' path bounds (its four corners). */
function transformArea(matrix: Matrix, area: ScanArea): ScanArea {
  const [a, b, c, d, e, f] = matrix;
  let result: ScanArea | null = null;
  for (const x of [area.left, area.right]) {
    for (const y of [area.bottom, area.top]) result = grow(result, a * x + c * y + e, b * x + d * y + f);
  }
  return result as ScanArea;
}

const isWhite = (colour: Rgb) => colour.every((channel) => 255 - channel <= colourTolerance);

/** Operators by their bytes read as a little-endian number (all PDF operators have 1 to 3 bytes). */
const operatorKeys = new Map<number, string>();
const operatorKey = (bytes: ArrayLike<number>, start: number, end: number) => {
  let key = 0;
  for (let position = end - 1; position >= start; position -= 1) key = key * 256 + (bytes[position] ?? 0);
  return key;
};
for (const operator of [
  'q',
  'Q',
  'cm',
  'm',
  'l',
  'c',
  'v',
  'y',
  're',
  'W',
  'W*',
  'f',
  'F',
  'f*',
  'B',
  'B*',
  'b',
  'b*',
  'n',
  'S',
  's',
  'g',
  'rg',
  'k',
  'cs',
  'sc',
  'scn',
  'Tr',
  'Tc',
  'Tw',
  'Tz',
  'Ts',
  'TL',
  'BT',
  'Tm',
  'TD',
  'Td',
  'T*',
  'Tj',
  'TJ',
  "'",
  '"',
  'Do',
  'BI',
  'ID',
  'd0',
  'd1',
]) {
  const codes = Array.from(operator, (character) => character.charCodeAt(0));
  operatorKeys.set(operatorKey(codes, 0, codes.length), operator);
}

/** Byte classes: 1 whitespace, 2 delimiter. */
const byteClass = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) byteClass[code] = 1;
for (const character of '()<>[]{}/%') byteClass[character.charCodeAt(0)] = 2;

interface GraphicsState {
  ctm: Matrix;
  fill: Colour;
  /** Fill colour space: gray, rgb, cmyk, pattern, or other (a named resource, read by component count). */
  space: 'gray' | 'rgb' | 'cmyk' | 'pattern' | 'other';
  clip: ScanArea | null;
}

/**
 * Scans the content of one page (its content streams joined) into `findings`. `bytesPerGlyph`: 2 when
 * every font of the document is a two-byte one.
 */
export function scanContentStream(
  data: Uint8Array,
  findings: StreamFindings,
  options: { bytesPerGlyph: number },
): StreamScan {
  const length = data.length;
  let state: GraphicsState = { ctm: identity, fill: [0, 0, 0], space: 'gray', clip: null };
  const stack: GraphicsState[] = [];
  let hasText = false;
  let textMatrix: Matrix = [...identity];
  let lineMoved = true;
  let leading = 0;
  let rise = 0;
  // The current path's bounds in user space (no path while pathLeft > pathRight).
  let pathLeft = Number.POSITIVE_INFINITY;
  let pathRight = Number.NEGATIVE_INFINITY;
  let pathBottom = Number.POSITIVE_INFINITY;
  let pathTop = Number.NEGATIVE_INFINITY;
  let pathHasCurve = false;
  let pathUnreadable = false;
  let pendingClip = false;
  // Operands since the last operator: numbers, strings (how many, the longest in bytes) and names.
  const numbers = new Float64Array(16);
  let numberCount = 0;
  let strings = 0;
  let longestString = 0;
  let names = 0;
  let firstNameStart = 0;
  let firstNameEnd = 0;
  // Inside `[ … ]` (a TJ array or a dash pattern): its strings and largest number.
  let arrayDepth = 0;
  let arrayStrings = 0;
  let arrayLongest = 0;
  let arrayMaxNumber = 0;
  const result = (reason: string | null): StreamScan => ({ reason, hasText });

  const number = (index: number) => (index < numberCount ? numbers[index]! : Number.NaN);
  const matrixOperands = (): Matrix | null => {
    if (numberCount < 6) return null;
    return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!, numbers[4]!, numbers[5]!];
  };
  const colourFrom = (count: number): Colour => {
    if (count === 1) return [numbers[0]! * 255, numbers[0]! * 255, numbers[0]! * 255];
    if (count === 3) return [numbers[0]! * 255, numbers[1]! * 255, numbers[2]! * 255];
    return 'unknown';
  };
  const lineStart = (): string | null => {
    const [A, B, C, D, E, F] = state.ctm;
    const [a, b, c, d, e, f] = textMatrix;
    // The text matrix times the CTM: only its orientation and its origin (plus the rise) are needed.
    if (
      Math.abs(a * B + b * D) > 1e-6 ||
      Math.abs(c * A + d * C) > 1e-6 ||
      a * A + b * C <= 0 ||
      c * B + d * D <= 0
    )
      return 'rotated or mirrored text';
    const x = e + c * rise;
    const y = f + d * rise;
    const px = A * x + C * y + E;
    const py = B * x + D * y + F;
    if (!Number.isFinite(px) || !Number.isFinite(py)) return 'unreadable content';
    const starts = findings.textStarts;
    if (starts === null) findings.textStarts = { left: px, right: px, bottom: py, top: py };
    else {
      if (px < starts.left) starts.left = px;
      if (px > starts.right) starts.right = px;
      if (py < starts.bottom) starts.bottom = py;
      if (py > starts.top) starts.top = py;
    }
    return null;
  };
  const show = (strings: number, longest: number, maxNumber: number): string | null => {
    hasText = true;
    // Where the first glyph is drawn is known only after a line move; a second show on the same line
    // starts where the first one's glyphs ended.
    if (!lineMoved) findings.multiGlyphShows = true;
    lineMoved = false;
    const orientation = lineStart();
    if (orientation !== null) return orientation;
    const fill = state.fill;
    if (fill === 'unknown') return 'text in a colour this scan does not convert';
    if (fill !== null) {
      if (isWhite(fill)) return 'white text';
      findings.textColours.push(fill);
    }
    if (state.clip !== null) findings.textClip = intersect(state.clip, findings.textClip);
    if (strings > 1 || longest > options.bytesPerGlyph) findings.multiGlyphShows = true;
    if (maxNumber > maxKerning) return 'large kerning';
    return null;
  };
  const endPath = (fills: boolean): string | null => {
    if (pathUnreadable) return 'unreadable content';
    const area =
      pathLeft > pathRight
        ? null
        : transformArea(state.ctm, { left: pathLeft, right: pathRight, bottom: pathBottom, top: pathTop });
    if (fills && area !== null) {
      const fill = state.fill;
      if (fill === 'unknown') return 'a box in a colour this scan does not convert';
      if (fill !== null) {
        const clipped = intersect(area, state.clip);
        findings.boxes.push({ area: clipped, colour: fill });
        if (hasText) findings.boxesAfterText.push(clipped);
      }
    }
    if (pendingClip && area !== null) {
      // pdfjs bounds curves tightly; the control points used here could make a clip look larger.
      if (pathHasCurve) return 'a curved clipping path';
      state.clip = intersect(area, state.clip);
    }
    pathLeft = Number.POSITIVE_INFINITY;
    pathRight = Number.NEGATIVE_INFINITY;
    pathBottom = Number.POSITIVE_INFINITY;
    pathTop = Number.NEGATIVE_INFINITY;
    pathHasCurve = false;
    pendingClip = false;
    return null;
  };
  const addPoint = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) pathUnreadable = true;
    if (x < pathLeft) pathLeft = x;
    if (x > pathRight) pathRight = x;
    if (y < pathBottom) pathBottom = y;
    if (y > pathTop) pathTop = y;
  };
  const moveLine = (x: number, y: number) => {
    // Only the origin moves: updated in place (per-glyph positioning makes this the hottest operator).
    const [a = 1, b = 0, c = 0, d = 1] = textMatrix;
    textMatrix[4] += x * a + y * c;
    textMatrix[5] += x * b + y * d;
    lineMoved = true;
  };
  const latin1Slice = (bytes: Uint8Array, from: number, to: number) => {
    let text = '';
    for (let position = from; position < Math.min(to, from + 32); position += 1)
      text += String.fromCharCode(bytes[position]!);
    return text;
  };

  let index = 0;
  while (index < length) {
    const code = data[index]!;
    const kind = byteClass[code];
    if (kind === 1) {
      index += 1;
      continue;
    }
    if (code === 37 /* % */) {
      while (index < length && data[index] !== 10 && data[index] !== 13) index += 1;
      continue;
    }
    if (code === 40 /* ( */) {
      let depth = 1;
      let bytes = 0;
      index += 1;
      while (index < length) {
        const next = data[index]!;
        if (next === 92 /* \ */) {
          index += 1;
          // \ddd is one byte of up to three octal digits.
          let digits = 0;
          while (digits < 3 && index < length && data[index]! >= 48 && data[index]! <= 55) {
            index += 1;
            digits += 1;
          }
          if (digits === 0) index += 1;
          bytes += 1;
          continue;
        }
        index += 1;
        if (next === 40) depth += 1;
        else if (next === 41) {
          depth -= 1;
          if (depth === 0) break;
        }
        bytes += 1;
      }
      if (arrayDepth > 0) {
        arrayStrings += 1;
        arrayLongest = Math.max(arrayLongest, bytes);
      } else {
        strings += 1;
        longestString = Math.max(longestString, bytes);
      }
      continue;
    }
    if (code === 60 /* < */) {
      if (data[index + 1] === 60) {
        // An inline dictionary (marked-content properties): skipped whole.
        let depth = 0;
        while (index < length) {
          if (data[index] === 60 && data[index + 1] === 60) {
            depth += 1;
            index += 2;
          } else if (data[index] === 62 && data[index + 1] === 62) {
            depth -= 1;
            index += 2;
            if (depth === 0) break;
          } else index += 1;
        }
        names += 1;
        continue;
      }
      let digits = 0;
      index += 1;
      while (index < length && data[index] !== 62) {
        if (byteClass[data[index]!] !== 1) digits += 1;
        index += 1;
      }
      index += 1;
      const bytes = Math.ceil(digits / 2);
      if (arrayDepth > 0) {
        arrayStrings += 1;
        arrayLongest = Math.max(arrayLongest, bytes);
      } else {
        strings += 1;
        longestString = Math.max(longestString, bytes);
      }
      continue;
    }
    if (code === 91 /* [ */) {
      if (arrayDepth === 0) {
        arrayStrings = 0;
        arrayLongest = 0;
        arrayMaxNumber = 0;
      }
      arrayDepth += 1;
      index += 1;
      continue;
    }
    if (code === 93 /* ] */) {
      arrayDepth = Math.max(0, arrayDepth - 1);
      index += 1;
      continue;
    }
    if (code === 123 || code === 125 || code === 62 || code === 41) {
      index += 1;
      continue;
    }
    const start = code === 47 /* / */ ? index + 1 : index;
    let end = start;
    while (end < length && byteClass[data[end]!] === 0) end += 1;
    if (end === index) end += 1;
    index = end;
    if (code === 47) {
      if (arrayDepth === 0) {
        if (names === 0) {
          firstNameStart = start;
          firstNameEnd = end;
        }
        names += 1;
      }
      continue;
    }
    // A number: digits, one dot, a leading sign.
    if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
      let value = 0;
      let scale = 0;
      let sign = 1;
      for (let position = start; position < end; position += 1) {
        const digit = data[position]!;
        if (digit === 45) sign = -1;
        else if (digit === 46) scale = 1;
        else if (digit >= 48 && digit <= 57) {
          value = value * 10 + (digit - 48);
          if (scale > 0) scale *= 10;
        }
      }
      const parsed = (sign * value) / (scale > 0 ? scale : 1);
      if (arrayDepth > 0) arrayMaxNumber = Math.max(arrayMaxNumber, Math.abs(parsed));
      else if (numberCount < numbers.length) numbers[numberCount++] = parsed;
      continue;
    }
    if (end - start > 3) return result('an operator this scan does not know');
    const operator = operatorKeys.get(operatorKey(data, start, end)) ?? '';
    let reason: string | null = null;
    switch (operator) {
      case 'q':
        stack.push({ ...state });
        break;
      case 'Q':
        state = stack.pop() ?? state;
        break;
      case 'cm': {
        const matrix = matrixOperands();
        if (matrix === null) return result('unreadable content');
        state.ctm = multiply(state.ctm, matrix);
        break;
      }
      case 'm':
      case 'l':
        addPoint(number(0), number(1));
        break;
      case 'c':
        addPoint(number(0), number(1));
        addPoint(number(2), number(3));
        addPoint(number(4), number(5));
        pathHasCurve = true;
        break;
      case 'v':
      case 'y':
        addPoint(number(0), number(1));
        addPoint(number(2), number(3));
        pathHasCurve = true;
        break;
      case 're': {
        const [x, y, width, height] = [number(0), number(1), number(2), number(3)];
        addPoint(x, y);
        addPoint(x + width, y + height);
        break;
      }
      case 'W':
      case 'W*':
        pendingClip = true;
        break;
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        reason = endPath(true);
        break;
      case 'n':
      case 'S':
      case 's':
        reason = endPath(false);
        break;
      case 'g':
        state.fill = colourFrom(Math.min(numberCount, 1));
        state.space = 'gray';
        break;
      case 'rg':
        state.fill = numberCount >= 3 ? colourFrom(3) : 'unknown';
        state.space = 'rgb';
        break;
      case 'k':
        state.fill = 'unknown';
        state.space = 'cmyk';
        break;
      case 'cs': {
        const firstName = names > 0 ? latin1Slice(data, firstNameStart, firstNameEnd) : '';
        state.space =
          firstName === 'DeviceGray' || firstName === 'G'
            ? 'gray'
            : firstName === 'DeviceRGB' || firstName === 'RGB'
              ? 'rgb'
              : firstName === 'DeviceCMYK' || firstName === 'CMYK'
                ? 'cmyk'
                : firstName === 'Pattern'
                  ? 'pattern'
                  : 'other';
        state.fill = state.space === 'pattern' ? null : state.space === 'cmyk' ? 'unknown' : [0, 0, 0];
        break;
      }
      case 'sc':
      case 'scn':
        if (names > 0 || state.space === 'pattern') state.fill = null;
        else if (state.space === 'cmyk') state.fill = 'unknown';
        else state.fill = colourFrom(numberCount);
        break;
      case 'Tr':
        if (number(0) === 3 || number(0) === 7) reason = 'invisible text render mode';
        break;
      case 'Tc':
        if (Math.abs(number(0)) > maxCharacterSpacing) reason = 'large character spacing';
        break;
      case 'Tw':
        if (Math.abs(number(0)) > maxWordSpacing) reason = 'large word spacing';
        break;
      case 'Tz':
        if (number(0) > maxHorizontalScaling) reason = 'large horizontal scaling';
        break;
      case 'Ts':
        rise = number(0);
        if (Math.abs(rise) > maxRise) reason = 'text rise';
        break;
      case 'TL':
        leading = number(0);
        break;
      case 'BT':
        textMatrix = [...identity];
        lineMoved = true;
        break;
      case 'Tm': {
        const matrix = matrixOperands();
        if (matrix === null) return result('unreadable content');
        textMatrix = matrix;
        lineMoved = true;
        break;
      }
      case 'TD':
        leading = -number(1);
        moveLine(number(0), number(1));
        break;
      case 'Td':
        moveLine(number(0), number(1));
        break;
      case 'T*':
        moveLine(0, -leading);
        break;
      case 'Tj':
        reason = show(strings, longestString, 0);
        break;
      case 'TJ':
        reason = show(arrayStrings, arrayLongest, arrayMaxNumber);
        break;
      case "'":
      case '"':
        if (operator === '"' && Math.abs(number(0)) > maxWordSpacing) reason = 'large word spacing';
        else if (operator === '"' && Math.abs(number(1)) > maxCharacterSpacing)
          reason = 'large character spacing';
        moveLine(0, -leading);
        reason ??= show(strings, longestString, 0);
        break;
      case 'Do':
        reason = 'forms or images';
        break;
      case 'BI':
      case 'ID':
        reason = 'inline images';
        break;
      case 'd0':
      case 'd1':
        reason = 'Type 3 glyphs';
        break;
      default:
        break;
    }
    numberCount = 0;
    strings = 0;
    longestString = 0;
    names = 0;
    if (reason !== null) return result(reason);
  }
  return result(null);
}
