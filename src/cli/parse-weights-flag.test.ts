import { describe, expect, it } from 'vitest';
import { UsageError, ValidationError } from '../index.js';
import { parseWeightsFlag } from './parse-weights-flag.js';

describe('parseWeightsFlag', () => {
  it('reads any subset of criteria and the LLM share', () => {
    expect(parseWeightsFlag('occupation=0.3, skills=0.2,llm=0.5')).toEqual({
      occupation: 0.3,
      skills: 0.2,
      llm: 0.5,
    });
    expect(parseWeightsFlag('semantic=.3')).toEqual({ semantic: 0.3 });
  });

  it.each(['', ' , ', 'occupation', 'occupation=abc', 'skills=-1', 'skills=1e3'])(
    'rejects the syntax of %j with UsageError',
    (text) => {
      expect(() => parseWeightsFlag(text)).toThrow(UsageError);
    },
  );

  it.each([
    ['salary=0.3', 'salary: unknown criterion'],
    ['llm=2', 'llm: expected a number in [0, 1]'],
    [
      'occupation=0,skills=0,preferredSkills=0,experience=0,certifications=0,licences=0,distance=0,availability=0,languages=0,semantic=0,text=0,keywords=0',
      'weights: all weights are 0',
    ],
  ])('turns what the core rejects in %j into a UsageError naming it', (text, named) => {
    let thrown: unknown;
    try {
      parseWeightsFlag(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toContain(named);
    expect((thrown as UsageError).cause).toBeInstanceOf(ValidationError);
  });
});
