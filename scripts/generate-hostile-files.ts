/**
 * Writes hostile documents that must stay bounded in time and memory when parsed: huge images in a small
 * PDF, DOCX files with 100k/400k paragraphs, a 150 MB file, a 5 MB single-line text, DOCX/ODT zip bombs, a
 * legitimate highly compressible ODT, a truncated PDF, an encrypted PDF, and PDFs whose one content stream holds
 * a string of megabytes. Nothing here is committed: the
 * files are rebuilt on demand (tests write them to a temporary folder).
 *
 *   npx tsx scripts/generate-hostile-files.ts [--out .hostile]        # .hostile/ is gitignored
 *   npx tsx scripts/measure-parse.ts .hostile/*                        # peak RSS and time of each file
 */
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** One generated file and what parsing it must give. */
export interface HostileFile {
  name: string;
  /** The `DocumentError` reason expected, or `ok` when a profile (possibly with warnings) is expected. */
  expect: 'ok' | 'too-large' | 'no-text' | 'encrypted' | 'corrupt' | 'timeout';
  /** A warning code the result must carry (with `expect: 'ok'`). */
  warning?: string;
}

const cvLines = [
  'Camille Durand',
  'Cariste confirmée',
  'camille.durand@example.org - 06 12 34 56 78 - Lyon',
  'Expérience',
  '2019 - 2024 Cariste, Entrepôt Logistique Rhône, Lyon',
  'Conduite de chariots élévateurs, préparation de commandes',
  'Formation',
  '2018 CACES R489 catégorie 3',
];

/**
 * A zlib stream of `total` zero bytes, built from one deflated 1 MiB block repeated (each block ends on a
 * full flush, so it refers to nothing before it): a 30000² RGB image costs no time and no memory here.
 */
function deflateZeros(total: number): Buffer {
  const blockSize = 1024 * 1024;
  const flushed = (size: number) =>
    deflateRawSync(Buffer.alloc(size), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(blockSize);
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  for (let count = Math.floor(total / blockSize); count > 0; count -= 1) parts.push(block);
  if (total % blockSize > 0) parts.push(flushed(total % blockSize));
  parts.push(deflateRawSync(Buffer.alloc(0))); // the final, empty block
  // Adler-32 of zeros: a stays 1, b adds 1 per byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0);
  parts.push(adler);
  return Buffer.concat(parts);
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}

/**
 * A one-page PDF with the CV text (WinAnsi Helvetica) and, when `side` is given, one `side`×`side` RGB
 * image, Flate-compressed.
 */
function handmadePdf(side: number | null): Buffer {
  const image = deflateZeros(side === null ? 3 : side * side * 3);
  const imageSide = side ?? 1;
  const content = [
    'BT /F1 11 Tf 50 780 Td 14 TL',
    ...cvLines.map((line) => `(${pdfString(line)}) '`),
    'ET',
    side === null ? '' : 'q 120 0 0 120 420 680 cm /Im1 Do Q',
  ].join('\n');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>',
    ),
    Buffer.from(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
      'latin1',
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${imageSide} /Height ${imageSide} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
      ),
      image,
      Buffer.from('\nendstream'),
    ]),
  ];
  return pdfFromObjects(objects);
}

