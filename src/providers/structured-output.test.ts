import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ObjectValidationError } from '../errors.js';
import { parseObject, repairMessage, toProviderJsonSchema } from './structured-output.js';

const usage = { inputTokens: 1, outputTokens: 1 };

describe('structured output', () => {
  const schema = z.object({
    name: z.string(),
    licence: z.enum(['B', 'C']).optional(),
    validUntil: z.iso.date().nullish(),
    experiences: z.array(z.object({ title: z.string(), months: z.number().int().optional() })),
  });

  it('makes optional properties required-but-nullable for strict mode', () => {
    const { schema: json, strict } = toProviderJsonSchema(schema);
    expect(strict).toBe(true);
    expect(json.$schema).toBeUndefined();
    expect(json.required).toEqual(['name', 'licence', 'validUntil', 'experiences']);
    const properties = json.properties as Record<string, Record<string, unknown>>;
    expect(properties.licence).toEqual({ anyOf: [{ type: 'string', enum: ['B', 'C'] }, { type: 'null' }] });
    const item = (properties.experiences!.items as Record<string, unknown>).required;
    expect(item).toEqual(['title', 'months']);
  });

  it('turns strict-mode nulls back into absent keys, keeping real nulls', () => {
    const { normalize } = toProviderJsonSchema(schema);
    const answer = JSON.stringify({
      name: 'Camille Test',
      licence: null,
      validUntil: null,
      experiences: [{ title: 'Cariste', months: null }],
    });
    const parsed = parseObject(answer, schema, { provider: 'test', usage, normalize });
    expect(parsed).toEqual({ name: 'Camille Test', validUntil: null, experiences: [{ title: 'Cariste' }] });
  });

  it('sends schemas that cannot be strict as they are, with strict false', () => {
    const loose = toProviderJsonSchema(
      z.object({ scores: z.record(z.string(), z.number()), n: z.number().default(1) }),
    );
    expect(loose.strict).toBe(false);
    expect((loose.schema.properties as Record<string, unknown>).n).toEqual({ type: 'number', default: 1 });
  });

  it('reports invalid JSON and schema failures as issues, and accepts a fenced answer', () => {
    expect(
      parseObject('```json\n{"name":"A","experiences":[]}\n```', schema, { provider: 'test', usage }),
    ).toEqual({
      name: 'A',
      experiences: [],
    });
    const invalid = (() => {
      try {
        parseObject('{"name": 3}', schema, { provider: 'test', usage });
      } catch (error) {
        return error as ObjectValidationError;
      }
      throw new Error('expected a failure');
    })();
    expect(invalid).toBeInstanceOf(ObjectValidationError);
    expect(invalid.issues.map((issue) => issue.path.join('.'))).toEqual(['name', 'experiences']);
    expect(invalid.usage).toEqual(usage);
    expect(repairMessage(invalid)).toMatch(/- name: .*\n- experiences: /);
    expect(() => parseObject('{"name": ', schema, { provider: 'test', usage })).toThrow(/invalid JSON/);
  });
});
