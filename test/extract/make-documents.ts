/** Builders of synthetic test documents (PDF with pdfkit, DOCX with docx, zips with jszip). */

import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { Document, Footer, Header, type ISectionOptions, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { ExtractedDocument } from '../../src/parsing/extract/index.js';

/** Options of `makePdf`: `draw` paints on the pdfkit document (A4, 595×842, origin top-left). */
export interface PdfOptions {
  draw: (document: PDFKit.PDFDocument) => void;
  userPassword?: string;
  compress?: boolean;
}

/** Renders a PDF with pdfkit. */
export function makePdf(options: PdfOptions): Promise<Uint8Array> {
  const settings: PDFKit.PDFDocumentOptions = { size: 'A4', margin: 40, compress: options.compress ?? false };
  if (options.userPassword !== undefined) {
    settings.userPassword = options.userPassword;
    settings.pdfVersion = '1.7';
  }
  const document = new PDFDocument(settings);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
  options.draw(document);
  document.end();
  return done;
}

/** A DOCX built with the `docx` package. */
export async function makeDocx(options: {
  body: ISectionOptions['children'];
  header?: Paragraph[];
  footer?: Paragraph[];
}): Promise<Uint8Array> {
  const section: ISectionOptions = { children: options.body };
  const headers =
    options.header === undefined ? undefined : { default: new Header({ children: options.header }) };
  const footers =
    options.footer === undefined ? undefined : { default: new Footer({ children: options.footer }) };
  const document = new Document({
    sections: [
      {
        ...section,
        ...(headers === undefined ? {} : { headers }),
        ...(footers === undefined ? {} : { footers }),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export { Paragraph, TextRun };

/** A tiny valid PNG (solid grey, `size`×`size`), for photos and scanned pages. */
export function makePng(size = 4): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, index) => {
    let value = index;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    return value >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let value = 0xffffffff;
    for (const byte of bytes) value = (crcTable[(value ^ byte) & 255] ?? 0) ^ (value >>> 8);
    return (value ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = Buffer.concat(
    Array.from({ length: size }, () => Buffer.from([0, ...new Array<number>(size).fill(128)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Checks the invariant every consumer relies on: each line sits exactly at its `start` in `text`. */
export function lineOffsetsAreExact(document: ExtractedDocument): boolean {
  return document.lines.every(
    (line) => document.text.slice(line.start, line.start + line.text.length) === line.text,
  );
}

/** A TrueType font pdfkit embeds as a Type0/Identity-H font (shipped with pdfjs-dist). */
export const TRUETYPE_FONT = createRequire(import.meta.url).resolve(
  'pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf',
);

/**
 * The PDF with its fonts' ToUnicode maps disconnected (the key renamed, same length so offsets hold):
 * text drawn in an embedded Identity-H font then has no Unicode, as in some real exports.
 */
export function withoutToUnicode(pdf: Uint8Array): Uint8Array {
  return new Uint8Array(
    Buffer.from(Buffer.from(pdf).toString('latin1').replaceAll('/ToUnicode', '/ToUnicodX'), 'latin1'),
  );
}

const WORD_NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'mc:Ignorable="wps"',
].join(' ');

/**
 * A DOCX written from raw WordprocessingML (for markup the `docx` package does not produce: filled text
 * boxes, page colours). `body` goes inside `w:body`; `before` before it (e.g. `<w:background …/>`).
 */
export async function makeRawDocx(body: string, before = ''): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${WORD_NAMESPACES}>${before}<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A paragraph of one run, white when `white` is true. */
export function wordParagraph(text: string, white = false): string {
  const properties = white ? '<w:rPr><w:color w:val="FFFFFF"/></w:rPr>' : '';
  return `<w:p><w:r>${properties}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/**
 * A floating text box as Word writes it: a DrawingML shape (`fill`: DrawingML fill XML) with a VML
 * fallback (`vmlFill`: attributes of `v:rect`), both holding `content` (paragraph XML).
 */
export function wordTextBox(content: string, fill: string, vmlFill: string): string {
  return `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2286000" cy="10058400"/><wp:wrapNone/><wp:docPr id="1" name="Sidebar"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${fill}</wps:spPr><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect style="position:absolute;width:180pt;height:792pt" ${vmlFill}><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
}
