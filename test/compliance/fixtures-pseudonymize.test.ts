import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameParts, pseudonymizeText } from '../../src/compliance/redact-text.js';
import { extractDocument } from '../../src/parsing/extract/index.js';
import { foldAccents } from '../../src/text/normalize.js';

const directory = join(import.meta.dirname, '../../fixtures/cvs');
const files = readdirSync(directory).filter((file) => /\.(txt|pdf|docx)$/.test(file));

async function readText(file: string): Promise<string> {
  const document = await extractDocument(new Uint8Array(readFileSync(join(directory, file))), { file });
  return document.text;
}

const fold = (text: string) => foldAccents(text).toLowerCase();
const wordPattern = (value: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${fold(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'u',
  );

describe('pseudonymizeText on the synthetic CV fixtures (TXT, PDF, DOCX)', () => {
  it('has text fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(`${file}: no name part, email, phone, postal code or home town left`, async () => {
      const expected = JSON.parse(
        readFileSync(join(directory, file.replace(/\.(txt|pdf|docx)$/, '.expected.json')), 'utf8'),
      );
      const text = await readText(file);
      const { text: redacted } = pseudonymizeText(text, {
        names: [expected.name],
        emails: [expected.email],
        phones: [expected.phone],
        places: [expected.location?.city],
      });
      const folded = fold(redacted);
      const leaks = [
        ...nameParts(expected.name ?? ''),
        expected.email,
        expected.location?.city,
        expected.location?.postalCode,
      ].filter((value): value is string => typeof value === 'string' && value.length > 0);
      for (const value of leaks) expect(wordPattern(value).test(folded), value).toBe(false);
      if (expected.phone) {
        const national = expected.phone.replace(/^\+33/, '');
        expect(redacted.replace(/\D/g, ''), expected.phone).not.toContain(national);
      }
      // Job content survives: the first experience title or the headline is still there.
      const kept = expected.experiences?.[0]?.title ?? expected.headline;
      if (kept) expect(folded).toContain(fold(kept.split(' ')[0]!));
    });
  }
});
