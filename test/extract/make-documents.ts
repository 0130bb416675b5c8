/** Builders of synthetic test documents (PDF with pdfkit, DOCX with docx, zips with jszip). */

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
