/** Builders of synthetic test documents (PDF with pdfkit, DOCX with docx, zips with jszip). */
import { Document, Footer, Header, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

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
  body: Paragraph[];
  header?: Paragraph[];
  footer?: Paragraph[];
}): Promise<Uint8Array> {
  const section: ConstructorParameters<typeof Document>[0]['sections'][number] = { children: options.body };
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
