import { describe, expect, it } from 'vitest';
import {
  classifyHeaderPart,
  classifyPart,
  type PartInput,
  partFeatures,
  scoreFeatures,
} from './part-classifier.js';

const header = (text: string, line: string, section: string, extra: Partial<PartInput> = {}): PartInput => ({
  text,
  line,
  partIndex: 0,
  partCount: 1,
  previous: null,
  next: null,
  bullet: false,
  section,
  unit: 'header',
  ...extra,
});

const best = (scores: Record<string, number>) => Object.entries(scores).sort((a, b) => b[1] - a[1])[0]![0];

describe('partFeatures', () => {
  it('describes the piece, its line and its neighbours', () => {
    const features = partFeatures(
      header('Senior Software Engineer', 'Senior Software Engineer - Acme Ltd', 'experience', {
        partCount: 2,
        next: 'January 2018 to Present',
      }),
    );
    expect(features).toEqual(
      expect.arrayContaining([
        'bias',
        'sec:experience',
        'w:engineer',
        'last:engineer',
        'shape:title',
        'gz:titleword',
        'pos:first',
        'next:range',
        'partial',
      ]),
    );
  });

  it('is deterministic', () => {
    const input = header('Infosys Limited', 'Infosys Limited - Pune, Maharashtra', 'experience');
    expect(partFeatures(input)).toEqual(partFeatures({ ...input }));
  });
});

describe('scoreFeatures', () => {
  it('is a softmax over the summed weights of the features present', () => {
    const model = { labels: ['a', 'b'], weights: { x: [1, 0], y: [0, 1], z: [2, 0] } };
    const [a, b] = scoreFeatures(['x', 'unknown'], model);
    expect(a).toBeCloseTo(Math.E / (Math.E + 1), 6);
    expect(a! + b!).toBeCloseTo(1, 9);
    expect(scoreFeatures([], model)).toEqual([0.5, 0.5]);
  });
});

describe('the shipped model', () => {
  it('tells a job title from its employer in an entry header', () => {
    const line = { text: 'Senior Software Engineer - Acme Technologies Pvt Ltd', isBullet: false };
    const context = { section: 'experience', previous: 'WORK EXPERIENCE', next: 'January 2018 to Present' };
    const title = classifyHeaderPart(line, context, { text: 'Senior Software Engineer', offset: 0 });
    const employer = classifyHeaderPart(line, context, { text: 'Acme Technologies Pvt Ltd', offset: 27 });
    expect(best(title)).toBe('title');
    expect(employer.employer).toBeGreaterThan(employer.title);
  });

  it('knows a degree in an education section and a skill in a skills list', () => {
    const degree = classifyPart(
      header(
        'Bachelor of Engineering in Mechanical Engineering',
        'Bachelor of Engineering in Mechanical Engineering',
        'education',
      ),
    );
    expect(best(degree)).toBe('degree');
    const skill = classifyPart({
      ...header('Hibernate', 'Java, Hibernate, Spring MVC, SQL Server', 'skills'),
      partIndex: 1,
      partCount: 4,
      unit: 'list',
    });
    expect(skill.skill).toBeGreaterThan(0.5);
  });

  it('does not take a sentence for a title', () => {
    const sentence = classifyPart(
      header(
        'Responsible for supervising the warehouse team and reporting to the manager.',
        'Responsible for supervising the warehouse team and reporting to the manager.',
        'experience',
        { bullet: true },
      ),
    );
    expect(best(sentence)).toBe('other');
  });
});
