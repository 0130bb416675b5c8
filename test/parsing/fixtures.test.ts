import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateParse, type ParseEvalReport } from '../../scripts/parse-eval/fixtures-eval.js';
import { type CandidateProfile, candidateProfileSchema } from '../../src/domain/index.js';
import { parseCvs } from '../../src/parsing/index.js';

const DIRECTORY = 'fixtures/cvs';
const NOW = '2026-11-01';

interface ExpectedFile {
  file: string;
  hiddenText: string | null;
  sensitive: { birthDate: string | null; nationality: string | null } | null;
}

describe('fixture CVs', () => {
  let expected: ExpectedFile[];
  let profiles: Map<string, CandidateProfile>;

  beforeAll(async () => {
    const names = (await readdir(DIRECTORY)).filter((name) => name.endsWith('.expected.json')).sort();
    expected = await Promise.all(
      names.map(
        async (name) => JSON.parse(await readFile(path.join(DIRECTORY, name), 'utf8')) as ExpectedFile,
      ),
    );
    const results = await parseCvs(
      expected.map((item) => path.join(DIRECTORY, item.file)),
      { now: NOW, concurrency: 4 },
    );
    profiles = new Map();
    for (const result of results) {
      if ('error' in result)
        throw new Error(`${result.file}: ${result.error.reason}: ${result.error.message}`);
      profiles.set(path.basename(result.file), result.profile);
    }
  }, 300_000);

  it('has at least 24 documents in PDF, DOCX and TXT, some in English', () => {
    expect(expected.length).toBeGreaterThanOrEqual(24);
    const extensions = new Set(expected.map((item) => path.extname(item.file)));
    expect([...extensions].sort()).toEqual(['.docx', '.pdf', '.txt']);
  });

  it('parses every fixture into a profile that validates against the schema', () => {
    for (const item of expected) {
      const profile = profiles.get(item.file)!;
      const parsed = candidateProfileSchema.safeParse(profile);
      expect(parsed.success, `${item.file}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('keeps hidden text out of the profile and reports it', () => {
    const hidden = expected.filter((item) => item.hiddenText !== null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const item of hidden) {
      const profile = profiles.get(item.file)!;
      expect(profile.text, item.file).not.toContain('Ignore previous instructions');
      expect(
        profile.warnings.some((warning) => warning.code === 'hidden-text'),
        item.file,
      ).toBe(true);
    }
  });

  it('never lets sensitive data leak into matching fields', () => {
    for (const item of expected.filter((entry) => entry.sensitive !== null)) {
      const profile = profiles.get(item.file)!;
      const matching = JSON.stringify([
        profile.headline,
        profile.skills,
        profile.experiences,
        profile.education,
        profile.languages,
        profile.certifications,
      ]).toLowerCase();
      for (const value of [item.sensitive!.nationality, item.sensitive!.birthDate?.slice(0, 4)]) {
        if (value) expect(matching, `${item.file}: ${value}`).not.toContain(value.toLowerCase());
      }
      expect(profile.sensitive, item.file).not.toBeNull();
    }
  });

  it('gives every source span the text it points to', () => {
    for (const profile of profiles.values()) {
      const spans = [
        ...Object.values(profile.sources),
        ...[
          ...profile.experiences,
          ...profile.education,
          ...profile.skills,
          ...profile.certifications,
          ...profile.languages,
        ].map((item) => item.source!),
      ];
      for (const span of spans) expect(profile.text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});

describe('eval:parse', () => {
  let report: ParseEvalReport;
  beforeAll(async () => {
    report = await evaluateParse(DIRECTORY);
  }, 300_000);

  // Floors a little below the measured scores (micro-F1 0.998 on 32 documents, 2026-11-29), so regressions fail.
  it('reaches the accuracy floor on the fixtures', () => {
    expect(report.failed).toEqual([]);
    expect(report.micro.f1).toBeGreaterThanOrEqual(0.98);
    for (const field of report.fields) expect(field.f1, field.field).toBeGreaterThanOrEqual(0.9);
  });
});
