import type { PDFOperatorList } from 'pdfjs-dist/types/src/display/api.js';
import { loadPdfJs } from './load-pdfjs.js';

type Matrix = [number, number, number, number, number, number];
/** RGB 0–255, or `null` when the paint is not a plain colour (pattern, image, shading). */
type Colour = [number, number, number] | null;

/** An axis-aligned area of the page, in page space. */
interface Area {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** A painted area of the page (clipped to where painting was allowed), with the colour it was painted in. */
interface PaintedBox extends Area {
  colour: Colour;
  order: number;
}

/** One character drawn by a text operator, with the state it was drawn in. */
interface DrawnCharacter {
  character: string;
  colour: Colour;
  /** Where painting was allowed when it was drawn (null: the whole page). */
  clip: Area | null;
  /** Fill opacity (`ca`), 0–1. */
  opacity: number;
  renderMode: number;
  order: number;
  /** Set once a text-content character was matched to this one. */
  matched: boolean;
}

/** Position of a text-content item on the page, to find what is painted under it. */
export interface ItemBox {
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** What the drawing operators of a page tell about its text: photos, and text drawn invisibly. */
export interface PageGraphics {
  hasImages: boolean;
  /**
   * For each character of the next text-content item (call in item order), whether it is invisible:
   * same colour as what is painted under it (white on the white page; white on a coloured sidebar shape
   * is visible), covered by a box painted after it (its full height: an underline or strike-through does
   * not count), outside the clipping path it was drawn in, transparent, or drawn in invisible render mode
   * on a page without images (on a scanned page that is the OCR layer: kept). Painted areas are clipped
   * by the clipping paths (as bounding boxes) in force when they were painted.
   */
  hiddenCharacters(text: string, box: ItemBox): boolean[];
  /**
   * Text drawn on the page that never showed up in its text content (call after the last item):
   * pdfjs leaves out text drawn outside the page box, which is how some CVs hide it.
   */
  unmatchedText(): string[];
}

type Operators = typeof import('pdfjs-dist/legacy/build/pdf.mjs').OPS;
let operatorCodes: Promise<Operators> | undefined;

/** Largest per-channel difference (0–255) at which text is taken as the colour of its background. */
const sameColourTolerance = 30;
/** How far ahead (characters) to look when matching text content to drawn characters. */
const alignmentWindow = 2000;

function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [g, h, i, j, k, l] = second;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

function asMatrix(value: unknown): Matrix | null {
  if (value === null || typeof value !== 'object' || !('length' in value)) return null;
  const array = Array.from(value as ArrayLike<number>);
  return array.length >= 6 && array.slice(0, 6).every(Number.isFinite) ? (array.slice(0, 6) as Matrix) : null;
}

function transformBox(matrix: Matrix, x0: number, y0: number, x1: number, y1: number): Area {
  const [a, b, c, d, e, f] = matrix;
  const xs = [a * x0 + c * y0 + e, a * x1 + c * y0 + e, a * x0 + c * y1 + e, a * x1 + c * y1 + e];
  const ys = [b * x0 + d * y0 + f, b * x1 + d * y0 + f, b * x0 + d * y1 + f, b * x1 + d * y1 + f];
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

/** The overlap of an area with a clip (null clip: no clipping), or null when they do not overlap. */
function intersect(area: Area, clip: Area | null): Area | null {
  if (clip === null) return area;
  const result = {
    left: Math.max(area.left, clip.left),
    bottom: Math.max(area.bottom, clip.bottom),
    right: Math.min(area.right, clip.right),
    top: Math.min(area.top, clip.top),
  };
  return result.left <= result.right && result.bottom <= result.top ? result : null;
}

const contains = (area: Area, x: number, y: number) =>
  x >= area.left && x <= area.right && y >= area.bottom && y <= area.top;

function parseColour(value: unknown): Colour {
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) {
    const number = Number.parseInt(value.slice(1), 16);
    return [(number >> 16) & 255, (number >> 8) & 255, number & 255];
  }
  return null;
}

function gray(value: unknown): Colour {
  return typeof value === 'number' ? [value * 255, value * 255, value * 255] : null;
}

function cmyk(values: unknown[]): Colour {
  const [c, m, y, k] = values;
  if ([c, m, y, k].some((channel) => typeof channel !== 'number')) return null;
  const black = 1 - (k as number);
  return [
    255 * (1 - (c as number)) * black,
    255 * (1 - (m as number)) * black,
    255 * (1 - (y as number)) * black,
  ];
}

function sameColour(first: Colour, second: Colour): boolean {
  if (first === null || second === null) return false;
  return first.every((channel, index) => Math.abs(channel - (second[index] ?? 0)) <= sameColourTolerance);
}

interface GraphicsState {
  matrix: Matrix;
  fill: Colour;
  opacity: number;
  renderMode: number;
  /** Bounding box of the clipping path, page space; null when nothing is clipped. */
  clip: Area | null;
}

/** Reads a page's operator list: images, painted boxes, and the state each character was drawn in. */
export async function analysePageGraphics(
  operators: PDFOperatorList,
  options: { assumeImages?: boolean } = {},
): Promise<PageGraphics> {
  operatorCodes ??= loadPdfJs().then((module) => module.OPS);
  const OPS = await operatorCodes;
  const fillOperators = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const imageOperators = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  const textOperators = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
  ]);
  const boxes: PaintedBox[] = [];
  const characters: DrawnCharacter[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = {
    matrix: [1, 0, 0, 1, 0, 0],
    fill: [0, 0, 0],
    opacity: 1,
    renderMode: 0,
    clip: null,
  };
  let hasImages = options.assumeImages === true;
  // Set by a clip operator: the next path becomes (is intersected into) the clipping path.
  let pendingClip = false;
  const paint = (area: Area, colour: Colour, order: number) => {
    const visible = intersect(area, state.clip);
    if (visible !== null) boxes.push({ ...visible, colour, order });
  };

  for (const [order, code] of operators.fnArray.entries()) {
    const args = (operators.argsArray[order] ?? []) as unknown[];
    switch (code) {
      case OPS.save:
        stack.push({ ...state });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform: {
        const matrix = asMatrix(args);
        if (matrix !== null) state.matrix = multiply(state.matrix, matrix);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...state });
        const matrix = asMatrix(args[0]);
        if (matrix !== null) state.matrix = multiply(state.matrix, matrix);
        // A form paints only inside its bounding box.
        const bbox = args[1] as ArrayLike<number> | null | undefined;
        if (bbox && bbox.length >= 4 && Array.from(bbox).every(Number.isFinite)) {
          const area = transformBox(state.matrix, bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!);
          state.clip = intersect(area, state.clip) ?? { left: 0, bottom: 0, right: -1, top: -1 };
        }
        break;
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setFillRGBColor:
        state.fill =
          parseColour(args[0]) ?? (args.length >= 3 ? (args.slice(0, 3) as [number, number, number]) : null);
        break;
      case OPS.setFillGray:
        state.fill = gray(args[0]);
        break;
      case OPS.setFillCMYKColor:
        state.fill = cmyk(args);
        break;
      case OPS.setFillColor:
      case OPS.setFillColorN:
      case OPS.setFillColorSpace:
        state.fill = null;
        break;
      case OPS.setGState:
        for (const entry of (args[0] ?? []) as unknown[]) {
          if (Array.isArray(entry) && entry[0] === 'ca' && typeof entry[1] === 'number')
            state.opacity = entry[1];
        }
        break;
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.setTextRenderingMode:
        if (typeof args[0] === 'number') state.renderMode = args[0];
        break;
      case OPS.constructPath: {
        const operator = args[0];
        const bounds = args[2] as ArrayLike<number> | null | undefined;
        const area =
          bounds && bounds.length >= 4 && Array.from(bounds).every(Number.isFinite)
            ? transformBox(state.matrix, bounds[0]!, bounds[1]!, bounds[2]!, bounds[3]!)
            : null;
        if (typeof operator === 'number' && fillOperators.has(operator) && area !== null)
          paint(area, state.opacity < 0.1 ? null : state.fill, order);
        // The path is painted with the old clip, then clips what follows ("re W n", "re W f").
        if (pendingClip) {
          pendingClip = false;
          if (area !== null)
            state.clip = intersect(area, state.clip) ?? { left: 0, bottom: 0, right: -1, top: -1 };
        }
        break;
      }
      case OPS.shadingFill:
        // A gradient: its colour under any point is unknown, so text over it is never called hidden.
        paint({ left: -1e9, bottom: -1e9, right: 1e9, top: 1e9 }, null, order);
        break;
      default:
        if (imageOperators.has(code)) {
          hasImages = true;
          paint(transformBox(state.matrix, 0, 0, 1, 1), null, order);
        } else if (textOperators.has(code)) {
          const glyphs = (args.find((arg) => Array.isArray(arg)) ?? []) as unknown[];
          for (const glyph of glyphs) {
            const unicode = (glyph as { unicode?: unknown } | null)?.unicode;
            if (typeof unicode !== 'string') continue;
            for (const character of unicode) {
              characters.push({
                character,
                colour: state.fill,
                clip: state.clip,
                opacity: state.opacity,
                renderMode: state.renderMode,
                order,
                matched: false,
              });
            }
          }
        }
    }
  }