/** A PDF file of the given objects (numbered from 1, the first is the catalog), with its xref table. */
function pdfFromObjects(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  for (const [index, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    `trailer << /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/**
 * A one-page PDF whose content stream holds the CV's name then one string of `megabytes` million characters:
 * pdfjs reads a string token in one step, so the extractor's own time checks (between pages, between pdfjs's
 * time slices) are not reached for many seconds, and reading it all takes minutes. Flate-encoded (~100 KB on
 * disk for 100 MB), the stream is measured and refused before pdfjs reads it; ASCIIHex-encoded (2 bytes on disk
 * per character), it is not measured, and only terminating the worker it is read in keeps `limits.timeoutMs`.
 */
export function hugeContentStreamPdf(megabytes: number, encoding: 'flate' | 'hex' = 'flate'): Buffer {
  const raw = Buffer.concat([
    Buffer.from(`BT /F1 11 Tf 50 780 Td (${pdfString(cvLines[0] ?? '')}) Tj ET\nBT 50 760 Td (`),
    Buffer.alloc(Math.round(megabytes * 1_000_000), 'A'),
    Buffer.from(') Tj ET\n'),
  ]);
  const content =
    encoding === 'flate' ? deflateSync(raw, { level: 9 }) : Buffer.from(`${raw.toString('hex')}>`);
  const filter = encoding === 'flate' ? '/FlateDecode' : '/ASCIIHexDecode';
  return pdfFromObjects([
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter ${filter} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  ]);
}

/** A CV PDF rendered with pdfkit (optionally password-protected). */
function pdfkitCv(userPassword?: string): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 50,
    ...(userPassword === undefined ? {} : { userPassword, pdfVersion: '1.7' as const }),
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.fontSize(11);
  for (const line of cvLines) document.text(line);
  for (let page = 0; page < 3; page += 1) {
    document.addPage();
    for (let line = 0; line < 40; line += 1) {
      document.text(
        `Mission ${page * 40 + line}: préparation de commandes, chargement et déchargement de camions.`,
      );
    }
  }
  document.end();
  return done;
}

/** A zip of the given entries, deflated with Node's zlib (`store` entries are kept as they are). */
function makeZip(entries: { name: string; data: Uint8Array | string; store?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data);
    const packed = entry.store ? data : deflateRawSync(data, { level: 9 });
    const name = Buffer.from(entry.name);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const wordNamespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function wordParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A DOCX whose body is the CV then `count` short paragraphs. */
function docxWithParagraphs(count: number): Uint8Array {
  const paragraphs: string[] = cvLines.map(wordParagraph);
  for (let index = 0; index < count; index += 1) paragraphs.push(wordParagraph(`Tâche ${index % 100}`));
  return docxPackage(`<w:document ${wordNamespace}><w:body>${paragraphs.join('')}</w:body></w:document>`);
}

function docxPackage(documentXml: string | Uint8Array): Uint8Array {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    { name: 'word/document.xml', data: documentXml },
  ]);
}

const odtNamespaces =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"';

function odtPackage(contentXml: string | Uint8Array): Uint8Array {
  return makeZip([
    // The mimetype entry comes first and is stored, as ODF requires.
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
    {
      name: 'META-INF/manifest.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    { name: 'content.xml', data: contentXml },
  ]);
}

/** An ODT whose content.xml is the CV then repeated paragraphs, inflating to about `bytes`. */
function odtOfSize(bytes: number): Uint8Array {
  const head = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNamespaces}><office:body><office:text>${cvLines.map((line) => `<text:p>${line}</text:p>`).join('')}`;
  const tail = '</office:text></office:body></office:document-content>';
  const filler = '<text:p>Préparation de commandes.</text:p>';
  const count = Math.max(0, Math.floor((bytes - head.length - tail.length) / Buffer.byteLength(filler)));
  return odtPackage(`${head}${filler.repeat(count)}${tail}`);
}

/** A zip part of `size` bytes of spaces inside an XML element: legal XML, maximal compression. */
function paddedXml(open: string, close: string, size: number): Uint8Array {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write(open, 0);
  bytes.write(close, size - close.length);
  return bytes;
}

/** Writes every hostile file into `dir` and lists them with the outcome expected. */
export async function generateHostileFiles(dir: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const write = async (file: HostileFile, bytes: Uint8Array | string) => {
    await writeFile(path.join(dir, file.name), bytes);
    files.push(file);
  };
  await write({ name: 'image-20000.pdf', expect: 'ok' }, handmadePdf(20_000));
  await write({ name: 'image-30000.pdf', expect: 'ok' }, handmadePdf(30_000));
  await write(
    { name: 'paragraphs-100k.docx', expect: 'ok', warning: 'truncated' },
    docxWithParagraphs(100_000),
  );
  await write(
    { name: 'paragraphs-400k.docx', expect: 'ok', warning: 'truncated' },
    docxWithParagraphs(400_000),
  );
  // 150 MB: a PDF header then a hole (a sparse file: nothing is written to disk).
  const big = await open(path.join(dir, 'file-150mb.pdf'), 'w');
  await big.write(Buffer.from('%PDF-1.4\n'));
  await big.truncate(150 * 1024 * 1024);
  await big.close();
  files.push({ name: 'file-150mb.pdf', expect: 'too-large' });
  const sentence = 'cariste magasinier préparateur de commandes ';
  await write(
    { name: 'single-line-5mb.txt', expect: 'no-text' },
    sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length)),
  );
  await write(
    { name: 'bomb.docx', expect: 'too-large' },
    docxPackage(
      paddedXml(`<w:document ${wordNamespace}><w:body>`, '</w:body></w:document>', 200 * 1024 * 1024),
    ),
  );
  await write(
    { name: 'bomb.odt', expect: 'too-large' },
    odtPackage(
      paddedXml(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNamespaces}><office:body><office:text>`,
        '</office:text></office:body></office:document-content>',
        200 * 1024 * 1024,
      ),
    ),
  );
  await write({ name: 'compressible-1mb.odt', expect: 'ok' }, odtOfSize(1.15 * 1024 * 1024));
  await write(
    { name: 'compressible-40mb.odt', expect: 'ok', warning: 'truncated' },
    odtOfSize(40 * 1024 * 1024),
  );
  // Cut before `startxref`: the objects and trailer are there, the end of the file is missing.
  const whole = handmadePdf(null);
  await write(
    { name: 'truncated.pdf', expect: 'ok', warning: 'truncated' },
    whole.subarray(0, whole.indexOf('startxref')),
  );
  await write({ name: 'cv.pdf', expect: 'ok' }, await pdfkitCv());
  await write({ name: 'encrypted.pdf', expect: 'encrypted' }, await pdfkitCv('secret'));
  await write({ name: 'content-stream-100mb.pdf', expect: 'too-large' }, hugeContentStreamPdf(100));
  // Refused before pdfjs: one string past the longest a content stream may hold.
  await write({ name: 'content-string-1mb.pdf', expect: 'too-large' }, hugeContentStreamPdf(1));
  // Not measured (ASCIIHex): pdfjs reads it until the worker is killed at the deadline or past its memory.
  await write({ name: 'content-string-hex-4mb.pdf', expect: 'timeout' }, hugeContentStreamPdf(4, 'hex'));
  return files;
}

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const dir = path.resolve(outIndex >= 0 ? (process.argv[outIndex + 1] ?? '.hostile') : '.hostile');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const files = await generateHostileFiles(dir);
  for (const file of files)
    console.log(`${path.join(dir, file.name)}\t${file.expect}${file.warning ? ` (${file.warning})` : ''}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
