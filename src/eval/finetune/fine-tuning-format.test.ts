import { describe, expect, it } from 'vitest';
import { splitSide } from './export-fine-tuning.js';
import { validateFineTuningExample, validateFineTuningFile } from './fine-tuning-format.js';

const good = {
  messages: [
    { role: 'system', content: 'rules' },
    { role: 'user', content: 'prompt' },
    { role: 'assistant', content: '{"candidates":[]}' },
  ],
};
const codes = (value: unknown, format: 'openai' | 'mistral') =>
  validateFineTuningExample(value, format).map((issue) => issue.code);

describe('validateFineTuningExample', () => {
  it('accepts a system, user, assistant example in both formats', () => {
    expect(codes(good, 'openai')).toEqual([]);
    expect(codes(good, 'mistral')).toEqual([]);
  });

  it('refuses what the providers document as invalid', () => {
    expect(codes([], 'openai')).toEqual(['not-object']);
    expect(codes({}, 'openai')).toEqual(['missing-messages']);
    expect(codes({ messages: [] }, 'mistral')).toEqual(['empty-messages']);
    expect(codes({ ...good, extra: 1 }, 'openai')).toEqual(['unknown-key']);
    expect(codes({ messages: [{ role: 'human', content: 'x' }, good.messages[2]] }, 'openai')).toEqual([
      'bad-role',
    ]);
    expect(codes({ messages: [{ role: 'user', content: '  ' }, good.messages[2]] }, 'mistral')).toEqual([
      'bad-content',
    ]);
    expect(codes({ messages: [{ role: 'user', content: 'x' }] }, 'openai')).toEqual(['no-assistant']);
    expect(
      codes({ messages: [{ role: 'user', content: 'x', weight: 1 }, good.messages[2]] }, 'openai'),
    ).toEqual(['bad-weight']);
    expect(
      codes(
        {
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: 'y', weight: 2 },
          ],
        },
        'mistral',
      ),
    ).toEqual(['bad-weight']);
  });

  it('knows where the formats differ: last message, tool role, name key', () => {
    const endsWithUser = { messages: [...good.messages, { role: 'user', content: 'more' }] };
    expect(codes(endsWithUser, 'openai')).toEqual([]);
    expect(codes(endsWithUser, 'mistral')).toEqual(['last-not-assistant']);
    const tool = { messages: [{ role: 'tool', content: '{}' }, good.messages[2]] };
    expect(codes(tool, 'mistral')).toEqual([]);
    expect(codes(tool, 'openai')).toEqual(['bad-role']);
    const named = { messages: [{ role: 'user', content: 'x', name: 'a' }, good.messages[2]] };
    expect(codes(named, 'openai')).toEqual([]);
    expect(codes(named, 'mistral')).toEqual(['unknown-message-key']);
  });

  it('flags an example longer than the token limit', () => {
    const long = { messages: [{ role: 'user', content: 'x'.repeat(400) }, good.messages[2]] };
    expect(validateFineTuningExample(long, 'openai', 1, { maxExampleTokens: 50 })[0]?.code).toBe('too-long');
    expect(validateFineTuningExample(long, 'openai', 1, { maxExampleTokens: 500 })).toEqual([]);
  });
});

describe('validateFineTuningFile', () => {
  const line = `${JSON.stringify(good)}\n`;
  it('counts examples, reports bad lines by number, and wants 10 examples for openai', () => {
    expect(validateFineTuningFile(line.repeat(10), 'openai')).toEqual({ examples: 10, issues: [] });
    expect(validateFineTuningFile(line.repeat(3), 'openai').issues.map((issue) => issue.code)).toEqual([
      'too-few-examples',
    ]);
    expect(validateFineTuningFile(line.repeat(3), 'mistral').issues).toEqual([]);
    const broken = validateFineTuningFile(`${line}{oops\n${line}`, 'mistral');
    expect(broken.issues).toMatchObject([{ line: 2, code: 'not-json' }]);
  });
});

describe('splitSide', () => {
  it('is deterministic for a seed, moves with the seed, and follows the share', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `cv_${index}`);
    const sides = ids.map((id) => splitSide(id, 1, 0.2));
    expect(ids.map((id) => splitSide(id, 1, 0.2))).toEqual(sides);
    const share = sides.filter((side) => side === 'validation').length / ids.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
    expect(ids.map((id) => splitSide(id, 2, 0.2))).not.toEqual(sides);
    expect(ids.every((id) => splitSide(id, 1, 0) === 'train')).toBe(true);
  });
});