  const backgroundAt = (x: number, y: number, before: number): Colour => {
    for (let index = boxes.length - 1; index >= 0; index -= 1) {
      const box = boxes[index];
      if (box === undefined || box.order > before) continue;
      if (contains(box, x, y)) return box.colour;
    }
    return [255, 255, 255];
  };

  /** Whether an opaque plain-colour box painted after the text covers its whole height at x. */
  const coveredAfter = (x: number, baseline: number, fontSize: number, after: number): boolean =>
    boxes.some(
      (box) =>
        box.order > after &&
        box.colour !== null &&
        x >= box.left &&
        x <= box.right &&
        box.bottom <= baseline &&
        box.top >= baseline + 0.7 * fontSize,
    );

  let cursor = 0;
  const hiddenCharacters = (text: string, box: ItemBox): boolean[] => {
    const flags: boolean[] = [];
    const length = Math.max(1, text.length);
    for (const [position, character] of Array.from(text).entries()) {
      if (character.trim().length === 0) {
        flags.push(false);
        continue;
      }
      let found: DrawnCharacter | undefined;
      const limit = Math.min(characters.length, cursor + alignmentWindow);
      for (let index = cursor; index < limit; index += 1) {
        if (characters[index]?.character === character) {
          found = characters[index];
          if (found !== undefined) found.matched = true;
          cursor = index + 1;
          break;
        }
      }
      if (found === undefined) {
        flags.push(false);
        continue;
      }
      const x = box.x + (box.width * (position + 0.5)) / length;
      const y = box.y + box.fontSize * 0.3;
      const invisibleMode = (found.renderMode === 3 || found.renderMode === 7) && !hasImages;
      const transparent = found.opacity < 0.1;
      // Positions inside an item are estimates: half a font size of slack before calling it clipped.
      const slack = box.fontSize / 2;
      const clippedOut =
        found.clip !== null &&
        !contains(
          {
            left: found.clip.left - slack,
            bottom: found.clip.bottom - slack,
            right: found.clip.right + slack,
            top: found.clip.top + slack,
          },
          x,
          y,
        );
      flags.push(
        invisibleMode ||
          transparent ||
          clippedOut ||
          sameColour(found.colour, backgroundAt(x, y, found.order)) ||
          coveredAfter(x, box.y, box.fontSize, found.order),
      );
    }
    return flags;
  };

  const unmatchedText = (): string[] => {
    const texts: string[] = [];
    let current = '';
    let lastOrder = -1;
    const flush = () => {
      // Ignore a stray glyph or two (symbols without a text mapping): report real words only.
      if ((current.match(/\p{L}/gu)?.length ?? 0) >= 3) texts.push(current.replace(/\s+/g, ' ').trim());
      current = '';
    };
    for (const drawn of characters) {
      const blank = drawn.character.trim().length === 0;
      if (drawn.matched || (blank && current.length === 0)) {
        if (!blank) flush();
        continue;
      }
      if (drawn.order !== lastOrder && current.length > 0 && !current.endsWith(' ')) current += ' ';
      current += drawn.character;
      lastOrder = drawn.order;
    }
    flush();
    return texts;
  };

  return { hasImages, hiddenCharacters, unmatchedText };
}
