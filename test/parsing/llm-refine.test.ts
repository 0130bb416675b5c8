import { afterAll, describe, expect, it } from 'vitest';
import type { LlmCv } from '../../src/parsing/index.js';
import { parseCvText } from '../../src/parsing/index.js';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { startFakeApiServer } from '../providers/fake-api-server.js';
import { FAKE_KEY } from '../providers/remote-conformance.js';

const server = await startFakeApiServer('openai');
afterAll(() => server.close());

// One entry the rules read well (a title with job-title words), one they cannot (an employer-like line
// with no title at all), one entry the rules miss (no dates).
const CV = [
  'Jane Roe',
  'Data Engineer',
  'Austin, TX - jane.roe@example.org - Phone: +1 512 555 0147',
  'WORK EXPERIENCE',
  'Senior Data Engineer',
  'Northwind Labs - Austin, TX -',
  'January 2019 to Present',
  'Built the data platform.',
  'Globex -',
  'March 2016 to December 2018',
  'Ran the nightly ETL for the trading desk.',
  'Volunteer tutor at Austin Public Library',
].join('\n');

const ANSWER: LlmCv = {
  name: '[name]',
  email: null,
  phone: null,
  city: 'Austin',
  headline: 'Data Engineer',
  experiences: [
    // Differs from a confident rules entry: the rules entry stays.
    { title: 'Data Engineer', company: 'Northwind Labs', start: '2019-01', end: null, current: true },
    // Fills the entry whose title the rules could not read.
    { title: 'Ran the nightly ETL', company: 'Globex', start: '2016-03', end: '2018-12', current: false },
    // Not in the text: refused.
    { title: 'Chief Data Officer', company: 'Initech', start: '2012-01', end: '2015-12', current: false },
  ],
  education: [],
  skills: ['ETL', 'Kubernetes'],
  languages: [],
};

describe('LLM refinement through a real provider SDK (local fake server)', () => {
  it('masks the identifiers the rules read, fills what they were unsure of, refuses what is not in the text', async () => {
    server.chatContent = () => JSON.stringify(ANSWER);
    const model = createOpenAI({ apiKey: FAKE_KEY, baseURL: `${server.url}/v1`, env: {} }).chatModel();
    const { profile } = await parseCvText(CV, { now: '2020-01-01', model });

    const sent = (server.requests.at(-1)!.body.messages as { content: string }[]).map((item) => item.content);
    const prompt = sent.join('\n');
    expect(prompt).not.toContain('Jane');
    expect(prompt).not.toContain('Roe');
    expect(prompt).not.toContain('jane.roe@example.org');
    expect(prompt).toContain('[name]');
    expect(prompt).toContain('[email]');
    expect(prompt).toContain('Northwind Labs');

    expect(profile.name).toBe('Jane Roe'); // the rules' name, not the placeholder
    expect(profile.experiences.map((item) => [item.title, item.company, item.start])).toEqual([
      ['Senior Data Engineer', 'Northwind Labs', '2019-01'],
      ['Ran the nightly ETL', 'Globex', '2016-03'],
    ]);
    expect(profile.experiences[1]!.confidence).toBe(0.6);
    expect(profile.skills.map((item) => item.name)).toContain('ETL');
    const refused = profile.warnings.filter((warning) => warning.code === 'llm-unverified');
    expect(refused.map((warning) => warning.message).join('\n')).toMatch(
      /Chief Data Officer[\s\S]*Kubernetes/,
    );
  });
});
