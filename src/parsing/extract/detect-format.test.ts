import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('reads the magic bytes, not a name', () => {
    expect(detectFormat(ascii('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectFormat(ascii('\r\n{\\rtf1\\ansi hello}'))).toBe('rtf');
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('doc');
    expect(detectFormat(ascii('Jean Dupont\nCariste'))).toBe('txt');
    expect(detectFormat(new Uint8Array([0xff, 0xfe, 0x4a, 0]))).toBe('txt');
    expect(detectFormat(new Uint8Array([0x4a, 0x65, 0xe9, 0x0a]))).toBe('txt'); // Windows-1252 "Jeé"
    expect(detectFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toBeNull(); // ELF
    expect(detectFormat(new Uint8Array(0))).toBeNull();
  });

  it('tells DOCX from ODT from another zip', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    odt.file('content.xml', '<office:document-content/>');
    const other = new JSZip();
    other.file('photo.jpg', 'not really');
    expect(detectFormat(await docx.generateAsync({ type: 'uint8array' }))).toBe('docx');
    expect(detectFormat(await odt.generateAsync({ type: 'uint8array' }))).toBe('odt');
    expect(detectFormat(await other.generateAsync({ type: 'uint8array' }))).toBeNull();
  });
});
