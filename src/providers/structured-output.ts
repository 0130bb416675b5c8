import { z } from 'zod';
import { ProviderError, type ValidationIssue } from '../errors.js';
import type { Usage } from './spec.js';

/**
 * A model answered, but not with valid JSON matching the schema. Not retryable as an outage; the
 * repair middleware gives the model one chance to fix it. Carries the zod issues, the raw answer and
 * the usage it cost.
 */
export class ObjectValidationError extends ProviderError {
  readonly issues: ValidationIssue[];
  /** The model's raw answer. May contain personal data: do not log it at info level. */
  readonly text: string;
  readonly usage: Usage;
  constructor(
    message: string,
    options: { provider: string; issues: ValidationIssue[]; text: string; usage: Usage; cause?: unknown },
  ) {
    super(message, { provider: options.provider, retryable: false, cause: options.cause });
    this.issues = options.issues;
    this.text = options.text;
    this.usage = options.usage;
  }
}

/** Parses and validates a model's JSON answer; throws `ObjectValidationError` listing what was wrong. */
export function parseObject<T>(
  text: string,
  schema: z.ZodType<T>,
  context: { provider: string; usage: Usage },
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
  const result = schema.safeParse(json);
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
  /** True when the schema fits OpenAI/Mistral strict mode (every property required, no extra properties). */
  strict: boolean;
}

/** The JSON schema sent in the provider's JSON-schema mode, from a zod schema. */
export function toProviderJsonSchema(schema: z.ZodType): ProviderJsonSchema {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return { schema: json, strict: json.type === 'object' && isStrictCompatible(json) };
}

function isStrictCompatible(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isStrictCompatible);
  if (typeof node !== 'object' || node === null) return true;
  const record = node as Record<string, unknown>;
  if ('default' in record) return false;
  if (record.type === 'object' || record.properties) {
    const properties = Object.keys((record.properties as Record<string, unknown> | undefined) ?? {});
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
