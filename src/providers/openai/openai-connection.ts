import type OpenAI from 'openai';
import { importOptional } from '../../support/optional-package.js';
import type { ResolvedTransport } from '../remote/create-remote-provider.js';

export type OpenAISdk = typeof import('openai');

/** An SDK client for one transport, with the SDK module (its error classes). */
export interface OpenAIConnection {
  client: OpenAI;
  sdk: OpenAISdk;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The SDK refuses to start without a key; a keyless server (Ollama, LM Studio) gets this, and no header. */
const NO_KEY = 'no-key';

let sdkPromise: Promise<OpenAISdk> | null = null;

/** Imported on the first OpenAI call, so `import 'cvmatch'` stays fast for offline use. */
export function loadOpenAISdk(): Promise<OpenAISdk> {
  // An optional package: not installed, the first call throws MissingPackageError (and the next one tries again).
  sdkPromise ??= importOptional(['openai'], () => import('openai')).catch((error: unknown) => {
    sdkPromise = null;
    throw error;
  });
  return sdkPromise;
}

/**
 * The OpenAI client for a transport (also for OpenAI-compatible servers). SDK retries are off (retries
 * are cvmatch middleware); the SDK's `timeout` is the transport's, per request. Without a key, no
 * `Authorization` header is sent.
 */
export async function connectOpenAI(transport: ResolvedTransport): Promise<OpenAIConnection> {
  const sdk = await loadOpenAISdk();
  const client = new sdk.default({
    apiKey: transport.apiKey ?? NO_KEY,
    baseURL: transport.baseURL ?? OPENAI_BASE_URL,
    maxRetries: 0,
    timeout: transport.timeoutMs,
    defaultHeaders: { ...transport.headers, ...(transport.apiKey ? {} : { Authorization: null }) },
    ...(transport.fetch ? { fetch: transport.fetch } : {}),
  });
  return { client, sdk };
}
