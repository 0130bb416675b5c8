import * as z from 'zod';
import { ObjectValidationError } from '../errors.js';
import type { Usage } from './spec.js';

/** Parses and validates a model's JSON answer; throws `ObjectValidationError` listing what was wrong. */
export function parseObject<T>(
  text: string,
  schema: z.ZodType<T>,
  context: { provider: string; usage: Usage; normalize?: (value: unknown) => unknown },
): T {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(text));
  } catch (error) {
    throw new ObjectValidationError(`${context.provider} answered with invalid JSON`, {
      provider: context.provider,
      issues: [{ path: [], message: `Invalid JSON: ${(error as Error).message}` }],
      text,
      usage: context.usage,
      cause: error,
    });
  }
  const result = schema.safeParse(context.normalize ? context.normalize(json) : json);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
  throw new ObjectValidationError(
    `${context.provider} answer does not match the schema (${issues.length} issue${issues.length === 1 ? '' : 's'})`,
    { provider: context.provider, issues, text, usage: context.usage, cause: result.error },
  );
}

/** Some models wrap JSON in a Markdown fence even in JSON mode. */
function stripCodeFence(text: string): string {
  const match = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return match ? match[1]! : text;
}

export interface ProviderJsonSchema {
  schema: Record<string, unknown>;
  /** True when the schema fits OpenAI/Mistral strict mode (all properties required, no extra ones). */
  strict: boolean;
  /** Undoes the strict-mode rewrite on an answer: drops `null` where the zod schema wants "absent". */
  normalize(value: unknown): unknown;
}

type JsonNode = Record<string, unknown>;

/**
 * The JSON schema sent in the provider's JSON-schema mode, from a zod schema. Strict mode requires
 * every property to be listed in `required`, so optional properties become required-but-nullable;
 * `normalize` turns those `null`s back into absent keys before zod validates the answer. Schemas that
 * cannot be strict (records, defaults, loose objects) are sent with `strict: false`.
 */
export function toProviderJsonSchema(schema: z.ZodType): ProviderJsonSchema {
  const original = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonNode;
  delete original.$schema;
  const strictSchema = strictify(structuredClone(original)) as JsonNode;
  const strict = strictSchema.type === 'object' && isStrictCompatible(strictSchema);
  return {
    schema: strict ? strictSchema : original,
    strict,
    normalize: (value) => dropNullsForAbsent(value, original),
  };
}

function acceptsNull(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const record = node as JsonNode;
  if (record.type === 'null' || (Array.isArray(record.type) && record.type.includes('null'))) return true;
  if (Array.isArray(record.anyOf) && record.anyOf.some(acceptsNull)) return true;
  return Array.isArray(record.oneOf) && record.oneOf.some(acceptsNull);
}

function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as JsonNode;
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'prefixItems', 'additionalProperties', 'not']) {
    if (key in record && typeof record[key] === 'object') record[key] = strictify(record[key]);
  }
  for (const key of ['$defs', 'definitions']) {
    const definitions = record[key] as JsonNode | undefined;
    if (definitions && typeof definitions === 'object') {
      for (const name of Object.keys(definitions)) definitions[name] = strictify(definitions[name]);
    }
  }
  const properties = record.properties as JsonNode | undefined;
  if (properties && typeof properties === 'object') {
    const required = new Set((record.required as string[] | undefined) ?? []);
    for (const key of Object.keys(properties)) {
      let child = strictify(properties[key]);
      if (!required.has(key) && !acceptsNull(child)) child = { anyOf: [child, { type: 'null' }] };
      properties[key] = child;
    }
    record.required = Object.keys(properties);
  }
  return record;
}

function dropNullsForAbsent(value: unknown, node: unknown): unknown {
  if (typeof node !== 'object' || node === null || typeof value !== 'object' || value === null) return value;
  const record = node as JsonNode;
  if (Array.isArray(value)) {
    const items = record.items;
    return items ? value.map((item) => dropNullsForAbsent(item, items)) : value;
  }
  const properties = record.properties as JsonNode | undefined;
  if (!properties) return value;
  const required = new Set((record.required as string[] | undefined) ?? []);
  const result: JsonNode = {};
  for (const [key, child] of Object.entries(value as JsonNode)) {
    const property = properties[key];
    if (child === null && property !== undefined && !required.has(key) && !acceptsNull(property)) continue;
    result[key] = property === undefined ? child : dropNullsForAbsent(child, property);
  }
  return result;
}

function isStrictCompatible(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isStrictCompatible);
  if (typeof node !== 'object' || node === null) return true;
  const record = node as JsonNode;
  if ('default' in record) return false;
  if (record.type === 'object' || record.properties) {
    const properties = Object.keys((record.properties as JsonNode | undefined) ?? {});
    const required = new Set((record.required as string[] | undefined) ?? []);
    if (record.additionalProperties !== false) return false;
    if (!properties.every((key) => required.has(key))) return false;
  }
  return Object.values(record).every(isStrictCompatible);
}

/** The message sent back to the model after an invalid answer. */
export function repairMessage(error: ObjectValidationError): string {
  const lines = error.issues.slice(0, 20).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `- ${where}: ${issue.message}`;
  });
  return [
    'Your previous answer could not be used:',
    ...lines,
    'Answer again with only a JSON value that matches the requested schema exactly, with no other text.',
  ].join('\n');
}
