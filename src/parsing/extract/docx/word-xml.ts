import type { DOMParser } from '@xmldom/xmldom';
import { lazyRequire } from '../../../support/lazy-require.js';

/** @xmldom/xmldom, loaded by the first DOCX read (not at start-up). */
const xmldom = lazyRequire<typeof import('@xmldom/xmldom')>('@xmldom/xmldom');

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const markupCompatibilityNamespace = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const drawingNamespace = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const vmlNamespace = 'urn:schemas-microsoft-com:vml';

type XmlDocument = ReturnType<DOMParser['parseFromString']>;
type XmlElement = Element;

/** Smallest visible run size, half-points (`w:sz` 4 = 2 pt). */
const minVisibleHalfPoints = 4;

/** Parses a WordprocessingML part; throws on malformed XML (the caller maps it to `corrupt`). */
export function parseWordXml(xml: string): XmlDocument {
  const problems: string[] = [];
  const document = new (xmldom().DOMParser)({
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => {
        problems.push(message);
      },
      fatalError: (message: string) => {
        problems.push(message);
      },
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length > 0 || document.documentElement === null) {
    throw new Error(`Malformed XML: ${problems[0] ?? 'no root element'}`);
  }
  return document;
}

export function serializeWordXml(document: XmlDocument): string {
  return new (xmldom().XMLSerializer)().serializeToString(document);
}

function children(element: XmlElement, localName?: string): XmlElement[] {
  const result: XmlElement[] = [];
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1 && (localName === undefined || (node as XmlElement).localName === localName)) {
      result.push(node as XmlElement);
    }
  }
  return result;
}

function wordChild(element: XmlElement, localName: string): XmlElement | undefined {
  return children(element).find(
    (child) => child.namespaceURI === wordNamespace && child.localName === localName,
  );
}

function wordAttribute(element: XmlElement | undefined, name: string): string | null {
  if (element === undefined) return null;
  return element.getAttributeNS(wordNamespace, name) || element.getAttribute(`w:${name}`) || null;
}

function isOn(element: XmlElement | undefined): boolean {
  if (element === undefined) return false;
  const value = wordAttribute(element, 'val');
  return value === null || !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** `FFFFFF` → [255, 255, 255]; `auto` and malformed values → null. */
function parseHexColour(value: string | null): [number, number, number] | null {
  if (value === null || !/^[0-9a-f]{6}$/i.test(value)) return null;
  const number = Number.parseInt(value, 16);
  return [(number >> 16) & 255, (number >> 8) & 255, number & 255];
}

function isNearWhite(colour: [number, number, number]): boolean {
  return colour.every((channel) => channel >= 240);
}

type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];
/** A fill that is painted but whose colour is not known here (gradient, picture, theme accent). */
const SOME_COLOUR: Rgb = [128, 128, 128];

/** The colour of a DrawingML colour element (`a:srgbClr`, `a:schemeClr`, `a:sysClr`, `a:prstClr`). */
function drawingColour(fill: XmlElement): Rgb {
  const colour = children(fill).find((child) => child.namespaceURI === drawingNamespace);
  if (colour === undefined) return SOME_COLOUR;
  const value = colour.getAttribute('val') ?? '';
  switch (colour.localName) {
    case 'srgbClr':
      return parseHexColour(value) ?? SOME_COLOUR;
    case 'sysClr':
      return parseHexColour(colour.getAttribute('lastClr')) ?? SOME_COLOUR;
    case 'schemeClr': // theme colours: "light 1"/"background 1" are white in every built-in theme
    case 'prstClr':
      return ['bg1', 'lt1', 'white'].includes(value) ? WHITE : SOME_COLOUR;
    default:
      return SOME_COLOUR;
  }
}

/** A VML colour: `#1f3a5f`, `#fff`, a name, or `black [3213]`. */
function vmlColour(value: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})\b/i.exec(value.trim())?.[1];
  if (hex !== undefined)
    return parseHexColour(hex.length === 3 ? hex.replace(/./g, '$&$&') : hex) ?? SOME_COLOUR;
  return /^white\b/i.test(value.trim()) ? WHITE : SOME_COLOUR;
}

/**
 * The fill of the shape a text box (`w:txbxContent`) is drawn in: a DrawingML shape (`wps:wsp`, fill in
 * `wps:spPr`, else its style's fill reference) or a VML shape (`fillcolor`, `filled`). Null when the
 * shape is not filled (the text sits on whatever is under the shape).
 */
function textBoxFill(content: XmlElement): Rgb | null {
  const holder = content.parentNode as XmlElement | null;
  const shape = holder?.parentNode as XmlElement | null;
  if (!holder || !shape || shape.nodeType !== 1) return null;
  if (holder.namespaceURI === vmlNamespace) {
    const filled = (shape.getAttribute('filled') ?? 't').toLowerCase();
    if (['f', 'false'].includes(filled)) return null;
    const colour = shape.getAttribute('fillcolor');
    return colour ? vmlColour(colour) : WHITE; // VML's default fill is white
  }
  const properties = children(shape).find((child) => child.localName === 'spPr');
  const fill = properties
    ? children(properties).find(
        (child) => child.namespaceURI === drawingNamespace && /Fill$/.test(child.localName),
      )
    : undefined;
  if (fill !== undefined) {
    if (fill.localName === 'noFill') return null;
    return fill.localName === 'solidFill' ? drawingColour(fill) : SOME_COLOUR;
  }
  // No fill of its own: the shape style's fill reference (idx 0 = no fill).
  const style = children(shape).find((child) => child.localName === 'style');
  const reference = style ? children(style).find((child) => child.localName === 'fillRef') : undefined;
  if (reference === undefined || reference.getAttribute('idx') === '0') return null;
  return drawingColour(reference);
}

