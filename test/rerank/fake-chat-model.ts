import type { z } from 'zod';
import { ProviderError } from '../../src/errors.js';
import type { ChatMessage, ChatModel, GenerationSettings, Usage } from '../../src/providers/spec.js';

/** One `generateObject` call as the fake model received it. */
export interface RecordedRequest {
  messages: ChatMessage[];
  schemaName: string | undefined;
  settings: GenerationSettings;
}

/** The candidate blocks of a prompt: id → text inside the fence. */
export function candidateBlocks(prompt: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of prompt.matchAll(/<candidate id="([^"]+)">\n([\s\S]*?)\n<\/candidate>/g)) {
    blocks.set(match[1]!, match[2]!);
  }
  return blocks;
}

export interface FakeChatModelOptions {
  /** Builds the answer object from the request (default: every candidate scored 50, no quotes). */
  respond?: (request: RecordedRequest, call: number) => unknown;
  /** Simulated latency per call, ms. */
  latencyMs?: number;
  /** Throws a retryable `ProviderError` (a 500 that survived the retries) for these call numbers (0-based). */
  failCalls?: number[];
  /** Throws what this returns for that call number, when it returns something (another kind of failure). */
  throwOn?: (call: number) => unknown;
}

/**
 * A `ChatModel` for tests and benchmarks: records what it was sent, answers with `respond`, and reports
 * usage proportional to the prompt (≈ 4 characters per token) and to the answer.
 */
export function createFakeChatModel(options: FakeChatModelOptions = {}) {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const model: ChatModel = {
    specificationVersion: 'v1',
    provider: 'fake',
    modelId: 'fake-rerank',
    async generateObject<T>(
      request: { schema: z.ZodType<T>; schemaName?: string; messages: ChatMessage[] } & GenerationSettings,
    ): Promise<{ object: T; usage: Usage }> {
      const call = requests.length;
      const { schema, schemaName, messages, ...settings } = request;
      const recorded: RecordedRequest = { messages, schemaName, settings };
      requests.push(recorded);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
        if (options.failCalls?.includes(call)) {
          throw new ProviderError('fake failure: 500 after retries', {
            provider: 'fake',
            status: 500,
            retryable: true,
            attempts: 3,
          });
        }
        const thrown = options.throwOn?.(call);
        if (thrown !== undefined) throw thrown;
        const raw = (options.respond ?? defaultRespond)(recorded, call);
        const object = schema.parse(raw);
        const inputTokens = Math.ceil(messages.reduce((sum, message) => sum + message.content.length, 0) / 4);
        return { object, usage: { inputTokens, outputTokens: Math.ceil(JSON.stringify(raw).length / 4) } };
      } finally {
        inFlight--;
      }
    },
    async generateText() {
      throw new Error('generateText is not used by the reranker');
    },
  };
  return {
    model,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

function defaultRespond(request: RecordedRequest): unknown {
  const prompt = request.messages.map((message) => message.content).join('\n');
  return {
    candidates: [...candidateBlocks(prompt).keys()].map((id) => ({
      id,
      score: 50,
      criteria: [],
      summary: 'Profil proche du poste. À confirmer par téléphone.',
    })),
  };
}
