import { describe, expect, it } from 'vitest';
import { calibrate } from '../../scripts/parse-eval/calibration.js';
import { isHeldOut } from '../../scripts/parse-eval/dotin-eval.js';
import { dotinGold, goldDateKey, isHeaderSpan, isListSpan } from '../../scripts/parse-eval/dotin-gold.js';
import { decodeByteEscapes, readDotinResume } from '../../scripts/parse-eval/dotin-resume.js';
import {
  matchField,
  matchScore,
  normalizeValue,
  skillForms,
} from '../../scripts/parse-eval/field-matching.js';
import { scoreFields } from '../../scripts/parse-eval/score-table.js';

// A synthetic file in the dataset's flattened form: one quoted line, 2+ spaces for line breaks, byte escapes.
const FLAT = `<?xml version="1.0" encoding="UTF-8"?>
<cv>
"<label type="Name">Jane Roe</label>  <label type="Location">Austin, TX</label>  WORK EXPERIENCE  <label type="Designation">Senior Software Engineer</label>  <label type="Companies worked at">Acme &amp; Co</label> -  <label type="Location">Dallas, TX</label>  <label type="Years of Experience">January 2018 to Present</label>  \\xe2\\x80\\xa2 Worked as a <label type="Designation">team lead</label> on the billing system for large customers.  SKILLS  <label type="Tech Tools">Java</label> (3 years), <label type="Tech Tools">SQL</label>  \\xe2\\x80\\xa2 Experience in <label type="Tech Tools">Oracle Hyperion</label> products"
</cv>`;

describe('readDotinResume', () => {
  const resume = readDotinResume(FLAT);

  it('rebuilds line breaks, decodes byte escapes and entities, and keeps exact span offsets', () => {
    expect(resume.flattened).toBe(true);
    expect(resume.text.split('\n').slice(0, 6)).toEqual([
      'Jane Roe',
      'Austin, TX',
      'WORK EXPERIENCE',
      'Senior Software Engineer',
      'Acme & Co -',
      'Dallas, TX',
    ]);
    expect(resume.text).toContain('• Worked as a team lead');
    for (const span of resume.spans) expect(resume.text.slice(span.start, span.end)).toBe(span.text);
    expect(resume.spans.map((span) => span.label)).toContain('Companies worked at');
  });

  it('decodes runs of byte escapes as UTF-8', () => {
    expect(decodeByteEscapes('caf\\xc3\\xa9 \\xe2\\x80\\x93 ok\\tx')).toBe('café – ok\tx');
  });

  it('keeps the line breaks of a file that has them', () => {
    const withBreaks = readDotinResume(
      `<cv>\n<label type="Name">A B</label>\n${'line\n'.repeat(10)}Company  -  City</cv>`,
    );
    expect(withBreaks.flattened).toBe(false);
    expect(withBreaks.text).toContain('Company  -  City');
  });
});

describe('dotinGold', () => {
  const resume = readDotinResume(FLAT);
  const gold = dotinGold(resume);

  it('takes the head location as the city and header-like spans as titles and companies', () => {
    expect(gold['location.city']).toEqual(['Austin, TX']);
    expect(gold['experience.title']).toEqual(['Senior Software Engineer']); // "team lead" is in a sentence
    expect(gold['experience.company']).toEqual(['Acme & Co']);
    expect(gold['experience.dates']).toEqual(['2018|present']);
    expect(gold.mentions['experience.title']).toBe(2);
  });

  it('takes list items as skills, not mentions inside a sentence', () => {
    expect(gold.skills).toEqual(['Java', 'SQL']);
    const hyperion = resume.spans.find((span) => span.text === 'Oracle Hyperion')!;
    expect(isListSpan(resume, hyperion)).toBe(false);
    const lead = resume.spans.find((span) => span.text === 'team lead')!;
    expect(isHeaderSpan(resume, lead)).toBe(false);
  });

  it('takes two labelled items joined by a conjunction in a list, not in a sentence', () => {
    const joined = readDotinResume(
      '<cv>SKILLS\nLanguages: <label type="Tech Tools">Java</label> and <label type="Tech Tools">Perl</label>\n' +
        'Web: <label type="Tech Tools">HTML</label>, <label type="Tech Tools">CSS</label>, and <label type="Tech Tools">XML</label>\n' +
        'Wrote tools in <label type="Tech Tools">Python</label> and <label type="Tech Tools">Bash</label> for the team.\n' +
        'Lots of hard work and more of it.\nAnother line to keep the break count up.\nAnd one more line.\nLast one.</cv>',
    );
    expect(dotinGold(joined).skills).toEqual(['Java', 'Perl', 'HTML', 'CSS', 'XML']);
  });

  it('reads date keys from the forms the dataset uses', () => {
    expect(goldDateKey('June 2016 to Present')).toBe('2016|present');
    expect(goldDateKey('May 2007 to August 2007')).toBe('2007|2007');
    expect(goldDateKey('1979-92')).toBe('1979|1992');
    expect(goldDateKey('2010')).toBe('2010|2010');
    expect(goldDateKey('September 2017 onwards')).toBe('2017|present');
    expect(goldDateKey('3.5 years')).toBeNull();
  });
});

