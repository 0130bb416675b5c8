import type { Mistral } from '@mistralai/mistralai';
import type { ResolvedTransport } from '../remote/create-remote-provider.js';

export type MistralSdk = typeof import('@mistralai/mistralai') & {
  errors: typeof import('@mistralai/mistralai/models/errors');
};

/** An SDK client for one transport, with the SDK module (its error classes). */
export interface MistralConnection {
  client: Mistral;
  sdk: MistralSdk;
}

let sdkPromise: Promise<MistralSdk> | null = null;

/** The SDK is large (seconds to load): imported on the first Mistral call, not with cvmatch. */
export function loadMistralSdk(): Promise<MistralSdk> {
  sdkPromise ??= Promise.all([
    import('@mistralai/mistralai'),
    import('@mistralai/mistralai/models/errors'),
  ]).then(([main, errors]) => ({ ...main, errors }));
  return sdkPromise;
}

/**
 * The Mistral client for a transport (`baseURL` is the SDK's `serverURL`). SDK retries are off: retries
 * are cvmatch middleware. The SDK's own `timeoutMs` only applies when no signal is given, so the models
 * pass `requestOptions` below instead.
 */
export async function connectMistral(transport: ResolvedTransport): Promise<MistralConnection> {
  const sdk = await loadMistralSdk();
  const { fetch: fetcher, headers } = transport;
  const httpClient = new sdk.HTTPClient(fetcher ? { fetcher: (input, init) => fetcher(input, init) } : {});
  if (Object.keys(headers).length > 0) {
    httpClient.addHook('beforeRequest', (request) => {
      for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    });
  }
  const client = new sdk.Mistral({
    ...(transport.apiKey ? { apiKey: transport.apiKey } : {}),
    ...(transport.baseURL ? { serverURL: transport.baseURL } : {}),
    retryConfig: { strategy: 'none' },
    httpClient,
  });
  return { client, sdk };
}

/**
 * Per-request options: the caller's signal joined with the transport timeout, so the SDK reports a
 * slow server as its own `RequestTimeoutError` (mapped in `map-mistral-error.ts`).
 */
export function requestOptions(
  signal: AbortSignal | undefined,
  transport: ResolvedTransport,
): { signal: AbortSignal } {
  const deadline = AbortSignal.timeout(transport.timeoutMs);
  return { signal: signal ? AbortSignal.any([signal, deadline]) : deadline };
}
