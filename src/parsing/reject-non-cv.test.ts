import { describe, expect, it } from 'vitest';
import { DocumentError } from '../errors.js';
import { documentFromText } from './extract/text-document.js';
import { parseCvText } from './parse-cv.js';
import { isJsonText, rejectDataFile } from './reject-non-cv.js';

describe('isJsonText', () => {
  it('recognises a JSON document and JSON lines', () => {
    expect(isJsonText('{\n  "name": "cvmatch",\n  "version": "0.1.0"\n}')).toBe(true);
    expect(isJsonText('  [1, 2, 3]\n')).toBe(true);
    expect(isJsonText('{"id":"a"}\n{"id":"b"}\n')).toBe(true);
  });

  it('leaves CV text alone, braces included', () => {
    expect(isJsonText('{Karim Benali}\nCariste\nCACES R489 cat. 3}')).toBe(false);
    expect(isJsonText('Karim BENALI\nCariste — 69200 Vénissieux\n[CACES 3]')).toBe(false);
  });
});

describe('non-CV documents', () => {
  it('are DocumentError("unsupported") for JSON text', () => {
    const reject = () => rejectDataFile(documentFromText('{"name": "x"}'), 'package.json');
    expect(reject).toThrow(DocumentError);
    expect(reject).toThrow(expect.objectContaining({ reason: 'unsupported', file: 'package.json' }));
  });

  it('are unsupported when nothing a CV holds is found, and a short CV is still read', async () => {
    await expect(parseCvText('for (const x of y) {\n  z(x);\n}')).rejects.toMatchObject({
      reason: 'unsupported',
    });
    const { profile } = await parseCvText('Léa EXEMPLE\nCariste\nTél. : 06 99 00 00 02', {
      now: '2026-11-01',
    });
    expect(profile.phone).toBe('+33699000002');
  });
});