describe('field matching', () => {
  it('normalises case, accents, punctuation and "&"', () => {
    expect(normalizeValue('  Ingénieur R&D / Lyon ')).toBe('ingenieur r and d lyon');
    expect(normalizeValue('C++, C#')).toBe('c++ c#');
  });

  it('matches spans exactly or by contiguous words covering half of the longer value', () => {
    expect(matchScore('span', 'Software Engineer', 'software engineer')).toBe(1);
    expect(matchScore('span', 'Senior Software Engineer', 'Software Engineer')).toBeGreaterThan(0.5);
    expect(matchScore('span', 'Senior Software Engineer', 'Engineer')).toBe(0);
    expect(matchScore('span', 'Software Engineer', 'Engineer Software')).toBe(0);
  });

  it('matches names by their words, cities by the part before the comma', () => {
    expect(matchScore('name', 'Jane Roe', 'ROE Jane')).toBeGreaterThan(0.9);
    expect(matchScore('name', 'Jane Ann Roe', 'Jane Roe')).toBeGreaterThan(0.5);
    expect(matchScore('name', 'Jane Roe', 'Jane')).toBe(0);
    expect(matchScore('city', 'Bengaluru, Karnataka', 'Bengaluru')).toBe(1);
    expect(matchScore('city', 'Bangalore Urban, Karnataka', 'Bangalore')).toBeGreaterThan(0);
    expect(matchScore('city', 'Austin, TX', 'Dallas')).toBe(0);
  });

  it('matches skills without durations and by either side of an alias', () => {
    expect(skillForms('Java (3 years)')).toEqual(['java']);
    expect(skillForms('C++ (Less than 1 year)')).toEqual(['c++']);
    expect(matchScore('skill', 'Amazon Web Services (AWS)', 'AWS')).toBe(1);
  });

  it('pairs values one to one, best first, de-duplicating each side', () => {
    const match = matchField(
      'span',
      ['Software Engineer', 'Senior Software Engineer', 'software engineer'],
      ['Senior Software Engineer', 'Software Engineer', 'Team Lead'],
    );
    expect(match).toEqual({
      gold: 2,
      predicted: 3,
      correct: 2,
      found: 2,
      missed: [],
      spurious: ['Team Lead'],
      credited: [true, true, false],
    });
    // A prediction with alternative spellings is counted once, by its best form.
    expect(matchField('skill', ['Forklift driving'], [['cariste', 'forklift driving']]).correct).toBe(1);
  });

  it('finds each slash-joined piece of a span prediction, counting the prediction once', () => {
    const match = matchField(
      'span',
      ['JAVA Developer', 'Senior Systems Engineer', 'Intern'],
      ['JAVA Developer/Senior Systems Engineer', 'Team Lead'],
    );
    expect(match).toMatchObject({ gold: 3, predicted: 2, correct: 1, found: 2, missed: ['Intern'] });
    // Only for spans, and only equal pieces: "Developer" is no piece of "JAVA Developer/Tester".
    expect(matchField('span', ['Developer'], ['JAVA Developer/Tester']).found).toBe(0);
    expect(matchField('skill', ['Java', 'Perl'], ['Java/Perl']).found).toBe(1);
    const { fields } = scoreFields(new Map([['titles', { gold: 3, predicted: 2, correct: 1, found: 2 }]]));
    expect(fields[0]).toMatchObject({ precision: 0.5, recall: 2 / 3 });
  });
});

describe('scoreFields', () => {
  it('computes P/R/F1 per field and micro-averages the listed fields only', () => {
    const { fields, micro } = scoreFields(
      new Map([
        ['a', { gold: 4, predicted: 2, correct: 2 }],
        ['b', { gold: 0, predicted: 0, correct: 0 }],
        ['c', { gold: 10, predicted: 10, correct: 0 }],
      ]),
      ['a', 'b'],
    );
    expect(fields[0]).toMatchObject({ precision: 1, recall: 0.5 });
    expect(fields[0]!.f1).toBeCloseTo(2 / 3, 10);
    expect(fields[1]).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(micro).toMatchObject({ precision: 1, recall: 0.5 });
  });
});

describe('held-out split', () => {
  it('is fixed by the file name alone and sets aside about 30%', () => {
    const names = Array.from({ length: 1000 }, (_, index) => `${index + 1}.xml`);
    const share = names.filter(isHeldOut).length / names.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    expect(isHeldOut('17.xml')).toBe(isHeldOut('17.xml'));
  });
});

describe('calibrate', () => {
  it('bins values by confidence and measures the gap to their accuracy', () => {
    const points = [
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: true },
      { confidence: 0.95, correct: false },
      { confidence: 0.95, correct: true },
      { confidence: 0.2, correct: false },
    ];
    const result = calibrate(points);
    expect(result.bins).toEqual([
      { from: 0, to: 0.3, count: 1, meanConfidence: 0.2, accuracy: 0 },
      { from: 0.9, to: 1, count: 4, meanConfidence: 0.95, accuracy: 0.75 },
    ]);
    // (1 × 0.2 + 4 × 0.2) / 5
    expect(result.ece).toBeCloseTo(0.2, 10);
  });
});

describe('degree matching', () => {
  it('credits a degree written with or without its subject, not another degree', () => {
    expect(matchScore('degree', 'B.Tech', 'B.Tech in Electrical and Electronics Engineering')).toBe(0.5);
    expect(matchScore('degree', 'B.S., Elementary and Special Education', 'B.S.')).toBe(0.5);
    expect(matchScore('degree', 'M.Tech', 'B.Tech in Electrical Engineering')).toBe(0);
    expect(matchScore('degree', 'Electrical Engineering', 'B.Tech in Electrical Engineering')).toBe(0);
  });
});
