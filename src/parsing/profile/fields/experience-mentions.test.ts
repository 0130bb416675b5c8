import { describe, expect, it } from 'vitest';
import { sectionLinesOf } from '../test-helpers.js';
import { findExperienceMentions } from './experience-mentions.js';

const mentions = (text: string) =>
  findExperienceMentions(sectionLinesOf(text), [], () => null).map((item) => [item.title, item.company]);

describe('findExperienceMentions', () => {
  it('reads a job named in a sentence, in either order', () => {
    expect(
      mentions(
        'Jane Invented\nCurrently employed as a Business Analyst Intern at Walrus Systems. Keen learner.',
      ),
    ).toEqual([['Business Analyst Intern', 'Walrus Systems']]);
    expect(
      mentions(
        'Jane Invented\nWorked with Northwind Traders Ltd. as Team Lead from March 2013 to April 2013.',
      ),
    ).toEqual([['Team Lead', 'Northwind Traders Ltd.']]);
  });

  it('is undated, with a lower confidence than an entry, and skips titles already read', () => {
    const lines = sectionLinesOf(
      'Jane Invented\nCurrently working as Senior Software Engineer at Contoso Solutions.',
    );
    const [found] = findExperienceMentions(lines, [], () => null);
    expect(found?.start).toBeNull();
    expect(found?.current).toBe(true);
    expect(found!.confidence!).toBeLessThanOrEqual(0.5);
    const known = [{ ...found!, confidence: 0.9 }];
    expect(findExperienceMentions(lines, known, () => null)).toEqual([]);
  });

  it('reads nothing from sentences that only talk about work', () => {
    expect(mentions('Jane Invented\nWorked with the marketing manager to assess customer needs.')).toEqual(
      [],
    );
    expect(
      mentions('Jane Invented\nWorking as an unpaid advisor at busy city centre advice bureau.'),
    ).toEqual([]);
    expect(mentions('Jane Invented\nAble to work in a fast paced environment as a team player.')).toEqual([]);
  });
});
