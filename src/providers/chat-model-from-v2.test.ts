import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ObjectValidationError } from '../errors.js';
import { chatModelFromV2 } from './chat-model-from-v2.js';
import { applyChatMiddleware } from './middleware/stack.js';
import type { ChatModelV2, GenerateRequest } from './spec-v2.js';

/** A v2 model that answers from a script and records what it was asked. */
function scripted(answers: string[]): ChatModelV2 & { requests: GenerateRequest[] } {
  const requests: GenerateRequest[] = [];
  return {
    specificationVersion: 'v2',
    provider: 'scripted',
    modelId: 'm1',
    requests,
    async generate(request) {
      requests.push(request);
      const text = answers.shift() ?? '';
      return { text, usage: { inputTokens: 10, outputTokens: 2 }, finishReason: 'stop' };
    },
  };
}

const schema = z.object({ name: z.string(), years: z.number().int().optional() });

describe('chatModelFromV2', () => {
  it('asks for JSON-schema mode and returns the validated object (absent optionals stay absent)', async () => {
    const model = scripted(['{"name": "Camille", "years": null}']);
    const chat = chatModelFromV2(model);
    expect(chat).toMatchObject({ specificationVersion: 'v1', provider: 'scripted', modelId: 'm1' });
    const result = await chat.generateObject({
      schema,
      schemaName: 'person',
      seed: 3,
      messages: [{ role: 'user', content: 'Camille' }],
    });
    expect(result).toEqual({ object: { name: 'Camille' }, usage: { inputTokens: 10, outputTokens: 2 } });
    const format = model.requests[0]!.responseFormat!;
    expect(format).toMatchObject({ type: 'json', name: 'person', strict: true });
    expect(format.schema).toMatchObject({ type: 'object', required: ['name', 'years'] });
    expect(model.requests[0]!.seed).toBe(3);
  });

  it('names the schema "answer" when the caller gave no name, and sends text requests without a format', async () => {
    const model = scripted(['{"name": "A"}', 'Bonjour']);
    const chat = chatModelFromV2(model);
    await chat.generateObject({ schema, messages: [{ role: 'user', content: 'x' }] });
    expect(model.requests[0]!.responseFormat?.name).toBe('answer');
    const text = await chat.generateText({
      messages: [{ role: 'user', content: 'SMS' }],
      maxOutputTokens: 20,
    });
    expect(text).toEqual({ text: 'Bonjour', usage: { inputTokens: 10, outputTokens: 2 } });
    expect(model.requests[1]).toEqual({ messages: [{ role: 'user', content: 'SMS' }], maxOutputTokens: 20 });
  });

  it('gives any v2 model the one repair attempt through the standard middleware', async () => {
    const model = scripted(['{"name": 3}', '{"name": 4}']);
    const chat = applyChatMiddleware(chatModelFromV2(model), { retry: { maxRetries: 0 } });
    const error = await chat
      .generateObject({ schema, messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ObjectValidationError);
    expect(error).toMatchObject({ attempts: 2, provider: 'scripted' });
    expect(model.requests).toHaveLength(2);
    expect(model.requests[1]!.messages.at(-1)!.content).toContain('name');
  });
});
