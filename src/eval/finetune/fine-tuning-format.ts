/**
 * The chat fine-tuning file formats cvmatch writes, and a validator that checks each line against what the
 * providers document:
 *
 * - OpenAI chat fine-tuning (platform.openai.com/docs/guides/fine-tuning, and the cookbook's
 *   "Chat fine-tuning data prep" checks): one JSON object a line with `messages`, a list of
 *   `{ role, content }` with role `system`, `user` or `assistant` (keys `role`, `content`, `name`, and
 *   `weight` 0 or 1 on assistant messages only); at least one assistant message; at least 10 examples in a
 *   training file; each example within the model's context.
 * - Mistral fine-tuning (docs.mistral.ai capabilities/finetuning, mistral-finetune README): one JSON object a
 *   line with `messages`, roles `system`, `user`, `assistant` or `tool`, non-empty content, `weight` 0 or 1
 *   on assistant messages, and the LAST message from the assistant (its validator rejects "Expected last
 *   role to be one of: [assistant]").
 */

/** Fine-tuning file format: the provider whose documented JSONL the lines follow. */
export type FineTuningFormat = 'openai' | 'mistral';

export const FINE_TUNING_FORMATS: readonly FineTuningFormat[] = ['openai', 'mistral'];

/** One message of a training example. `weight: 0` keeps an assistant turn as context without training on it. */
export interface FineTuningMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  weight?: 0 | 1;
}

/** One line of a fine-tuning JSONL file. */
export interface FineTuningExample {
  messages: FineTuningMessage[];
}

/** A problem with one line: `path` inside the line, `code` stable for programs, `message` for people. */
export interface FineTuningIssue {
  line: number;
  path: (string | number)[];
  code:
    | 'not-json'
    | 'not-object'
    | 'unknown-key'
    | 'missing-messages'
    | 'empty-messages'
    | 'message-not-object'
    | 'unknown-message-key'
    | 'bad-role'
    | 'bad-content'
    | 'bad-weight'
    | 'no-assistant'
    | 'last-not-assistant'
    | 'too-long'
    | 'too-few-examples';
  message: string;
}

/**
 * Limits checked besides the shape. `maxExampleTokens` is compared with an estimate (≈ 4 characters a
 * token): the default, 16,385, is the smallest context among the chat models OpenAI fine-tunes
 * (gpt-3.5-turbo); raise it for the model you train.
 */
export interface FineTuningLimits {
  maxExampleTokens?: number;
  /** Fewest examples in a training file (OpenAI refuses fewer than 10). Default 10 for openai, 1 for mistral. */
  minExamples?: number;
}

export const DEFAULT_MAX_EXAMPLE_TOKENS = 16_385;

const ROLES: Record<FineTuningFormat, ReadonlySet<string>> = {
  openai: new Set(['system', 'user', 'assistant']),
  mistral: new Set(['system', 'user', 'assistant', 'tool']),
};
const MESSAGE_KEYS: Record<FineTuningFormat, ReadonlySet<string>> = {
  openai: new Set(['role', 'content', 'name', 'weight']),
  mistral: new Set(['role', 'content', 'weight']),
};
const TOP_KEYS: ReadonlySet<string> = new Set(['messages']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rough token count of an example (≈ 4 characters a token, as the reranker plans its calls). */
export function estimateExampleTokens(example: { messages: { content?: unknown }[] }): number {
  let characters = 0;
  for (const message of example.messages)
    characters += typeof message.content === 'string' ? message.content.length + 16 : 16;
  return Math.ceil(characters / 4);
}

/** Checks one parsed line (`line` is 1-based, for the messages). */
export function validateFineTuningExample(
  value: unknown,
  format: FineTuningFormat,
  line = 1,
  limits: FineTuningLimits = {},
): FineTuningIssue[] {
  const issues: FineTuningIssue[] = [];
  const issue = (path: (string | number)[], code: FineTuningIssue['code'], message: string) =>
    issues.push({ line, path, code, message });
  if (!isObject(value)) {
    issue([], 'not-object', 'a line must be a JSON object');
    return issues;
  }
  for (const key of Object.keys(value))
    if (!TOP_KEYS.has(key)) issue([key], 'unknown-key', `unexpected key "${key}"`);
  const messages = value.messages;
  if (!Array.isArray(messages)) {
    issue(['messages'], 'missing-messages', '"messages" must be a list');
    return issues;
  }
  if (messages.length === 0) {
    issue(['messages'], 'empty-messages', '"messages" is empty');
    return issues;
  }
  let assistants = 0;
  messages.forEach((message: unknown, index) => {
    const path = ['messages', index];
    if (!isObject(message)) {
      issue(path, 'message-not-object', 'a message must be an object');
      return;
    }
    for (const key of Object.keys(message))
      if (!MESSAGE_KEYS[format].has(key))
        issue([...path, key], 'unknown-message-key', `unexpected message key "${key}" for ${format}`);
    const role = message.role;
    if (typeof role !== 'string' || !ROLES[format].has(role))
      issue([...path, 'role'], 'bad-role', `role must be one of ${[...ROLES[format]].join(', ')}`);
    if (role === 'assistant') assistants++;
    if (typeof message.content !== 'string' || message.content.trim() === '')
      issue([...path, 'content'], 'bad-content', 'content must be a non-empty string');
    if ('weight' in message) {
      if (role !== 'assistant')
        issue([...path, 'weight'], 'bad-weight', 'only assistant messages may carry a weight');
      else if (message.weight !== 0 && message.weight !== 1)
        issue([...path, 'weight'], 'bad-weight', 'weight must be 0 or 1');
    }
  });
  if (assistants === 0) issue(['messages'], 'no-assistant', 'an example needs an assistant message');
  const last = messages.at(-1) as unknown;
  if (format === 'mistral' && assistants > 0 && (!isObject(last) || last.role !== 'assistant'))
    issue(['messages', messages.length - 1], 'last-not-assistant', 'the last message must be the assistant');
  const maxTokens = limits.maxExampleTokens ?? DEFAULT_MAX_EXAMPLE_TOKENS;
  const tokens = estimateExampleTokens(value as { messages: { content?: unknown }[] });
  if (tokens > maxTokens)
    issue(['messages'], 'too-long', `about ${tokens} tokens, over the limit of ${maxTokens}`);
  return issues;
}

/**
 * Checks a whole JSONL text: each line parsed and validated, then the file's example count (a training file
 * below `minExamples` is refused by OpenAI). Blank lines are not allowed inside the file.
 */
export function validateFineTuningFile(
  text: string,
  format: FineTuningFormat,
  limits: FineTuningLimits = {},
): { examples: number; issues: FineTuningIssue[] } {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const issues: FineTuningIssue[] = [];
  let examples = 0;
  if (text === '') lines.length = 0;
  lines.forEach((raw, index) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      issues.push({
        line: index + 1,
        path: [],
        code: 'not-json',
        message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    examples++;
    issues.push(...validateFineTuningExample(parsed, format, index + 1, limits));
  });
  const minExamples = limits.minExamples ?? (format === 'openai' ? 10 : 1);
  if (examples < minExamples)
    issues.push({
      line: 0,
      path: [],
      code: 'too-few-examples',
      message: `${examples} examples; ${format} needs at least ${minExamples}`,
    });
  return { examples, issues };
}
