import { describe, expect, it } from 'vitest';
import { candidateProfileSchema } from '../domain/index.js';
import { DocumentError, ValidationError } from '../errors.js';
import type { ChatModel } from '../providers/spec.js';
import { parseCvs, parseCvText } from './parse-cv.js';
import type { LlmCv } from './profile/llm-refine.js';

const CV = [
  'Marie EXEMPLE',
  'Cariste',
  '12 rue des Lilas, 69003 Lyon',
  'Tél. : 06 99 00 00 01',
  'marie.exemple@example.fr',
  'Née le 01/02/1990 – mariée',
  'EXPÉRIENCES PROFESSIONNELLES',
  'Cariste – Entrepôt Test, Corbas',
  "janv. 2021 – aujourd'hui",
  '03/2019 - 06/2020 : Préparatrice de commandes chez LogiTest (Saint-Priest)',
  'COMPÉTENCES',
  'Gestion de stock, Inventaires',
  'PERMIS & HABILITATIONS',
  'Permis B',
  'CACES R489 cat. 3 et 5',
  'LANGUES',
  'Anglais : courant',
  'Disponible immédiatement',
].join('\n');

describe('parseCvText', () => {
  it('extracts every field with sources that point into profile.text', async () => {
    const { profile, warnings } = await parseCvText(CV, { now: '2026-11-01' });
    expect(candidateProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile).toMatchObject({
      name: 'Marie Exemple',
      phone: '+33699000001',
      email: 'marie.exemple@example.fr',
      location: { city: 'Lyon', postalCode: '69003' },
      drivingLicences: ['B'],
      availability: { immediate: true, from: null },
      totalExperienceMonths: 16 + 71,
    });
    expect(profile.certifications.map((item) => item.code).sort()).toEqual(['CACES_R489_3', 'CACES_R489_5']);
    expect(profile.experiences[0]?.occupation?.romeCode).toBe('N1101');
    for (const [field, source] of Object.entries(profile.sources)) {
      expect(profile.text.slice(source!.start, source!.end), field).toBe(source!.text);
    }
    for (const item of [
      ...profile.experiences,
      ...profile.skills,
      ...profile.certifications,
      ...profile.languages,
    ]) {
      expect(profile.text.slice(item.source!.start, item.source!.end)).toBe(item.source!.text);
    }
    expect(warnings).toEqual(profile.warnings);
  });

  it('keeps sensitive data apart from the matching fields', async () => {
    const { profile } = await parseCvText(CV, { now: '2026-11-01' });
    expect(profile.sensitive).toMatchObject({ birthDate: '1990-02-01', maritalStatus: 'mariée' });
    const matchingText = JSON.stringify([
      profile.skills,
      profile.headline,
      profile.experiences,
      profile.languages,
    ]);
    expect(matchingText).not.toMatch(/1990|mariée/);
  });

  it('reads the job title at the top of an anonymised English resume as the headline, not as a name', async () => {
    const text = [
      'GRAPHIC DESIGNER',
      'Professional Summary',
      'Designer with five years of print and web work.',
      'Experience',
      'Graphic Designer 04/2015 to Current',
      'Skills',
      'Adobe Photoshop, Illustrator',
    ].join('\n');
    const { profile } = await parseCvText(text, { now: '2026-11-01' });
    expect(profile.name).toBeNull();
    expect(profile.headline).toBe('GRAPHIC DESIGNER');
  });

  it('finds the name under a first line read as a heading, and none in an anonymised resume that starts so', async () => {
    const named = ['Special Education', 'Jorge Invented', '3391 Call Road • Perry, Ohio 44081', 'EXPERIENCE'];
    expect((await parseCvText(named.join('\n'), { now: '2026-11-01' })).profile.name).toBe('Jorge Invented');
    const anonymised = ['Special Education', '****', '3391 Call Road • Perry, Ohio 44081', 'x@example.org'];
    expect((await parseCvText(anonymised.join('\n'), { now: '2026-11-01' })).profile.name).toBeNull();
    const untitled = [
      'PROFESSIONAL SUMMARY',
      'Teacher with ten years in special education.',
      'x@example.org',
    ];
    expect((await parseCvText(untitled.join('\n'), { now: '2026-11-01' })).profile.name).toBeNull();
  });

  it("reads the jobs after an entry's own sub-heading ('Achievements:') as experiences", async () => {
    const text = [
      'Jane Invented',
      'jane@example.com',
      'PROFESSIONAL EXPERIENCE',
      'Senior Accountant - Northwind Traders Ltd',
      'January 2015 to Present',
      'Achievements:',
      '• Closed the books in five days instead of ten.',
      'Junior Accountant - Contoso Corporation',
      'March 2011 to December 2014',
      '• Reconciled supplier accounts.',
    ].join('\n');
    const { profile } = await parseCvText(text, { now: '2026-11-01' });
    expect(profile.experiences.map((entry) => [entry.title, entry.company])).toEqual([
      ['Senior Accountant', 'Northwind Traders Ltd'],
      ['Junior Accountant', 'Contoso Corporation'],
    ]);
  });

  it('takes the line under the name as the headline only when it names a job', async () => {
    const read = async (second: string) =>
      (await parseCvText(['Jane Invented', second, 'jane@example.com'].join('\n'), { now: '2026-11-01' }))
        .profile.headline;
    expect(await read('Senior Software Engineer')).toBe('Senior Software Engineer');
    expect(await read('Resume')).toBeNull();
    expect(await read('University of Missouri')).toBeNull();
  });

  it('reads degrees written in full after the last job when the education heading is lost', async () => {
    const text = [
      'Jane Invented',
      '12 Oak Lane, Austin, TX 78701',
      'EDUCATION CLINICAL',
      'EXPERIENCE',
      'Counselor Intern',
      'Acme Clinic, Austin, TX',
      'June 2014 to May 2015',
      '• Bachelors in Arts, Clifford College, Ohio, 2002',
    ].join('\n');
    const { profile } = await parseCvText(text, { now: '2026-11-01' });
    expect(profile.education.map((entry) => [entry.degree, entry.institution, entry.year])).toEqual([
      ['Bachelors in Arts', 'Clifford College', 2002],
    ]);
    expect(profile.location?.city).toBe('Austin');
  });

  it('counts current experiences up to `now`', async () => {
    const early = await parseCvText(CV, { now: '2021-06-15' });
    const late = await parseCvText(CV, { now: '2026-11-01' });
    expect(late.profile.totalExperienceMonths - early.profile.totalExperienceMonths).toBe(65);
  });

  it('gives the same id for the same text and rejects empty text and bad dates', async () => {
    const [a, b] = await Promise.all([parseCvText(CV), parseCvText(`${CV}\n`)]);
    expect(a.profile.id).toMatch(/^cv_[0-9a-f]{16}$/);
    expect(a.profile.id).toBe(b.profile.id);
    await expect(parseCvText('  \n ')).rejects.toBeInstanceOf(DocumentError);
    await expect(parseCvText(CV, { now: '01/11/2026' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('flags low-confidence fields with a warning', async () => {
    const { profile } = await parseCvText('Jean Exemple\nEXPÉRIENCE\nCariste\n2020', { now: '2026-11-01' });
    expect(profile.experiences).toHaveLength(1);
    const lowFields = Object.entries(profile.confidence).filter(([, value]) => value < 0.5);
    expect(profile.warnings.filter((warning) => warning.code === 'low-confidence')).toHaveLength(
      lowFields.length,
    );
  });
});

describe('parseCvs', () => {
  it('collects failures without stopping the batch, in input order', async () => {
    const progress: string[] = [];
    const results = await parseCvs(
      [
        { file: 'good.txt', bytes: new TextEncoder().encode(CV) },
        { file: 'empty.txt', bytes: new Uint8Array() },
        { file: 'good-again.txt', bytes: new TextEncoder().encode(CV) },
      ],
      { concurrency: 2, now: '2026-11-01', onProgress: ({ file, ok }) => progress.push(`${file}:${ok}`) },
    );
    expect(
      results.map((item) => ('error' in item ? `${item.file}:${item.error.reason}` : item.file)),
    ).toEqual(['good.txt', 'empty.txt:no-text', 'good-again.txt']);
    expect(progress.sort()).toEqual(['empty.txt:false', 'good-again.txt:true', 'good.txt:true']);
  });

  it('rejects on the first failure with onError: throw', async () => {
    await expect(
      parseCvs([{ file: 'empty.txt', bytes: new Uint8Array() }], { onError: 'throw' }),
    ).rejects.toBeInstanceOf(DocumentError);
  });
});

function fakeModel(answer: LlmCv, calls: unknown[]): ChatModel {
  return {
    specificationVersion: 'v1',
    provider: 'fake',
    modelId: 'fake-1',
    async generateObject<T>(request: { schema: { parse(value: unknown): T }; messages: unknown[] }) {
      calls.push(request.messages);
      return { object: request.schema.parse(answer), usage: { inputTokens: 1, outputTokens: 1 } };
    },
    async generateText() {
      throw new Error('not used');
    },
  };
}

describe('optional LLM extraction', () => {
  const sparse = 'Jean Test\nSoudeur TIG\nSoudure TIG, lecture de plans\nAnglais';
  const answer: LlmCv = {
    name: 'Jean Test',
    email: 'invented@example.com',
    phone: null,
    city: null,
    headline: 'Soudeur TIG',
    experiences: [{ title: 'Soudeur TIG', company: null, start: '2020-01', end: null, current: true }],
    education: [{ degree: 'Master de physique', year: 2010 }],
    skills: ['lecture de plans', 'Management'],
    languages: [{ name: 'Anglais', level: 'B2' }],
  };

  it('merges values found in the text and refuses the others with a warning', async () => {
    const calls: unknown[] = [];
    const { profile } = await parseCvText(sparse, { now: '2026-11-01', model: fakeModel(answer, calls) });
    expect(calls).toHaveLength(1);
    expect(profile.email).toBeNull();
    expect(profile.education).toHaveLength(0);
    expect(profile.experiences.map((item) => item.title)).toEqual(['Soudeur TIG']);
    expect(profile.totalExperienceMonths).toBe(83);
    expect(profile.skills.map((item) => item.name)).toContain('lecture de plans');
    expect(profile.skills.map((item) => item.name)).not.toContain('Management');
    const refused = profile.warnings
      .filter((warning) => warning.code === 'llm-unverified')
      .map((item) => item.message);
    expect(refused.join('\n')).toMatch(/invented@example\.com/);
    expect(refused.join('\n')).toMatch(/Master de physique/);
    expect(refused.join('\n')).toMatch(/Management/);
  });
});

describe('parseCvs on paths', () => {
  it('reports a missing file as not-found', async () => {
    const [result] = await parseCvs(['/no/such/cv.pdf']);
    expect(result).toMatchObject({ file: '/no/such/cv.pdf', error: { reason: 'not-found' } });
  });
});
