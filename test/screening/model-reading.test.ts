import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { createScreening } from '../../src/screening/index.js';
import { type FakeApiServer, startFakeApiServer } from '../providers/fake-api-server.js';
import { AGENCY, loadJob, modelAnswer, NOW, syntheticCandidate } from './helpers.js';

/**
 * The model path of reply reading through a real SDK (OpenAI) against a local server on 127.0.0.1: used only
 * when the rules are unsure, with structured output, on the redacted reply; an answer that fails the schema
 * degrades to unsure (the question is asked again).
 */
let server: FakeApiServer;
beforeAll(async () => {
  server = await startFakeApiServer('openai');
});
afterAll(async () => {
  await server.close();
});

const job = loadJob('cariste-lyon');
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000);
const reading = (overrides: Record<string, unknown>) => JSON.stringify(modelAnswer(overrides));

function screeningWithModel() {
  const model = createOpenAI({ apiKey: 'sk-test', baseURL: `${server.url}/v1`, env: {} }).chatModel(
    'gpt-4o-mini',
  );
  const candidate = syntheticCandidate({ name: 'Camille Exemple', phone: '+33612345678' });
  const screening = createScreening({ job, candidate, agency: AGENCY, now: NOW, model });
  screening.start();
  return screening;
}

describe('reading replies with a chat model (fake OpenAI server)', () => {
  it('asks the model only about a reply the rules are unsure of, with a JSON schema and no identity', async () => {
    const screening = screeningWithModel();
    const before = server.requests.length;
    await screening.receive('oui dispo', at(1));
    expect(server.requests.length).toBe(before);
    server.enqueue({
      kind: 'content',
      content: reading({ intent: 'yes', evidence: "c'est jouable", confidence: 0.92 }),
    });
    const step = await screening.receive("Camille Exemple 06 12 34 56 78, 55 ans : c'est jouable", at(2));
    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect((request.body.response_format as { type: string }).type).toBe('json_schema');
    const sent = JSON.stringify(request.body.messages);
    for (const secret of ['Camille', 'Exemple', '06 12 34 56 78', '55 ans'])
      expect(sent).not.toContain(secret);
    expect(step.state.answers.at(-1)).toMatchObject({
      questionId: 'certification:CACES_R489_3',
      intent: 'yes',
    });
    expect(step.events).toContainEqual(
      expect.objectContaining({ type: 'reply-read', by: 'llm', unsure: false }),
    );
  });

  it('asks the model about a yes beside words nothing read, and takes its reading only when it quotes them', async () => {
    // The rules read a yes, but a piece of the reply is read by nothing: the yes is unsure, so the model.
    const screening = screeningWithModel();
    server.enqueue({
      kind: 'content',
      content: reading({ intent: 'partial', evidence: 'comme la dernière fois', confidence: 0.7 }),
    });
    const before = server.requests.length;
    const step = await screening.receive("oui je l'ai, comme la dernière fois...", at(1));
    expect(server.requests.length).toBe(before + 1);
    expect(step.events).toContainEqual(
      expect.objectContaining({ type: 'reply-read', by: 'llm', intent: 'partial', unsure: false }),
    );
    expect(step.state.answers.at(-1)).toMatchObject({ intent: 'partial' });
  });

  it('never asks the model about a self-correction the rules read: the last clause decides', async () => {
    const screening = screeningWithModel();
    const before = server.requests.length;
    const step = await screening.receive("j'ai le 3 oui, enfin non j'ai que le 1", at(1));
    expect(server.requests.length).toBe(before);
    expect(step.state.answers.at(-1)).toMatchObject({ intent: 'no' });
  });

  it('degrades an answer that fails the schema, or a yes that quotes nothing, to unsure', async () => {
    const broken = screeningWithModel();
    // Not the schema (twice: the repair attempt gets the same).
    server.enqueue(
      { kind: 'content', content: '{"intent":"maybe"}' },
      { kind: 'content', content: '{"intent":"maybe"}' },
    );
    const step = await broken.receive("c'est jouable", at(1));
    expect(step.events).toContainEqual(
      expect.objectContaining({ type: 'model-error', errorName: 'ObjectValidationError' }),
    );
    expect(step.messages.at(-1)!.kind).toBe('clarify');
    expect(step.state.answers).toEqual([]);

    const invented = screeningWithModel();
    server.enqueue({
      kind: 'content',
      content: reading({ intent: 'yes', evidence: 'oui je suis disponible' }),
    });
    const second = await invented.receive("c'est jouable", at(1));
    expect(second.events).toContainEqual(
      expect.objectContaining({ type: 'reply-read', by: 'llm', unsure: true }),
    );
    expect(second.messages.at(-1)!.kind).toBe('clarify');
    expect(second.state.answers).toEqual([]);
  });

  it("puts the model's yes through the second reading: someone else's word is no yes", async () => {
    const screening = screeningWithModel();
    server.enqueue({
      kind: 'content',
      content: reading({ intent: 'yes', evidence: "c'est jouable", confidence: 0.95 }),
    });
    const before = server.requests.length;
    const step = await screening.receive("mon frère dit que c'est jouable", at(1));
    expect(server.requests.length).toBe(before + 1);
    expect(step.events).toContainEqual(
      expect.objectContaining({ type: 'reply-read', by: 'llm', intent: 'off_topic', unsure: true }),
    );
    expect(step.messages.at(-1)!.kind).toBe('clarify');
    expect(step.state.answers).toEqual([]);
    const read = step.state.messages.at(-2)!.interpretation;
    expect(read?.verification).toEqual({ firstIntent: 'yes', reason: 'reported' });
  });
});
