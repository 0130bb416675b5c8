import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const markupCompatibilityNamespace = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

type XmlDocument = ReturnType<DOMParser['parseFromString']>;
type XmlElement = Element;

/** Smallest visible run size, half-points (`w:sz` 4 = 2 pt). */
const minVisibleHalfPoints = 4;

/** Parses a WordprocessingML part; throws on malformed XML (the caller maps it to `corrupt`). */
export function parseWordXml(xml: string): XmlDocument {
  const problems: string[] = [];
  const document = new DOMParser({
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
  return new XMLSerializer().serializeToString(document);
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

/** Shading fill of a `w:shd` child of a properties element, when it is a real colour. */
function shadingFill(properties: XmlElement | undefined): [number, number, number] | null {
  const shading = properties === undefined ? undefined : wordChild(properties, 'shd');
  return parseHexColour(wordAttribute(shading, 'fill'));
}

/** Whether a run sits on a coloured (non-white) background: run, paragraph or table-cell shading or highlight. */
function hasColouredBackground(run: XmlElement, runProperties: XmlElement | undefined): boolean {
  const fills: ([number, number, number] | null)[] = [shadingFill(runProperties)];
  const highlight = runProperties === undefined ? undefined : wordChild(runProperties, 'highlight');
  const highlightValue = wordAttribute(highlight, 'val');
  if (highlightValue !== null && highlightValue !== 'none' && highlightValue !== 'white') return true;
  for (let node = run.parentNode; node !== null && node.nodeType === 1; node = node.parentNode) {
    const element = node as XmlElement;
    if (element.namespaceURI !== wordNamespace) continue;
    if (element.localName === 'p') fills.push(shadingFill(wordChild(element, 'pPr')));
    if (element.localName === 'tc') fills.push(shadingFill(wordChild(element, 'tcPr')));
    if (element.localName === 'tbl') fills.push(shadingFill(wordChild(element, 'tblPr')));
  }
  return fills.some((fill) => fill !== null && !isNearWhite(fill));
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
