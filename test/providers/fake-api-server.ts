import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which API's exact response shapes the server speaks. */
export type ApiFlavor = 'openai' | 'mistral';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** One scripted answer. Unscripted requests get a normal successful answer. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; code?: string; message?: string }
  | { kind: 'slow'; delayMs: number }
  /** The socket is closed before any answer (a reset connection). */
  | { kind: 'drop' }
  /** Headers and half a body, then the socket is closed. */
  | { kind: 'reset' }
  /** Headers and half a body, then nothing (until the server closes). */
  | { kind: 'stall' }
  | { kind: 'content'; content: string }
  /** A raw body (status 200 unless given), e.g. a proxy's HTML page or JSON that is not the API's shape. */
  | { kind: 'raw'; body: string; contentType: string; status?: number };

export interface FakeApiServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Faults applied to the next requests, in order. */
  enqueue(...faults: Fault[]): void;
  /** Content of a chat answer when no fault is queued. */
  chatContent: (body: Record<string, unknown>) => string;
  close(): Promise<void>;
}

const EMBEDDING_SIZES: Record<string, number> = {
  'mistral-embed': 1024,
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'nomic-embed-text': 768,
};

/** A deterministic unit vector derived from the text, so tests can check each input got its own vector. */
export function fakeVector(text: string, dimensions: number): number[] {
  let seed = 2166136261;
  for (let index = 0; index < text.length; index++) seed = Math.imul(seed ^ text.charCodeAt(index), 16777619);
  const values: number[] = [];
  let norm = 0;
  for (let index = 0; index < dimensions; index++) {
    const value = Math.sin(seed * 0.0001 + index * 1.7);
    values.push(value);
    norm += value * value;
  }
  return values.map((value) => value / Math.sqrt(norm));
}

export function fakeTokens(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function embeddingAnswer(flavor: ApiFlavor, body: Record<string, unknown>, requestNumber: number) {
  const inputs = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
  const model = String(body.model);
  const requested = (body.dimensions ?? body.output_dimension) as number | undefined;
  const dimensions = requested ?? EMBEDDING_SIZES[model] ?? 8;
  const promptTokens = inputs.reduce((sum, input) => sum + fakeTokens(input), 0);
  const data = inputs.map((input, index) => ({
    object: 'embedding',
    index,
    embedding: fakeVector(input, dimensions),
  }));
  if (flavor === 'openai') {
    return {
      object: 'list',
      data,
      model,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    };
  }
  return {
    id: `emb-${requestNumber}`,
    object: 'list',
    data,
    model,
    usage: { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: promptTokens },
  };
}

function chatAnswer(
  flavor: ApiFlavor,
  body: Record<string, unknown>,
  content: string,
  requestNumber: number,
) {
  const messages = body.messages as { content: string }[];
  const promptTokens = messages.reduce((sum, message) => sum + fakeTokens(message.content), 0);
  const completionTokens = fakeTokens(content);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  if (flavor === 'openai') {
    return {
      id: `chatcmpl-${requestNumber}`,
      object: 'chat.completion',
      created: 1_764_400_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage,
      service_tier: 'default',
      system_fingerprint: 'fp_test',
    };
  }
  return {
    id: `cmpl-${requestNumber}`,
    object: 'chat.completion',
    model: body.model,
    created: 1_764_400_000,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, tool_calls: null, prefix: false },
        finish_reason: 'stop',
      },
    ],
    usage,
  };
}

function errorBody(flavor: ApiFlavor, status: number, fault: { code?: string; message?: string }) {
  const message = fault.message ?? `fake error ${status}`;
  if (flavor === 'openai') {
    return { error: { message, type: 'fake_error', param: null, code: fault.code ?? null } };
  }
  return { object: 'error', message, type: 'fake_error', param: null, code: fault.code ?? String(status) };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': 'req_fake_123',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/** Starts an HTTP server on 127.0.0.1 (random port) answering `/v1/embeddings` and `/v1/chat/completions`. */
export async function startFakeApiServer(flavor: ApiFlavor): Promise<FakeApiServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state: FakeApiServer = {
    url: '',
    requests,
    enqueue: (...added) => faults.push(...added),
    chatContent: () => 'Bonjour',
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      });
      const number = requests.length;
      const fault = faults.shift();
      const answer = () => {
        if (request.url === '/v1/embeddings')
          return send(response, 200, embeddingAnswer(flavor, body, number));
        if (request.url === '/v1/chat/completions') {
          const content = fault?.kind === 'content' ? fault.content : state.chatContent(body);
          return send(response, 200, chatAnswer(flavor, body, content, number));
        }
        send(response, 404, errorBody(flavor, 404, { message: `no route ${request.url}` }));
      };
      if (!fault || fault.kind === 'content') return answer();
      if (fault.kind === 'drop') return request.socket.destroy();
      if (fault.kind === 'raw') {
        response.writeHead(fault.status ?? 200, { 'content-type': fault.contentType });
        return response.end(fault.body);
      }
      if (fault.kind === 'reset' || fault.kind === 'stall') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        response.write('{"id": "partial", "object": ');
        if (fault.kind === 'reset') setImmediate(() => request.socket.destroy());
        return;
      }
      if (fault.kind === 'status')
        return send(response, fault.status, errorBody(flavor, fault.status, fault), fault.headers);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer();
      }, fault.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}` });
}