/** The page colour (`w:background`), when the document sets one. */
function pageColour(run: XmlElement): Rgb | null {
  const root = run.ownerDocument?.documentElement;
  const background = root ? wordChild(root, 'background') : undefined;
  return parseHexColour(wordAttribute(background, 'color'));
}

/** Shading fill of a `w:shd` child of a properties element, when it is a real colour. */
function shadingFill(properties: XmlElement | undefined): [number, number, number] | null {
  const shading = properties === undefined ? undefined : wordChild(properties, 'shd');
  return parseHexColour(wordAttribute(shading, 'fill'));
}

/**
 * Whether a run sits on a coloured (non-white) background: the nearest painted layer under it decides —
 * its highlight or shading, then its paragraph's, its text box's shape fill (a designer sidebar), its
 * table cell's and table's shading, and last the page colour.
 */
function hasColouredBackground(run: XmlElement, runProperties: XmlElement | undefined): boolean {
  const highlight = runProperties === undefined ? undefined : wordChild(runProperties, 'highlight');
  const highlightValue = wordAttribute(highlight, 'val');
  if (highlightValue !== null && highlightValue !== 'none') return highlightValue !== 'white';
  const layers: (() => Rgb | null)[] = [() => shadingFill(runProperties)];
  for (let node = run.parentNode; node !== null && node.nodeType === 1; node = node.parentNode) {
    const element = node as XmlElement;
    if (element.namespaceURI !== wordNamespace) continue;
    if (element.localName === 'p') layers.push(() => shadingFill(wordChild(element, 'pPr')));
    if (element.localName === 'tc') layers.push(() => shadingFill(wordChild(element, 'tcPr')));
    if (element.localName === 'tbl') layers.push(() => shadingFill(wordChild(element, 'tblPr')));
    if (element.localName === 'txbxContent') layers.push(() => textBoxFill(element));
  }
  layers.push(() => pageColour(run));
  for (const layer of layers) {
    const fill = layer();
    if (fill !== null) return !isNearWhite(fill);
  }
  return false;
}

/** Why a run is invisible to a reader, or null when it is visible. */
function hiddenReason(run: XmlElement): string | null {
  const properties = wordChild(run, 'rPr');
  if (properties === undefined) return null;
  if (isOn(wordChild(properties, 'vanish')) || isOn(wordChild(properties, 'specVanish'))) return 'hidden';
  const size = Number.parseInt(wordAttribute(wordChild(properties, 'sz'), 'val') ?? '', 10);
  if (Number.isFinite(size) && size < minVisibleHalfPoints) return 'tiny';
  const colour = parseHexColour(wordAttribute(wordChild(properties, 'color'), 'val'));
  if (colour !== null && isNearWhite(colour) && !hasColouredBackground(run, properties)) return 'white';
  return null;
}

function runText(run: XmlElement): string {
  let text = '';
  for (const child of children(run)) {
    if (child.namespaceURI !== wordNamespace) continue;
    if (child.localName === 't') text += child.textContent ?? '';
    else if (child.localName === 'tab') text += '\t';
    else if (child.localName === 'br' || child.localName === 'cr') text += '\n';
  }
  return text;
}

/**
 * Removes the runs a reader cannot see (`w:vanish`, white text on no coloured background, size < 2pt)
 * from a WordprocessingML document, in place; returns their text.
 */
export function removeHiddenRuns(document: XmlDocument): string[] {
  const hidden: string[] = [];
  const runs = Array.from(document.getElementsByTagNameNS(wordNamespace, 'r'));
  for (const run of runs) {
    if (hiddenReason(run) === null) continue;
    const text = runText(run).trim();
    if (text.length > 0) hidden.push(text);
    run.parentNode?.removeChild(run);
  }
  return hidden;
}

/** Drops `mc:Fallback` branches so text boxes drawn twice (DrawingML + VML fallback) are read once. */
function removeFallbacks(document: XmlDocument): void {
  for (const fallback of Array.from(
    document.getElementsByTagNameNS(markupCompatibilityNamespace, 'Fallback'),
  )) {
    fallback.parentNode?.removeChild(fallback);
  }
}

/**
 * Paragraph texts of a header/footer part, in document order (text boxes included, read once).
 * Hidden runs must have been removed first.
 */
export function paragraphTexts(document: XmlDocument): string[] {
  removeFallbacks(document);
  const paragraphs = Array.from(document.getElementsByTagNameNS(wordNamespace, 'p'));
  const texts: string[] = [];
  for (const paragraph of paragraphs) {
    // Text of this paragraph only: runs whose nearest paragraph ancestor is this one (text boxes nest paragraphs).
    let text = '';
    for (const run of Array.from(paragraph.getElementsByTagNameNS(wordNamespace, 'r'))) {
      let owner = run.parentNode;
      while (owner !== null && !(owner.nodeType === 1 && (owner as XmlElement).localName === 'p'))
        owner = owner.parentNode;
      if (owner === paragraph) text += runText(run);
    }
    texts.push(...text.split('\n'));
  }
  return texts;
}
