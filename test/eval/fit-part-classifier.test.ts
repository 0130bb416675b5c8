import { describe, expect, it } from 'vitest';
import { type Example, fitPartClassifier, resumeExamples } from '../../scripts/fit-part-classifier.js';
import {
  PART_LABELS,
  partFeatures,
  scoreFeatures,
} from '../../src/parsing/profile/fields/part-classifier.js';

// A synthetic dotin-style resume (inline labels, as in the dataset's files).
const RESUME = `<cv>Jane Example
<label type="Designation">Warehouse Supervisor</label> - <label type="Companies worked at">Acme Logistics Ltd</label>
January 2018 to Present
EDUCATION
<label type="Degree">Bachelor of Science in Logistics</label>
<label type="College Name">Example University</label>
SKILLS
<label type="Tech Tools">SAP</label>, <label type="Job Specific Skills">Inventory control</label>, <label type="Soft Skills">Teamwork</label>
</cv>`;

describe('fit-part-classifier', () => {
  it('labels the pieces of a resume from its spans, with the run-time features', () => {
    const examples = resumeExamples('synthetic.xml', RESUME);
    const labelOf = (text: string) =>
      PART_LABELS[examples.find((example) => example.input.text === text)?.label ?? -1];
    expect(labelOf('Warehouse Supervisor')).toBe('title');
    expect(labelOf('Acme Logistics Ltd')).toBe('employer');
    expect(labelOf('Bachelor of Science in Logistics')).toBe('degree');
    expect(labelOf('Example University')).toBe('college');
    expect(labelOf('Inventory control')).toBe('skill');
    expect(labelOf('January 2018 to Present')).toBe('other');
    for (const example of examples) expect(example.features).toEqual(partFeatures(example.input));
  });

  it('is deterministic and learns what separates the labels', () => {
    const make = (file: string, text: string, label: number, words: string): Example => ({
      file,
      label,
      features: ['bias', ...words.split(' ').map((word) => `w:${word}`)],
      input: {
        text,
        line: text,
        partIndex: 0,
        partCount: 1,
        previous: null,
        next: null,
        bullet: false,
        section: 'experience',
        unit: 'header',
      },
    });
    const examples: Example[] = [];
    for (let index = 0; index < 12; index++) {
      examples.push(make(`r${index}.xml`, 'Engineer', 0, 'engineer senior'));
      examples.push(make(`r${index}.xml`, 'Acme Ltd', 1, 'acme ltd'));
      examples.push(make(`r${index}.xml`, 'Did things.', 5, 'did things'));
    }
    const first = fitPartClassifier(examples);
    expect(fitPartClassifier(examples)).toEqual(first);
    const probabilities = scoreFeatures(['bias', 'w:engineer'], first);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(0);
    const employer = scoreFeatures(['bias', 'w:ltd'], first);
    expect(employer.indexOf(Math.max(...employer))).toBe(1);
  });
});
