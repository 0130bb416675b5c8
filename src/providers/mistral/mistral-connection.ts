import { AsyncLocalStorage } from 'node:async_hooks';
import type { Mistral } from '@mistralai/mistralai';
import { importOptional } from '../../support/optional-package.js';
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
  // An optional package: not installed, the first call throws MissingPackageError (and the next one tries again).
  sdkPromise ??= importOptional(['@mistralai/mistralai'], () =>
    Promise.all([import('@mistralai/mistralai'), import('@mistralai/mistralai/models/errors')]),
  ).then(
    ([main, errors]) => ({ ...main, errors }),
    (error: unknown) => {
      sdkPromise = null;
      throw error;
    },
  );
  return sdkPromise;
}

/**
 * The Mistral client for a transport (`baseURL` is the SDK's `serverURL`). SDK retries are off: retries
 * are cvmatch middleware. The SDK's own `timeoutMs` only applies when no signal is given, so the models
 * pass `requestOptions` below instead.
 */
export async function connectMistral(transport: ResolvedTransport): Promise<MistralConnection> {
  const sdk = await loadMistralSdk();
  const fetcher = transport.fetch ?? globalThis.fetch;
  const { headers } = transport;
  const httpClient = new sdk.HTTPClient({
    // The SDK hands fetch a Request built with the call's signal. Node's fetch (undici) holds the link from
    // that signal to the request only weakly: once the Request object is collected, which can happen while the
    // body is read, an abort no longer stops the read and the socket stays open (the process then outlives its
    // work, on a server that stalls mid-answer). Passing the signal again as `init` keeps it for the exchange.
    fetcher: (input, init) => {
      const signal = callSignal.getStore();
      return fetcher(input, signal ? { ...init, signal } : init);
    },
  });
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

/** The signal of the SDK call in progress, for the connection's fetcher. */
const callSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs one SDK call with its per-request options: the caller's signal joined with the transport timeout, so
 * the SDK reports a slow server as its own `RequestTimeoutError` (mapped in `map-mistral-error.ts`), and the
 * same signal handed to the connection's fetcher, which passes it to `fetch` itself.
 */
export function callWithSignal<T>(
  signal: AbortSignal | undefined,
  transport: ResolvedTransport,
  run: (options: { signal: AbortSignal }) => Promise<T>,
): Promise<T> {
  const deadline = AbortSignal.timeout(transport.timeoutMs);
  const options = { signal: signal ? AbortSignal.any([signal, deadline]) : deadline };
  return callSignal.run(options.signal, () => run(options));
}
